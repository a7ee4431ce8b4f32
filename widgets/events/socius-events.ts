import { html, LitElement, nothing } from 'lit';
import { type EventSummary, getJson, SCRIPT_ORIGIN } from '../shared/api.ts';
import { define } from '../shared/define.ts';
import { resolveLang, STRINGS } from '../shared/strings.ts';
import { styles } from './socius-events.styles.ts';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; events: EventSummary[] };

/**
 * Upcoming Socius events.
 *
 * @cssproperty --socius-accent - Accent colour of the event markers.
 * @cssproperty --socius-text - Text colour; inherits the host page's by default.
 * @cssproperty --socius-spacing - Space between events.
 * @csspart list - The list of events.
 * @csspart event - One event.
 */
export class SociusEvents extends LitElement {
  static override styles = styles;
  static override properties = {
    lang: { type: String, reflect: true },
    limit: { type: Number },
    apiBase: { type: String, attribute: 'api-base' },
    state: { state: true },
  };

  declare lang: string;
  declare limit: number;
  declare apiBase: string;
  declare state: State;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.limit = 5;
    this.apiBase = SCRIPT_ORIGIN;
    this.state = { kind: 'loading' };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang') || changed.has('limit') || changed.has('apiBase')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = { kind: 'loading' };
    try {
      const body = await getJson<{ data: EventSummary[] }>(
        this.apiBase,
        '/v1/events',
        { lang: resolveLang(this.lang), limit: this.limit },
        abort.signal,
      );
      if (!abort.signal.aborted) this.state = { kind: 'ready', events: body.data };
    } catch {
      if (!abort.signal.aborted) this.state = { kind: 'error' };
    }
  }

  override render() {
    const lang = resolveLang(this.lang);
    const t = STRINGS[lang];
    const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
    switch (this.state.kind) {
      case 'loading':
        return html`<p role="status">${t.loading}</p>`;
      case 'error':
        return html`<p role="status">${t.error}</p>
          <button type="button" @click=${() => void this.load()}>${t.retry}</button>`;
      case 'ready':
        if (this.state.events.length === 0) return html`<p role="status">${t.empty}</p>`;
        return html`<section aria-label=${t.eventsLabel}>
          <ol part="list">
            ${this.state.events.map(
              (event) => html`<li part="event">
                <h3>${event.title}</h3>
                <time datetime=${event.startsAt}>${dateFormat.format(new Date(event.startsAt))}</time>
                ${event.venue?.city ? html`<span class="where">· ${event.venue.city}</span>` : nothing}
                ${event.attendanceMode === 'online' ? html`<span class="where">· ${t.online}</span>` : nothing}
              </li>`,
            )}
          </ol>
        </section>`;
    }
  }
}

define('socius-events', SociusEvents);

declare global {
  interface HTMLElementTagNameMap {
    'socius-events': SociusEvents;
  }
}
