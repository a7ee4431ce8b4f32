// Pieces of an event shown by both <socius-events> and <socius-event>: status, badges, place, price, actions.
import { html, nothing, type TemplateResult } from 'lit';
import { apiUrl, type Event } from './client.ts';
import { fallbackLang } from './fallback.ts';
import { intlLocale } from './format.ts';
import { safeHref } from './safe-href.ts';
import type { SociusElement } from './socius-element.ts';
import { placeName, type Strings, type UiLang } from './strings.ts';

type EventStatus = Event['status'];

/** The label of a status worth mentioning, or undefined for `scheduled`; the one place statuses get words. */
export function statusLabel(status: EventStatus, t: Strings): string | undefined {
  return status === 'scheduled' ? undefined : t[status];
}

/** "Postponed: the speaker is ill", when the event is not simply scheduled and says why. */
export function statusNote(event: Event, t: Strings): TemplateResult | typeof nothing {
  const label = statusLabel(event.status, t);
  return label && event.statusReason
    ? html`<p><strong>${label}</strong>: <span lang=${fallbackLang(event.meta, 'statusReason')}>${event.statusReason}</span></p>`
    : nothing;
}

export function badges(event: Event, t: Strings): TemplateResult | typeof nothing {
  const items: [string, boolean][] = [];
  const status = statusLabel(event.status, t);
  if (status) items.push([status, true]);
  if (event.attendanceMode === 'online') items.push([t.online, false]);
  if (event.attendanceMode === 'mixed') items.push([t.mixed, false]);
  if (event.registration.availability === 'full') items.push([t.full, true]);
  if (event.registration.availability === 'limited') items.push([t.limited, false]);
  if (event.price.free) items.push([t.free, false]);
  if (items.length === 0) return nothing;
  return html`<ul class="badges" part="badges">
    ${items.map(([label, alert]) => html`<li class="badge ${alert ? 'alert' : ''}" part="badge">${label}</li>`)}
  </ul>`;
}

/**
 * Venue and city, the city named in the widget language ("Brussel" reads "Bruxelles" in French). Whether an event
 * is online is said once, by its badge or its "where" field, so it is never part of this text.
 */
export function place(event: Event, lang: UiLang): string {
  const venue = event.venue;
  return [venue?.name, venue?.city && placeName(venue.city, lang)].filter(Boolean).join(', ');
}

/** The venue's address lines, its city in the widget language. */
export function address(event: Event, lang: UiLang): string[] {
  const venue = event.venue;
  if (!venue) return [];
  const city = [venue.postalCode, venue.city && placeName(venue.city, lang)].filter(Boolean).join(' ');
  return [venue.name, venue.street, city].filter((line): line is string => Boolean(line));
}

/** "Free", the amount, the note, or "€ 15,00 (note)"; the note marked Dutch when it fell back to Dutch. */
export function price(event: Event, t: Strings, lang: UiLang): TemplateResult | string {
  if (event.price.free) return t.free;
  const note = event.price.note ? html`<span lang=${fallbackLang(event.meta, 'priceNote')}>${event.price.note}</span>` : '';
  if (event.price.amountCents === null) return note;
  const amount = new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: event.price.currency }).format(
    event.price.amountCents / 100,
  );
  return note ? html`${amount} (${note})` : amount;
}

export function calendarUrl(apiBase: string, event: Event, lang: UiLang): string {
  return apiUrl(apiBase, `v1/events/${encodeURIComponent(event.slug)}/calendar.ics`, { lang }).href;
}

/** The organiser's name, linked to its site when that is a link we may render. */
export function organiser(event: Event): TemplateResult | string {
  const href = safeHref(event.organiser.url);
  return href ? html`<a href=${href}>${event.organiser.name}</a>` : event.organiser.name;
}

/**
 * The event's page (its title's link: `href-template` or `links.html`), then registration, add-to-calendar and
 * join-online links; clicking "register" fires a cancelable `socius-register`.
 */
export function actions(host: SociusElement<unknown>, apiBase: string, event: Event, t: Strings, lang: UiLang): TemplateResult {
  const page = host.itemHref(event);
  const registrationUrl = safeHref(event.registration.url);
  const onlineUrl = safeHref(event.onlineUrl);
  const register = (click: MouseEvent) => {
    const allowed = host.dispatchEvent(
      new CustomEvent('socius-register', {
        detail: { slug: event.slug, url: registrationUrl },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!allowed) click.preventDefault();
  };
  const titleLang = fallbackLang(event.meta, 'title');
  const canRegister = registrationUrl && event.status !== 'cancelled' && event.registration.availability !== 'full';
  return html`<p class="actions" part="actions">
    ${page ? html`<a class="button" part="page-link" href=${page}>${t.moreInfo}<span class="visually-hidden" lang=${titleLang}>: ${event.title}</span></a>` : nothing}
    ${
      canRegister
        ? html`<a class="button primary" part="register" href=${registrationUrl} @click=${register}
          >${t.register}<span class="visually-hidden" lang=${titleLang}>: ${event.title}</span></a
        >`
        : nothing
    }
    ${
      event.status !== 'cancelled'
        ? html`<a class="button" part="add-to-calendar" href=${calendarUrl(apiBase, event, lang)} download
          >${t.addToCalendar}<span class="visually-hidden" lang=${titleLang}>: ${event.title}</span></a
        >`
        : nothing
    }
    ${onlineUrl && event.status !== 'cancelled' ? html`<a class="button" part="online-link" href=${onlineUrl}>${t.joinOnline}</a>` : nothing}
  </p>`;
}
