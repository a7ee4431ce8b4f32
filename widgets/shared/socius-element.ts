import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJsonLd, type JsonLd, SCRIPT_ORIGIN } from './client.ts';
import { trusted } from './rich-text.ts';
import { safeHref } from './safe-href.ts';
import { resolveLang, STRINGS, type Strings, type UiLang } from './strings.ts';

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'empty' } | { kind: 'ready'; data: T };

/** What an item needs for a link to its page: the API's `links.html`, and what `href-template` may fill in. */
export interface Linkable {
  id?: string;
  slug?: string;
  links?: { html: string };
}

type LdNode = Record<string, unknown>;
const ldKey = (node: unknown): string | undefined => {
  const n = node as LdNode | null | undefined;
  const key = n?.['@id'] ?? n?.url;
  return typeof key === 'string' ? key : undefined;
};

/**
 * What every Socius element shares: `lang`, `api-base`, `theme`, `heading-level`, `no-jsonld`, `href-template`,
 * `label`; a skeleton of the expected size while loading (so the host page does not jump), empty and error
 * states that say what happened in the widget's language (with retry, and the partner's own fallback link from
 * inside the element when the API cannot be reached), and the schema.org JSON-LD it puts into the host page's
 * light DOM for search engines, read from the API after the first render: one block per item per page, however
 * many widgets show it.
 *
 * Colours never mix the host page's with the widget's own: without `theme` the widget paints no background and
 * takes its text colour from the host page, deriving muted text, borders and accent from that colour, so it is
 * as readable as the page around it, light or dark. With `theme="light|dark|auto"` it paints its own surface and
 * sets every colour itself (`auto` follows the visitor's `prefers-color-scheme`). Set `--socius-text` and
 * `--socius-surface` together, and `--socius-accent` with `--socius-accent-text`, so a pair never splits.
 *
 * @cssproperty --socius-font - Font family; inherits the host page's by default.
 * @cssproperty --socius-text - Text colour. Without `theme`, the host page's (inherited, on no background of the widget's own); with `theme`, the theme's. Set it together with `--socius-surface`.
 * @cssproperty --socius-muted - Secondary text (dates, authors, status messages); without `theme`, the text colour at 75 %.
 * @cssproperty --socius-accent - Accent colour of links, buttons, markers and focus rings; without `theme`, the text colour tinted. Set it together with `--socius-accent-text`.
 * @cssproperty --socius-accent-text - Text on the accent colour (primary buttons, alert badges); black or white, whichever contrasts.
 * @cssproperty --socius-surface - Background of the widget, cards and form controls. Without `theme`, none (transparent: the host page's background shows, under the host page's text colour); with `theme`, the theme's. Set it together with `--socius-text`.
 * @cssproperty --socius-border - Borders of cards and rules; without `theme`, the text colour at 35 %.
 * @cssproperty --socius-radius - Corner radius of cards, buttons and controls.
 * @cssproperty --socius-spacing - The base space between and inside items.
 * @csspart heading - Every heading (a `role="heading"` element whose level follows `heading-level`).
 * @csspart status - The loading, empty and error messages.
 * @csspart error - The error message together with its "try again" button and the fallback link.
 * @csspart skeleton - The placeholder of the expected size shown while loading.
 * @slot - A fallback link to the same content (such as `/embed/...`): shown when JavaScript is off, and by the element when the API cannot be reached.
 */
export abstract class SociusElement<T> extends LitElement {
  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
    apiBase: { type: String, attribute: 'api-base' },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    noJsonld: { type: Boolean, attribute: 'no-jsonld' },
    hrefTemplate: { type: String, attribute: 'href-template' },
    label: { type: String },
    state: { state: true },
  };

  /**
   * Language of the content and of the widget's own words: `nl`, `en` or `fr`. Defaults to the host page's
   * `<html lang>` (followed when the page changes it), else Dutch; content missing in that language is shown in
   * Dutch and marked as such.
   */
  declare lang: string;
  /** Origin of the Socius API to read from; defaults to the origin the script was loaded from. */
  declare apiBase: string;
  /** Colour scheme: `light`, `dark` or `auto` (follows the visitor's setting), each with its own background; unset, the widget has no background and takes the host page's text colour. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** Level of the widget's item titles (1–6, default 2), so they fit the host page's outline: one under the partner's own heading; inner headings go one deeper. */
  declare headingLevel: number;
  /** Set to keep the widget from adding schema.org JSON-LD about what it shows to the host page. */
  declare noJsonld: boolean;
  /**
   * Where titles link to, instead of the item's page on the Socius API (`links.html`): a URL with the
   * placeholders `{slug}`, `{lang}` and `{id}`, filled in URL-encoded, such as
   * `https://partner.example/agenda/{slug}`. Relative URLs resolve against the host page; anything that is not
   * http(s) is ignored.
   */
  declare hrefTemplate: string | undefined;
  /** Accessible name of the widget's region, for two widgets of one kind on a page; by default what it shows, numbered from the second one on. */
  declare label: string | undefined;
  /** Where loading stands: `loading`, `empty`, `error` or `ready` with the data. */
  declare state: LoadState<T>;
  #abort: AbortController | undefined;
  #retrying = false;
  #shownLang: UiLang | undefined;
  /** The full JSON-LD of what this widget shows, before other widgets' items are taken out. */
  #ld: JsonLd | null = null;

  /** Properties whose change means new data must be fetched. */
  protected abstract readonly reloadOn: readonly string[];
  /** The data to show, or undefined when there is nothing to show (which is not an error). */
  protected abstract fetchData(signal: AbortSignal): Promise<T | undefined>;
  /** The widget's content once the data is there. */
  protected abstract renderData(data: T): TemplateResult | typeof nothing;
  /** The API URL whose JSON-LD describes what is shown (the URL the data was read from), or null for none. */
  protected jsonLd(_data: T): URL | null {
    return null;
  }

  constructor() {
    super();
    // Upgraded on the page, the element is still :not(:defined) here: a height the partner reserved for it then
    // is kept by the skeleton. (A custom property set through CSSOM, which a strict CSP allows.)
    const reserved = this.isConnected ? getComputedStyle(this).minHeight : '';
    if (reserved.endsWith('px') && Number.parseFloat(reserved) > 0) this.style.setProperty('--_reserved', reserved);
    this.apiBase = SCRIPT_ORIGIN;
    this.headingLevel = 2;
    this.noJsonld = false;
    this.state = { kind: 'loading' };
  }

  /** What the visitor reads when `fetchData` found nothing to show; elements that can be empty say it their way. */
  protected get emptyMessage(): string {
    return this.t.notFound;
  }

  /** The language the widget speaks, resolved from `lang` and the host page (`nl`, `en` or `fr`). */
  get uiLang(): UiLang {
    return resolveLang(this.lang);
  }

  /** The widget's own words in `uiLang`. */
  get t(): Strings {
    return STRINGS[this.uiLang];
  }

  /**
   * The page a title links to: `href-template` filled in for this item, else the item's page (`links.html`),
   * never the JSON resource; undefined when neither is a link we may render.
   */
  itemHref(item: Linkable): string | undefined {
    if (this.hrefTemplate) {
      const values: Record<string, string> = { slug: item.slug ?? '', lang: this.uiLang, id: item.id ?? '' };
      const filled = this.hrefTemplate.replace(/\{(slug|lang|id)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
      let absolute: string | undefined;
      try {
        absolute = new URL(filled, document.baseURI).href;
      } catch {
        absolute = undefined;
      }
      const href = safeHref(absolute);
      if (href?.startsWith('http')) return href;
    }
    return safeHref(item.links?.html);
  }

  /** An item's title linked to its page (see `itemHref`); `onClick` may cancel the navigation. */
  titleLink(item: Linkable, title: string, onClick?: (e: MouseEvent) => void): TemplateResult | string {
    const href = this.itemHref(item);
    return href ? html`<a href=${href} @click=${onClick}>${title}</a>` : title;
  }

  /** A name for the widget's region that no other widget of its kind on the page has: `label`, else `name`, numbered from the second widget on. */
  landmarkLabel(name: string): string {
    if (this.label) return this.label;
    const same = [...document.querySelectorAll(this.localName)].filter((el) => !el.hasAttribute('label'));
    const index = same.indexOf(this);
    return index > 0 ? `${name} (${index + 1})` : name;
  }

  /** Tells the developer of the host page what went wrong and what to check: never shown to visitors. */
  protected hint(message: string): void {
    console.warn(`<${this.localName}>: ${message}`);
  }

  /** An empty list for a `topic` is most often a mistyped slug: says so to the developer. */
  protected hintTopic(topic: string | undefined): void {
    if (topic) this.hint(`nothing found for topic "${topic}": is each one a slug from ${this.apiBase}/v1/topics?`);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.reloadOn.some((name) => changed.has(name)) || changed.has('lang') || changed.has('apiBase')) void this.reload();
    if (changed.has('noJsonld') && this.noJsonld) this.#setJsonLd(null);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    FOLLOWERS.add(this);
    PAGE_LANG.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    if (this.state.kind !== 'loading' && !this.#abort) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    FOLLOWERS.delete(this);
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.#ld) {
      SociusElement.#withLd.delete(this);
      SociusElement.#writeAllJsonLd();
    }
  }

  /** The page's `<html lang>` changed: a widget without a `lang` of its own follows it. */
  pageLangChanged(): void {
    if (!this.hasAttribute('lang') && this.#shownLang !== this.uiLang) {
      this.requestUpdate();
      void this.reload();
    }
  }

  /** Settles when the newest fetch has finished (or failed). */
  loaded: Promise<void> = Promise.resolve();

  /** Fetches again (also what the retry button does). */
  reload(): Promise<void> {
    this.loaded = this.#load();
    return this.loaded;
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#shownLang = this.uiLang;
    // Content already shown stays while new content loads, so focus in filters or the calendar is kept; so does
    // an error being retried, so focus stays on its button.
    if (this.state.kind !== 'ready' && !(this.#retrying && this.state.kind === 'error')) this.state = { kind: 'loading' };
    this.setAttribute('aria-busy', 'true');
    try {
      const data = await this.fetchData(abort.signal);
      if (abort.signal.aborted) return;
      if (data === undefined) {
        this.state = { kind: 'empty' };
        this.#setJsonLd(null);
        return;
      }
      this.state = { kind: 'ready', data };
    } catch (error) {
      if (!abort.signal.aborted) {
        this.state = { kind: 'error', error };
        this.#explain(error);
      }
    } finally {
      if (!abort.signal.aborted) this.removeAttribute('aria-busy');
    }
    if (this.state.kind !== 'ready' || abort.signal.aborted) return;
    // After the content is on screen: the JSON-LD is for search engines and must never delay what people see.
    await this.updateComplete;
    const url = this.noJsonld ? null : this.jsonLd(this.state.data);
    const ld = url ? await fetchJsonLd(url, abort.signal) : null;
    if (!abort.signal.aborted) this.#setJsonLd(ld);
  }

  /** The likely cause of a failure, in the console, for whoever set the element up. */
  #explain(error: unknown): void {
    if (!(error instanceof ApiError)) return;
    this.hint(
      error.status === 0
        ? `api-base "${this.apiBase}" could not be reached; showing the link inside the element.`
        : `the API answered ${error.status} (${error.message}): check the attributes (an unknown topic or slug?).`,
    );
  }

  async #retry(): Promise<void> {
    if (this.#retrying) return;
    this.#retrying = true;
    this.requestUpdate();
    try {
      await this.reload();
    } finally {
      this.#retrying = false;
      this.requestUpdate();
    }
    await this.updateComplete;
    // On success the button is gone: focus goes to the first title rather than back to the top of the page.
    if (this.state.kind === 'ready') {
      const title = this.renderRoot.querySelector<HTMLElement>('[role="heading"]');
      title?.setAttribute('tabindex', '-1');
      title?.focus();
    }
  }

  /** Adds the items of one more page of a list (its API URL) to the ItemList already in the host page. */
  protected async appendJsonLd(url: URL): Promise<void> {
    if (this.noJsonld || !this.#ld) return;
    const more = await fetchJsonLd(url);
    // Read what is shown only now: a reload while the page was on its way may have replaced it.
    const shown = this.#ld;
    const items = (list: JsonLd | null) => (Array.isArray(list?.itemListElement) ? (list.itemListElement as object[]) : []);
    if (shown?.['@type'] !== 'ItemList' || more?.['@type'] !== 'ItemList') return;
    this.#setJsonLd({ ...shown, itemListElement: [...items(shown), ...items(more)] });
  }

  /** Widgets with JSON-LD to show, so each item is written once per page, by the first widget (in page order) to show it. */
  static #withLd = new Set<SociusElement<unknown>>();

  #setJsonLd(data: JsonLd | null): void {
    this.#ld = data;
    // A widget taken off the page while its JSON-LD was on the way must not claim items for the widgets still on it.
    if (data && this.isConnected) SociusElement.#withLd.add(this);
    else {
      SociusElement.#withLd.delete(this);
      this.#writeJsonLd(null);
    }
    SociusElement.#writeAllJsonLd();
  }

  static #writeAllJsonLd(): void {
    const written = new Set<string>();
    const widgets = [...SociusElement.#withLd].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const widget of widgets) widget.#writeJsonLd(SociusElement.#unwritten(widget.#ld, written));
  }

  /** The part of a JSON-LD document whose items (by `@id`) are not written yet, marking them written; null if none is left. */
  static #unwritten(ld: JsonLd | null, written: Set<string>): JsonLd | null {
    const claim = (node: unknown) => {
      const key = ldKey(node);
      if (key && written.has(key)) return false;
      if (key) written.add(key);
      return true;
    };
    if (ld?.['@type'] !== 'ItemList') return ld && claim(ld) ? ld : null;
    const entries = (Array.isArray(ld.itemListElement) ? (ld.itemListElement as LdNode[]) : []).filter((entry) => claim(entry.item));
    return entries.length > 0 ? { ...ld, itemListElement: entries.map((entry, index) => ({ ...entry, position: index + 1 })) } : null;
  }

  /** Puts (or replaces, or removes) the widget's JSON-LD script in its light DOM, where search engines read it. */
  #writeJsonLd(data: JsonLd | null): void {
    let script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
    if (!data) {
      script?.remove();
      return;
    }
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      this.append(script);
    }
    // textContent of a script is never parsed as HTML, so no escaping is needed to keep it inside the element.
    const text = JSON.stringify(data);
    // A page that requires Trusted Types takes script text only from a policy (see trusted).
    if (script.textContent !== text) script.textContent = trusted()?.createScript(text) ?? text;
  }

  /** A heading at `heading-level` plus `offset`; `lang` when its text is in another language than the widget's (see fallbackLang). */
  protected heading(content: unknown, offset = 0, lang: string | typeof nothing = nothing): TemplateResult {
    const level = Math.min(6, Math.max(1, (this.headingLevel || 2) + offset));
    return html`<div role="heading" aria-level=${level} part="heading" lang=${lang}>${content}</div>`;
  }

  /** A message that says what happened, announced to screen readers. */
  protected renderStatus(message: string): TemplateResult {
    return html`<p class="status" role="status" part="status">${message}</p>`;
  }

  /**
   * Placeholders of the size the content is expected to take, so the host page does not move when it arrives;
   * elements override it with their own list or card shapes (`skeletonItems` helps).
   */
  protected renderSkeleton(): TemplateResult {
    return html`<div class="placeholder"></div>`;
  }

  /** `count` empty items in a list styled like the element's own, each as tall as an item usually is. */
  protected skeletonItems(count: number, listClass = 'items'): TemplateResult {
    return html`<ul class=${listClass} aria-hidden="true">
      ${Array.from({ length: count }, () => html`<li class="placeholder"></li>`)}
    </ul>`;
  }

  override render() {
    switch (this.state.kind) {
      case 'loading':
        // "Loading" appears only after a moment (CSS), so a fast answer never flashes it.
        return html`<div class="skeleton" part="skeleton">
          ${this.renderSkeleton()}
          <p class="status late" role="status" part="status">${this.t.loading}</p>
        </div>`;
      case 'error': {
        const { error } = this.state;
        const status = error instanceof ApiError ? error.status : 0;
        const message = this.#retrying ? this.t.loading : status === 404 ? this.t.notFound : status === 0 ? this.t.offline : this.t.error;
        const unreachable = status === 0 || status >= 500 || status === 429;
        return html`<div part="error">
          ${this.renderStatus(message)}
          ${
            status === 404
              ? nothing
              : html`<button type="button" aria-disabled=${this.#retrying} @click=${() => void this.#retry()}>${this.t.retry}</button>`
          }
          ${unreachable ? html`<p class="fallback"><slot></slot></p>` : nothing}
        </div>`;
      }
      case 'empty':
        return this.renderStatus(this.emptyMessage);
      case 'ready':
        return this.renderData(this.state.data);
    }
  }
}

/** Widgets on the page; those without `lang` follow `<html lang>` when it changes. */
const FOLLOWERS = new Set<SociusElement<unknown>>();
const PAGE_LANG = new MutationObserver(() => {
  for (const widget of FOLLOWERS) widget.pageLangChanged();
});
