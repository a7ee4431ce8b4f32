import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { api, apiUrl, type Event, type FacetValue } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { actions, address, badges, place, price, statusNote } from '../shared/event-parts.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { richText } from '../shared/rich-text.ts';
import { SociusElement } from '../shared/socius-element.ts';
import { placeName } from '../shared/strings.ts';
import { baseStyles } from '../shared/styles.ts';
import type { renderCalendar as RenderCalendar } from './calendar.ts';
import { dayKey, monthOf, shiftDay, todayKey } from './days.ts';
import { styles } from './socius-events.styles.ts';

type Layout = 'list' | 'cards' | 'compact' | 'calendar';
interface Data {
  events: Event[];
  nextCursor: string | null;
  total: number;
  /** What the topic and city controls offer: facets of the current result, each without its own choice. */
  options: Partial<Record<'topic' | 'city', FacetValue[]>>;
}

/** How long a typed date must stay unchanged before the widget asks the API for it. */
const DATE_TYPING_PAUSE_MS = 600;
const shiftMonth = (key: string, months: number) => {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  const last = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
};

let calendarGrid: typeof RenderCalendar | undefined;
/** The month grid is code of its own (calendar.js, 1.3 kB gzip) that only a calendar downloads, beside its first events. */
const loadCalendar = async () => {
  calendarGrid ??= (await import('./calendar.ts')).renderCalendar;
};

/**
 * Upcoming Socius events, filtered like the API, in a list, cards, a compact list or a month calendar.
 *
 * Event titles are headings at `heading-level` (default 2; set it one below the heading the widget sits under).
 * In the calendar the month is at `heading-level`, the chosen day one deeper and that day's events two deeper.
 * The calendar opens each month on its first day with events from today on. Places are named in the widget's
 * language where the name differs (Brussel, Bruxelles, Brussels); filters still send the stored name.
 *
 * @fires socius-event-open - A person opened an event's details in place (its "Details" button); `detail: { slug, event }`. Cancel it to show the event your own way. Titles are links to the event's page (`links.html`, or `href-template`).
 * @fires socius-register - A person followed a registration link; `detail: { slug, url }`. Cancel it to handle registration yourself.
 * @cssproperty --socius-accent - Accent colour (links, markers, buttons).
 * @cssproperty --socius-accent-text - Text on the accent colour.
 * @cssproperty --socius-text - Text colour; inherits the host page's by default.
 * @cssproperty --socius-muted - Secondary text.
 * @cssproperty --socius-surface - Card and control background.
 * @cssproperty --socius-border - Card and calendar borders.
 * @cssproperty --socius-radius - Corner radius.
 * @cssproperty --socius-spacing - Space between events.
 * @cssproperty --socius-font - Font family; inherits the host page's by default.
 * @csspart list - The list of events.
 * @csspart event - One event.
 * @csspart heading - Every heading.
 * @csspart badges - Status badges of an event.
 * @csspart badge - One badge.
 * @csspart filters - The filter form.
 * @csspart actions - The row of links of an opened event.
 * @csspart register - Registration link.
 * @csspart add-to-calendar - Add-to-calendar link (an `.ics` file).
 * @csspart online-link - The link to join an online event.
 * @csspart page-link - The link to the event's page, in its details.
 * @csspart details-toggle - The "Details" button that opens or closes an event's details in place.
 * @csspart more - The "show more" button.
 * @csspart calendar - The month grid.
 * @csspart status - Loading, empty and error messages.
 * @tag socius-events
 */
export class SociusEvents extends SociusElement<Data> {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    topic: { type: String },
    city: { type: String },
    attendanceMode: { type: String, attribute: 'attendance-mode' },
    organiser: { type: String },
    service: { type: String },
    limit: { type: Number },
    layout: { type: String, reflect: true },
    filters: { type: String },
    search: { type: Boolean },
    chosen: { state: true },
    month: { state: true },
    selectedDay: { state: true },
    open: { state: true },
    announcement: { state: true },
  };

  /** Only events with any of these topics: topic slugs, comma-separated (as in `/v1/topics`). */
  declare topic: string;
  /** Only events in any of these cities (venue city, any case), comma-separated. */
  declare city: string;
  /** Only events attended in any of these ways, comma-separated: `offline`, `online`, `mixed`. */
  declare attendanceMode: string;
  /** Only events by any of these organisers (names, any case), comma-separated. */
  declare organiser: string;
  /** Only events of any of these Socius services: service slugs, comma-separated (as in `/v1/services`). */
  declare service: string;
  /** How many events to show at first (1–100, default 6); "show more" loads as many again. The calendar shows the whole month. */
  declare limit: number;
  /** How events are shown: `list` (default), `cards`, `compact` or `calendar` (a month grid). */
  declare layout: Layout;
  /**
   * Which filters visitors get, comma-separated: `topic`, `city`, `date`. None by default. Topic and city
   * offer the values of the current result with their counts. `date` shows events from that day on; in the
   * calendar layout it moves the calendar to the chosen day and its month.
   */
  declare filters: string;
  /** Set to give visitors a search field. */
  declare search: boolean;
  /** Values picked in the visible filter controls. */
  declare chosen: { topic?: string; city?: string; from?: string; q?: string };
  declare month: string;
  declare selectedDay: string;
  declare open: Set<string>;
  declare announcement: string;
  /** Whether the visitor picked the calendar's day; until then each month opens on a day with events. */
  #dayChosen = false;
  #loadingMore = false;

  protected readonly reloadOn = [
    'topic',
    'city',
    'attendanceMode',
    'organiser',
    'service',
    'limit',
    'layout',
    'filters',
    'chosen',
    'month',
  ];

  constructor() {
    super();
    this.limit = 6;
    this.layout = 'list';
    this.search = false;
    this.chosen = {};
    this.open = new Set();
    this.announcement = '';
    this.selectedDay = todayKey();
    this.month = monthOf(this.selectedDay);
  }

  /** Placeholders in the layout's list (as tall as the partner's reservation when it made one). */
  protected override renderSkeleton(): TemplateResult {
    return this.skeletonItems(Math.min(Math.max(Math.trunc(this.limit) || 6, 1), 6), 'items results');
  }

  get #shownFilters(): string[] {
    return (this.filters ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
  }

  #query() {
    const facets = this.#shownFilters.filter((f) => f === 'topic' || f === 'city');
    const calendar = this.layout === 'calendar';
    return {
      lang: this.uiLang,
      topic: this.chosen.topic || this.topic || undefined,
      city: this.chosen.city || this.city || undefined,
      attendanceMode: this.attendanceMode || undefined,
      organiser: this.organiser || undefined,
      service: this.service || undefined,
      q: this.chosen.q || undefined,
      from: calendar ? `${this.month}-01` : this.chosen.from || undefined,
      to: calendar ? shiftDay(shiftMonth(`${this.month}-01`, 1), -1) : undefined,
      limit: calendar ? 100 : Math.min(Math.max(Math.trunc(this.limit) || 6, 1), 100),
      ...(facets.length > 0 ? { facets: facets.join(',') } : {}),
    };
  }

  protected async fetchData(signal: AbortSignal): Promise<Data> {
    const query = this.#query();
    const shown = this.#shownFilters;
    // A control's own choice must not narrow its own options (else choosing one topic hides the others):
    // its options come from the same query without that choice, every other filter applied.
    const ownFacets = (['topic', 'city'] as const)
      .filter((f) => shown.includes(f) && this.chosen[f])
      .map(async (f) => {
        const without = await api.listEvents(this.apiBase, { ...query, [f]: this[f] || undefined, facets: f, limit: 1 }, signal);
        return [f, without.facets?.[f] ?? []] as const;
      });
    const [[body, ...own]] = await Promise.all([
      Promise.all([api.listEvents(this.apiBase, query, signal), ...ownFacets]),
      this.layout === 'calendar' ? loadCalendar() : undefined,
    ]);
    const options: Data['options'] = {};
    for (const facet of ['topic', 'city'] as const) {
      const values = [...(own.find(([f]) => f === facet)?.[1] ?? body.facets?.[facet] ?? [])];
      const chosen = this.chosen[facet];
      // The chosen value stays offered (with its zero) when a new month or another filter leaves nothing of it.
      if (chosen && !values.some((v) => v.value === chosen)) {
        const before = this.state.kind === 'ready' ? this.state.data.options[facet]?.find((v) => v.value === chosen) : undefined;
        values.push({ value: chosen, label: before?.label ?? chosen, count: 0 });
      }
      options[facet] = values;
    }
    if (this.layout === 'calendar' && !this.#dayChosen) this.selectedDay = this.#openingDay(body.data);
    this.announcement = this.t.found(body.total);
    return { events: body.data, nextCursor: body.nextCursor, total: body.total, options };
  }

  /** The first day from today on with events in the shown month, else its first day with events, else the day as it was. */
  #openingDay(events: Event[]): string {
    const days = events
      .flatMap((e) => e.sessions.map((s) => dayKey(s.startsAt)))
      .filter((d) => monthOf(d) === this.month)
      .sort();
    const today = todayKey();
    return days.find((d) => d >= today) ?? days[0] ?? this.selectedDay;
  }

  protected override jsonLd(data: Data) {
    return data.events.length > 0 ? apiUrl(this.apiBase, 'v1/events', this.#query()) : null;
  }

  async #more(): Promise<void> {
    if (this.state.kind !== 'ready' || !this.state.data.nextCursor || this.#loadingMore) return;
    this.#loadingMore = true;
    const current = this.state.data;
    try {
      const body = await api.listEvents(this.apiBase, { ...this.#query(), cursor: current.nextCursor ?? undefined });
      this.state = { kind: 'ready', data: { ...current, events: [...current.events, ...body.data], nextCursor: body.nextCursor } };
      void this.appendJsonLd(apiUrl(this.apiBase, 'v1/events', { ...this.#query(), cursor: current.nextCursor ?? undefined }));
      await this.updateComplete;
      // Move focus to the first new event so keyboard and screen-reader users continue where they were.
      this.renderRoot.querySelector<HTMLElement>(`[data-slug="${body.data[0]?.slug}"] [role="heading"] a`)?.focus();
    } catch {
      this.announcement = this.t.error;
    } finally {
      this.#loadingMore = false;
    }
  }

  #toggle(event: Event): void {
    const opening = !this.open.has(event.slug);
    if (opening) {
      const allowed = this.dispatchEvent(
        new CustomEvent('socius-event-open', { detail: { slug: event.slug, event }, bubbles: true, composed: true, cancelable: true }),
      );
      if (!allowed) return;
    }
    const open = new Set(this.open);
    if (opening) open.add(event.slug);
    else open.delete(event.slug);
    this.open = open;
  }

  #renderFilters(options: Data['options']): TemplateResult | typeof nothing {
    const shown = this.#shownFilters;
    if (shown.length === 0 && !this.search) return nothing;
    const t = this.t;
    const set = (key: keyof SociusEvents['chosen']) => (e: globalThis.Event) => {
      this.chosen = { ...this.chosen, [key]: (e.target as HTMLInputElement).value };
    };
    const select = (key: 'topic' | 'city', label: string, all: string) =>
      html`<label
        >${label}
        <select @change=${set(key)} .value=${this.chosen[key] ?? ''}>
          <option value="">${all}</option>
          ${(options[key] ?? []).map(
            (o) =>
              html`<option value=${o.value} ?selected=${this.chosen[key] === o.value}>
                ${key === 'city' ? placeName(o.label, this.uiLang) : o.label} (${o.count})
              </option>`,
          )}
        </select></label
      >`;
    return html`<form part="filters" role="search" aria-label=${this.#innerLabel(t.filters)} @submit=${(e: SubmitEvent) => e.preventDefault()}>
      ${shown.includes('topic') ? select('topic', t.topic, t.allTopics) : nothing}
      ${shown.includes('city') ? select('city', t.city, t.allCities) : nothing}
      ${
        shown.includes('date')
          ? html`<label
            >${this.layout === 'calendar' ? t.goToDate : t.date}
            <input
              type="date"
              .value=${this.layout === 'calendar' ? this.selectedDay : (this.chosen.from ?? '')}
              @input=${this.#onDateInput}
              @change=${this.#onDateInput}
              @blur=${() => this.#commitDate()}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#commitDate()} /></label
          >`
          : nothing
      }
      ${
        this.search
          ? html`<label
            >${t.searchEvents}
            <input type="search" .value=${this.chosen.q ?? ''} @change=${set('q')} enterkeyhint="search" /></label
          >`
          : nothing
      }
    </form>`;
  }

  /** A landmark inside the widget named apart from the same landmark of another `<socius-events>` on the page. */
  #innerLabel(name: string): string {
    return this.label ? `${name}: ${this.label}` : this.landmarkLabel(name);
  }

  #pendingDate: { value: string; timer: ReturnType<typeof setTimeout> } | undefined;

  /**
   * Chromium fires `input` and `change` on every keystroke once each part of a date holds a digit (typing
   * 2027 passes through the years 0002, 0020 and 0202), so a date is used only once it has a four-digit year
   * and the visitor has stopped typing for a moment, or leaves the field, or presses Enter.
   */
  #onDateInput = (e: globalThis.Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#pendingDate?.timer);
    this.#pendingDate = undefined;
    if (value === '') {
      if (this.layout !== 'calendar') this.chosen = { ...this.chosen, from: '' };
      return;
    }
    if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return;
    this.#pendingDate = { value, timer: setTimeout(() => this.#commitDate(), DATE_TYPING_PAUSE_MS) };
  };

  #commitDate(): void {
    const pending = this.#pendingDate;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pendingDate = undefined;
    if (this.layout === 'calendar') {
      this.#chooseDay(pending.value);
      this.month = monthOf(pending.value);
    } else if (pending.value !== this.chosen.from) {
      this.chosen = { ...this.chosen, from: pending.value };
    }
  }

  /**
   * One event; its title is a heading at `heading-level` plus `depth` (0 in the lists, 2 under a calendar day),
   * linked to the event's page (`href-template` or `links.html`). A separate "Details" button opens the details in
   * place (firing `socius-event-open`), so a title always goes where a link goes.
   */
  #renderEvent(event: Event, depth = 0): TemplateResult {
    const t = this.t;
    const open = this.open.has(event.slug);
    const detailsId = `details-${event.slug}`;
    const title = this.titleLink(event, event.title);
    const titleLang = fallbackLang(event.meta, 'title');
    const toggle = html`<button class="toggle" part="details-toggle" type="button" aria-expanded=${open} aria-controls=${detailsId} @click=${() => this.#toggle(event)}>
      ${t.details}<span class="visually-hidden" lang=${titleLang}>: ${event.title}</span>
    </button>`;
    if (this.layout === 'compact') {
      return html`<li class="item ${open ? 'open' : ''}" part="event" data-slug=${event.slug}>
        <span class="when">${event.dateSummary}</span> ${this.heading(title, depth, titleLang)} ${badges(event, t)} ${toggle}
        ${open ? this.#renderDetails(event, detailsId) : nothing}
      </li>`;
    }
    const where = place(event, this.uiLang);
    return html`<li class="item ${open ? 'open' : ''}" part="event" data-slug=${event.slug}>
      ${this.heading(title, depth, titleLang)}
      <p class="when">${event.dateSummary}${where ? html` · <span class="muted">${where}</span>` : nothing}</p>
      ${badges(event, t)} ${event.summary ? html`<p lang=${fallbackLang(event.meta, 'summary')}>${event.summary}</p>` : nothing} ${toggle}
      ${open ? this.#renderDetails(event, detailsId) : nothing}
    </li>`;
  }

  #renderDetails(event: Event, id: string): TemplateResult {
    const t = this.t;
    const where = [...address(event, this.uiLang), ...(event.attendanceMode !== 'offline' || event.onlineUrl ? [t.online] : [])];
    return html`<div class="details" id=${id}>
      ${statusNote(event, t)}
      ${richText(this, event.description, fallbackLang(event.meta, 'description'))}
      <dl>
        ${where.length > 0 ? html`<dt>${t.where}</dt><dd>${where.join(', ')}</dd>` : nothing}
        <dt>${t.price}</dt>
        <dd>${price(event, t, this.uiLang)}</dd>
        <dt>${t.organiser}</dt>
        <dd>${event.organiser.name}</dd>
        ${event.accessibility ? html`<dt>${t.accessibility}</dt><dd lang=${fallbackLang(event.meta, 'accessibility')}>${event.accessibility}</dd>` : nothing}
      </dl>
      ${actions(this, this.apiBase, event, t, this.uiLang)}
    </div>`;
  }

  /** The month grid (once its code is there: fetchData loads it, and a layout switched to calendar reloads). */
  #renderCalendar(data: Data): TemplateResult | typeof nothing {
    if (!calendarGrid) return nothing;
    return calendarGrid({
      html,
      nothing,
      t: this.t,
      lang: this.uiLang,
      events: data.events,
      month: this.month,
      selectedDay: this.selectedDay,
      heading: (content, offset) => this.heading(content, offset),
      innerLabel: (name) => this.#innerLabel(name),
      renderEvent: (event) => this.#renderEvent(event, 2),
      chooseDay: (day) => this.#chooseDay(day),
      goMonth: (delta) => this.#goMonth(delta),
      onGridKey: this.#onGridKey,
    });
  }

  #chooseDay(day: string): void {
    this.#dayChosen = true;
    this.selectedDay = day;
  }

  #goMonth(delta: number): void {
    // The month buttons open the new month on its first day with events, as the calendar first opened.
    this.#dayChosen = false;
    this.selectedDay = shiftMonth(this.selectedDay.startsWith(this.month) ? this.selectedDay : `${this.month}-01`, delta);
    this.month = monthOf(this.selectedDay);
  }

  /** Arrow keys move a day or a week, Home/End to the week's ends, Page Up/Down a month (WAI-ARIA grid pattern). */
  #onGridKey = async (e: KeyboardEvent): Promise<void> => {
    const from = (e.target as HTMLElement).closest<HTMLElement>('button[data-day]')?.dataset.day;
    if (!from) return;
    const weekdayIndex = (new Date(`${from}T12:00:00Z`).getUTCDay() + 6) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => shiftDay(from, -1),
      ArrowRight: () => shiftDay(from, 1),
      ArrowUp: () => shiftDay(from, -7),
      ArrowDown: () => shiftDay(from, 7),
      Home: () => shiftDay(from, -weekdayIndex),
      End: () => shiftDay(from, 6 - weekdayIndex),
      PageUp: () => shiftMonth(from, -1),
      PageDown: () => shiftMonth(from, 1),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const to = move();
    this.#chooseDay(to);
    if (monthOf(to) !== this.month) {
      this.month = monthOf(to);
      await this.updateComplete; // starts the fetch of the new month
      await this.loaded;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-day="${to}"]`)?.focus();
  };

  protected renderData(data: Data): TemplateResult {
    const t = this.t;
    const body =
      this.layout === 'calendar'
        ? this.#renderCalendar(data)
        : data.events.length === 0
          ? this.renderStatus(t.noEvents)
          : html`<ul class="items results" part="list">${data.events.map((e) => this.#renderEvent(e))}</ul>
              ${
                data.nextCursor
                  ? html`<button class="more" part="more" type="button" @click=${() => void this.#more()}>${t.more}</button>`
                  : nothing
              }`;
    return html`<section aria-label=${this.landmarkLabel(t.events)}>
      ${this.#renderFilters(data.options)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${body}
    </section>`;
  }
}

define('socius-events', SociusEvents);

declare global {
  interface HTMLElementTagNameMap {
    'socius-events': SociusEvents;
  }
}
