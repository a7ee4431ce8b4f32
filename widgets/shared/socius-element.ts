import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJsonLd, type JsonLd, SCRIPT_ORIGIN } from './client.ts';
import { resolveLang, STRINGS, type UiLang } from './strings.ts';

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; data: T };

/**
 * What every Socius element shares: `lang`, `api-base`, `theme`, `heading-level`, `no-jsonld`; loading,
 * error (with retry) and ready states that say what happened in the widget's language; and the schema.org
 * JSON-LD it puts into the host page's light DOM for search engines, read from the API after the first render.
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

  declare lang: string;
  declare apiBase: string;
  declare theme: string | undefined;
  declare headingLevel: number;
  declare noJsonld: boolean;
  declare state: LoadState<T>;
  #abort: AbortController | undefined;

  /** Properties whose change means new data must be fetched. */
  protected abstract readonly reloadOn: readonly string[];
  protected abstract fetchData(signal: AbortSignal): Promise<T>;
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

  get uiLang(): UiLang {
    return resolveLang(this.lang);
  }

  get t() {
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

  protected heading(content: unknown, offset = 0): TemplateResult {
    const level = Math.min(6, Math.max(1, (this.headingLevel || 2) + offset));
    return html`<div role="heading" aria-level=${level} part="heading">${content}</div>`;
  }

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
      case 'ready':
        return this.renderData(this.state.data);
    }
  }
}
