import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJsonLd, type JsonLd, SCRIPT_ORIGIN } from './client.ts';
import { resolveLang, STRINGS, type Strings, type UiLang } from './strings.ts';

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'empty' } | { kind: 'ready'; data: T };

/**
 * What every Socius element shares: `lang`, `api-base`, `theme`, `heading-level`, `no-jsonld`; loading,
 * empty, error (with retry) and ready states that say what happened in the widget's language; and the
 * schema.org JSON-LD it puts into the host page's light DOM for search engines, read from the API after the
 * first render.
 *
 * Colours never mix the host page's with the widget's own: without `theme` the widget paints no background and
 * takes its text colour from the host page, deriving muted text, borders and accent from that colour, so it is
 * as readable as the page around it, light or dark. With `theme="light|dark|auto"` it paints its own surface and
 * sets every colour itself (`auto` follows the visitor's `prefers-color-scheme`). Set `--socius-text` and
 * `--socius-surface` together, and `--socius-accent` with `--socius-accent-text`, so a pair never splits.
 *
 * @cssproperty --socius-font - Font family; inherits the host page's by default.
 * @cssproperty --socius-text - Text colour; without `theme`, the host page's.
 * @cssproperty --socius-muted - Secondary text (dates, authors, status messages); without `theme`, the text colour at 75 %.
 * @cssproperty --socius-accent - Accent colour of links, buttons, markers and focus rings; without `theme`, the text colour tinted.
 * @cssproperty --socius-accent-text - Text on the accent colour (primary buttons, alert badges); black or white, whichever contrasts.
 * @cssproperty --socius-surface - Background of the widget, cards and form controls; without `theme`, none (transparent).
 * @cssproperty --socius-border - Borders of cards and rules; without `theme`, the text colour at 35 %.
 * @cssproperty --socius-radius - Corner radius of cards, buttons and controls.
 * @cssproperty --socius-spacing - The base space between and inside items.
 * @csspart heading - Every heading (a `role="heading"` element whose level follows `heading-level`).
 * @csspart status - The loading, empty and error messages.
 * @csspart error - The error message together with its "try again" button.
 */
export abstract class SociusElement<T> extends LitElement {
  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
    apiBase: { type: String, attribute: 'api-base' },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    noJsonld: { type: Boolean, attribute: 'no-jsonld' },
    state: { state: true },
  };

  /**
   * Language of the content and of the widget's own words: `nl`, `en` or `fr`. Defaults to the host page's
   * `<html lang>`, else Dutch; content missing in that language is shown in Dutch and marked as such.
   */
  declare lang: string;
  /** Origin of the Socius API to read from; defaults to the origin the script was loaded from. */
  declare apiBase: string;
  /** Colour scheme: `light`, `dark` or `auto` (follows the visitor's setting), each with its own background; unset, the widget has no background and takes the host page's text colour. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** Level of the widget's top headings (1–6, default 2), so they fit the host page's outline; inner headings go one deeper. */
  declare headingLevel: number;
  /** Set to keep the widget from adding schema.org JSON-LD about what it shows to the host page. */
  declare noJsonld: boolean;
  /** Where loading stands: `loading`, `empty`, `error` or `ready` with the data. */
  declare state: LoadState<T>;
  #abort: AbortController | undefined;

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

  protected override willUpdate(changed: PropertyValues): void {
    if (this.reloadOn.some((name) => changed.has(name)) || changed.has('lang') || changed.has('apiBase')) void this.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.state.kind !== 'loading' && !this.#abort) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = undefined;
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
    // Content already shown stays while new content loads, so focus in filters or the calendar is kept.
    if (this.state.kind !== 'ready') this.state = { kind: 'loading' };
    this.setAttribute('aria-busy', 'true');
    try {
      const data = await this.fetchData(abort.signal);
      if (abort.signal.aborted) return;
      if (data === undefined) {
        this.state = { kind: 'empty' };
        this.#writeJsonLd(null);
        return;
      }
      this.state = { kind: 'ready', data };
    } catch (error) {
      if (!abort.signal.aborted) this.state = { kind: 'error', error };
    } finally {
      if (!abort.signal.aborted) this.removeAttribute('aria-busy');
    }
    if (this.state.kind !== 'ready' || abort.signal.aborted) return;
    // After the content is on screen: the JSON-LD is for search engines and must never delay what people see.
    await this.updateComplete;
    const url = this.noJsonld ? null : this.jsonLd(this.state.data);
    const ld = url ? await fetchJsonLd(url, abort.signal) : null;
    if (!abort.signal.aborted) this.#writeJsonLd(ld);
  }

  /** Adds the items of one more page of a list (its API URL) to the ItemList already in the host page. */
  protected async appendJsonLd(url: URL): Promise<void> {
    if (this.noJsonld || !this.#jsonLdScript()) return;
    const more = await fetchJsonLd(url);
    // Read what is shown only now: a reload while the page was on its way may have replaced it.
    const shown = JSON.parse(this.#jsonLdScript()?.textContent ?? 'null') as JsonLd | null;
    const items = (list: JsonLd | null) => (Array.isArray(list?.itemListElement) ? (list.itemListElement as object[]) : []);
    if (shown?.['@type'] !== 'ItemList' || more?.['@type'] !== 'ItemList') return;
    const itemListElement = [...items(shown), ...items(more)].map((entry, index) => ({ ...entry, position: index + 1 }));
    this.#writeJsonLd({ ...shown, itemListElement });
  }

  #jsonLdScript(): HTMLScriptElement | null {
    return this.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  }

  /** Puts (or replaces, or removes) the widget's JSON-LD script in its light DOM, where search engines read it. */
  #writeJsonLd(data: JsonLd | null): void {
    let script = this.#jsonLdScript();
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
    script.textContent = JSON.stringify(data);
  }

  /** A heading at `heading-level` plus `offset`. */
  protected heading(content: unknown, offset = 0): TemplateResult {
    const level = Math.min(6, Math.max(1, (this.headingLevel || 2) + offset));
    return html`<div role="heading" aria-level=${level} part="heading">${content}</div>`;
  }

  /** A message that says what happened, announced to screen readers. */
  protected renderStatus(message: string): TemplateResult {
    return html`<p class="status" role="status" part="status">${message}</p>`;
  }

  override render() {
    switch (this.state.kind) {
      case 'loading':
        return this.renderStatus(this.t.loading);
      case 'error': {
        const { error } = this.state;
        const status = error instanceof ApiError ? error.status : 0;
        const message = status === 404 ? this.t.notFound : status === 0 ? this.t.offline : this.t.error;
        return html`<div part="error">
          ${this.renderStatus(message)}
          ${status === 404 ? nothing : html`<button type="button" @click=${() => void this.reload()}>${this.t.retry}</button>`}
        </div>`;
      }
      case 'empty':
        return this.renderStatus(this.emptyMessage);
      case 'ready':
        return this.renderData(this.state.data);
    }
  }
}
