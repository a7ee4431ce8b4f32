import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { api, apiUrl, type Event } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { actions, address, badges, organiser, price, statusLabel, statusNote } from '../shared/event-parts.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { intlLocale, TIME_ZONE } from '../shared/format.ts';
import { loadSanitiser, richText } from '../shared/rich-text.ts';
import { SociusElement } from '../shared/socius-element.ts';
import { baseStyles } from '../shared/styles.ts';

/**
 * One event in full: dates and sessions, venue and address, online link, price, registration, accessibility
 * and topics. Without `slug` it shows the next upcoming event, and says so when there is none.
 *
 * @fires socius-register - A person followed the registration link; `detail: { slug, url }`. Cancel it to handle registration yourself.
 * @cssproperty --socius-accent - Accent colour.
 * @cssproperty --socius-accent-text - Text on the accent colour.
 * @cssproperty --socius-text - Text colour; inherits by default.
 * @cssproperty --socius-muted - Secondary text.
 * @cssproperty --socius-radius - Corner radius of buttons.
 * @cssproperty --socius-font - Font family; inherits by default.
 * @csspart heading - The event title and section headings.
 * @csspart badges - The list of status badges.
 * @csspart badge - One badge (status, online, availability, free).
 * @csspart actions - The row of links under the event.
 * @csspart register - Registration link.
 * @csspart add-to-calendar - Add-to-calendar link (an `.ics` file).
 * @csspart online-link - The link to join online.
 * @csspart page-link - The link to the event's page (where its title links).
 * @csspart status - Loading, empty and error messages.
 * @tag socius-event
 */
export class SociusEvent extends SociusElement<Event> {
  static override styles = [
    baseStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25em 1em;
        margin: 0.75em 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      ul.sessions {
        margin: 0;
        padding-inline-start: 1.2em;
      }
      .cancelled {
        text-decoration: line-through;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      @container (max-width: 28rem) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 0.5em;
        }
        .actions .button {
          flex: 1 1 auto;
          justify-content: center;
        }
      }
    `,
  ];
  static override properties: PropertyDeclarations = { slug: { type: String, reflect: true } };
  /** Slug of the event to show (as in `/v1/events/{slug}`); without it, the next upcoming scheduled event. */
  declare slug: string;
  protected readonly reloadOn = ['slug'];

  protected async fetchData(signal: AbortSignal): Promise<Event | undefined> {
    const event = this.slug
      ? (await api.getEvent(this.apiBase, this.slug, { lang: this.uiLang }, signal)).data
      : (await api.listEvents(this.apiBase, { lang: this.uiLang, limit: 1, status: 'scheduled' }, signal)).data[0];
    // The description is rich text: the sanitiser comes first, so the event renders once, in full (no shift).
    if (event?.description) await loadSanitiser();
    return event;
  }

  protected override get emptyMessage(): string {
    return this.t.noUpcomingEvent;
  }

  /** The event's own URL, also when it was found as the next upcoming one, so search engines get one Event. */
  protected override jsonLd(event: Event) {
    return apiUrl(this.apiBase, `v1/events/${encodeURIComponent(event.slug)}`, { lang: this.uiLang });
  }

  protected renderData(event: Event): TemplateResult {
    const t = this.t;
    const session = new Intl.DateTimeFormat(intlLocale(this.uiLang), { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE });
    // "Online" once, however the event says it (mode, link or both); the badge above names the mode too.
    const online = event.attendanceMode !== 'offline' || event.onlineUrl ? [t.online] : [];
    const where = [...address(event, this.uiLang), ...online];
    const lang = (field: string) => fallbackLang(event.meta, field);
    return html`<article aria-label=${event.title}>
      ${this.heading(this.titleLink(event, event.title), 0, lang('title'))} ${badges(event, t)}
      <p><strong>${event.dateSummary}</strong></p>
      ${statusNote(event, t)}
      ${event.summary ? html`<p lang=${lang('summary')}>${event.summary}</p>` : nothing} ${richText(this, event.description, lang('description'))}
      <dl>
        ${
          event.sessions.length > 1
            ? html`<dt>${t.sessions}</dt>
              <dd>
                <ul class="sessions">
                  ${event.sessions.map((s) => {
                    const status = statusLabel(s.status, t);
                    return html`<li class=${s.status === 'cancelled' ? 'cancelled' : ''}>
                      ${session.formatRange(new Date(s.startsAt), new Date(s.endsAt))}${status ? ` (${status})` : nothing}
                    </li>`;
                  })}
                </ul>
              </dd>`
            : nothing
        }
        ${
          where.length > 0
            ? html`<dt>${t.where}</dt>
              <dd>${where.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`)}</dd>`
            : nothing
        }
        <dt>${t.price}</dt>
        <dd>${price(event, t, this.uiLang)}</dd>
        <dt>${t.organiser}</dt>
        <dd>${organiser(event)}</dd>
        ${event.audience ? html`<dt>${t.audience}</dt><dd lang=${lang('audience')}>${event.audience}</dd>` : nothing}
        ${event.accessibility ? html`<dt>${t.accessibility}</dt><dd lang=${lang('accessibility')}>${event.accessibility}</dd>` : nothing}
        ${event.topics.length > 0 ? html`<dt>${t.topics}</dt><dd>${event.topics.map((x) => x.name).join(', ')}</dd>` : nothing}
      </dl>
      ${actions(this, this.apiBase, event, t, this.uiLang)}
    </article>`;
  }
}

define('socius-event', SociusEvent);

declare global {
  interface HTMLElementTagNameMap {
    'socius-event': SociusEvent;
  }
}
