// The month grid of <socius-events layout="calendar">: code of its own, downloaded only by a calendar (and only
// once per page), so pages with a list do not carry it. It gets all it needs from the element, Lit's `html` and
// `nothing` included, so no second copy of Lit comes with it.
import type { html as Html, nothing as Nothing, TemplateResult } from 'lit';
import type { Event } from '../shared/client.ts';
import { intlLocale } from '../shared/format.ts';
import type { Strings, UiLang } from '../shared/strings.ts';
import { dayKey, monthOf, shiftDay, todayKey } from './days.ts';

/** What the grid reads from and does to its <socius-events>. */
export interface CalendarView {
  html: typeof Html;
  nothing: typeof Nothing;
  t: Strings;
  lang: UiLang;
  events: Event[];
  /** The shown month (`YYYY-MM`) and the chosen day (`YYYY-MM-DD`). */
  month: string;
  selectedDay: string;
  heading(content: unknown, offset: number): TemplateResult;
  innerLabel(name: string): string;
  /** One event under the chosen day. */
  renderEvent(event: Event): TemplateResult;
  chooseDay(day: string): void;
  goMonth(delta: number): void;
  /** Arrow keys, Home/End and Page Up/Down on the grid. */
  onGridKey(e: KeyboardEvent): void;
}

/** The month: its navigation, the grid of days with their event counts, and the chosen day's events. */
export function renderCalendar(v: CalendarView): TemplateResult {
  const { html, nothing, t } = v;
  const byDay = new Map<string, Event[]>();
  for (const event of v.events) {
    const days = new Set(event.sessions.map((s) => dayKey(s.startsAt)));
    for (const day of days) byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const first = `${v.month}-01`;
  const [y = 1970, m = 1] = first.split('-').map(Number);
  const monday = shiftDay(first, -((new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7));
  const weeks = Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => shiftDay(monday, w * 7 + d)));
  const lastWeek = weeks[5]?.[0];
  if (lastWeek && monthOf(lastWeek) !== v.month) weeks.pop();
  const locale = intlLocale(v.lang);
  const asDate = (key: string) => new Date(`${key}T12:00:00Z`);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(asDate(first));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const focusDay = monthOf(v.selectedDay) === v.month ? v.selectedDay : first;
  const today = todayKey();
  const selected = byDay.get(v.selectedDay) ?? [];
  return html`<div class="month-nav">
      <button type="button" class="prev" @click=${() => v.goMonth(-1)}>
        <span aria-hidden="true">‹</span><span class="label">${t.previousMonth}</span>
      </button>
      ${v.heading(html`<span aria-live="polite">${monthName}</span>`, 0)}
      <button type="button" class="next" @click=${() => v.goMonth(1)}>
        <span class="label">${t.nextMonth}</span><span aria-hidden="true">›</span>
      </button>
    </div>
    <table role="grid" aria-label=${`${t.calendar}: ${monthName}`} part="calendar" @keydown=${v.onGridKey}>
      <thead>
        <tr>
          ${(weeks[0] ?? []).map((day) => html`<th scope="col" abbr=${longDay.format(asDate(day)).split(' ')[0] ?? ''}>${weekday.format(asDate(day))}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) => html`<tr>
            ${week.map((day) => {
              const count = byDay.get(day)?.length ?? 0;
              return html`<td role="gridcell">
                <button
                  type="button"
                  data-day=${day}
                  tabindex=${day === focusDay ? 0 : -1}
                  class="${monthOf(day) === v.month ? '' : 'outside'} ${count > 0 ? 'has-events' : ''}"
                  aria-pressed=${day === v.selectedDay ? 'true' : 'false'}
                  aria-current=${day === today ? 'date' : nothing}
                  @click=${() => v.chooseDay(day)}
                >
                  <span class="visually-hidden">${weekdayLong.format(asDate(day))} </span>${Number(day.slice(8))}<span
                    class="visually-hidden"
                  >
                    ${monthLong.format(asDate(day))}</span
                  >${
                    count > 0
                      ? html`<span class="dot" aria-hidden="true"><span class="count">${count}</span></span
                          ><span class="visually-hidden">, ${t.found(count)}</span>`
                      : nothing
                  }
                </button>
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    <section class="day-events" aria-label=${v.innerLabel(t.eventsOn(longDay.format(asDate(v.selectedDay))))}>
      ${v.heading(t.eventsOn(longDay.format(asDate(v.selectedDay))), 1)}
      ${
        selected.length === 0
          ? html`<p class="muted">${t.noEventsOn}</p>`
          : html`<ul class="items results" part="list">${selected.map(v.renderEvent)}</ul>`
      }
    </section>`;
}
