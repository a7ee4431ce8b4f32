// Pieces of an event shown by both <socius-events> and <socius-event>: badges, facts, actions, JSON-LD.
import { html, nothing, type TemplateResult } from 'lit';
import { apiUrl, type Event } from '../shared/client.ts';
import type { STRINGS } from '../shared/strings.ts';

type Strings = (typeof STRINGS)['nl'];

export function badges(event: Event, t: Strings): TemplateResult | typeof nothing {
  const items: [string, boolean][] = [];
  if (event.status !== 'scheduled') items.push([t[event.status], true]);
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

export function place(event: Event, t: Strings): string {
  const venue = event.venue;
  const where = [venue?.name, venue?.city].filter(Boolean).join(', ');
  if (event.attendanceMode === 'online') return t.online;
  if (event.attendanceMode === 'mixed') return `${where} + ${t.online.toLowerCase()}`;
  return where;
}

export function price(event: Event, t: Strings, lang: string): string {
  if (event.price.free) return t.free;
  if (event.price.amountCents === null) return event.price.note ?? '';
  const amount = new Intl.NumberFormat(lang, { style: 'currency', currency: event.price.currency }).format(event.price.amountCents / 100);
  return event.price.note ? `${amount} (${event.price.note})` : amount;
}

export function calendarUrl(apiBase: string, event: Event, lang: string): string {
  return apiUrl(apiBase, `v1/events/${encodeURIComponent(event.slug)}/calendar.ics`, { lang }).href;
}

/** Registration and add-to-calendar links; clicking "register" fires a cancelable `socius-register`. */
export function actions(host: HTMLElement, apiBase: string, event: Event, t: Strings, lang: string): TemplateResult {
  const register = (click: MouseEvent) => {
    const allowed = host.dispatchEvent(
      new CustomEvent('socius-register', { detail: { slug: event.slug, url: event.registration.url }, bubbles: true, composed: true, cancelable: true }),
    );
    if (!allowed) click.preventDefault();
  };
  const canRegister = event.registration.url && event.status !== 'cancelled' && event.registration.availability !== 'full';
  return html`<p class="actions" part="actions">
    ${canRegister
      ? html`<a class="button primary" part="register" href=${event.registration.url!} @click=${register}
          >${t.register}<span class="visually-hidden">: ${event.title}</span></a
        >`
      : nothing}
    ${event.status !== 'cancelled'
      ? html`<a class="button" part="add-to-calendar" href=${calendarUrl(apiBase, event, lang)} download
          >${t.addToCalendar}<span class="visually-hidden">: ${event.title}</span></a
        >`
      : nothing}
    ${event.onlineUrl && event.status !== 'cancelled'
      ? html`<a class="button" part="online-link" href=${event.onlineUrl}>${t.joinOnline}</a>`
      : nothing}
  </p>`;
}

const STATUS_URL: Record<Event['status'], string> = {
  scheduled: 'EventScheduled',
  cancelled: 'EventCancelled',
  postponed: 'EventPostponed',
  rescheduled: 'EventRescheduled',
  'moved-online': 'EventMovedOnline',
};
const MODE_URL: Record<Event['attendanceMode'], string> = {
  offline: 'OfflineEventAttendanceMode',
  online: 'OnlineEventAttendanceMode',
  mixed: 'MixedEventAttendanceMode',
};
const AVAILABILITY_URL: Record<Event['registration']['availability'], string> = {
  available: 'InStock',
  limited: 'LimitedAvailability',
  full: 'SoldOut',
  'not-required': 'InStock',
};

/** schema.org Event, so search engines index a partner's agenda. */
export function eventJsonLd(event: Event): Record<string, unknown> {
  const place = event.venue
    ? {
        '@type': 'Place',
        name: event.venue.name ?? undefined,
        address: {
          '@type': 'PostalAddress',
          streetAddress: event.venue.street ?? undefined,
          postalCode: event.venue.postalCode ?? undefined,
          addressLocality: event.venue.city ?? undefined,
          addressCountry: event.venue.country ?? undefined,
        },
        ...(event.venue.latitude !== null && event.venue.longitude !== null
          ? { geo: { '@type': 'GeoCoordinates', latitude: event.venue.latitude, longitude: event.venue.longitude } }
          : {}),
      }
    : undefined;
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : undefined;
  return {
    '@type': 'Event',
    '@id': event.url,
    name: event.title,
    description: event.summary ?? undefined,
    url: event.url,
    inLanguage: event.meta.lang,
    startDate: event.startsAt,
    endDate: event.endsAt,
    ...(event.previousStartsAt ? { previousStartDate: event.previousStartsAt } : {}),
    eventStatus: `https://schema.org/${STATUS_URL[event.status]}`,
    eventAttendanceMode: `https://schema.org/${MODE_URL[event.attendanceMode]}`,
    location: place && virtual ? [place, virtual] : (place ?? virtual),
    organizer: { '@type': 'Organization', name: event.organiser.name, url: event.organiser.url ?? undefined },
    offers: {
      '@type': 'Offer',
      price: event.price.free ? 0 : (event.price.amountCents ?? 0) / 100,
      priceCurrency: event.price.currency,
      url: event.registration.url ?? event.url,
      availability: `https://schema.org/${AVAILABILITY_URL[event.registration.availability]}`,
    },
    ...(event.sessions.length > 1
      ? { subEvent: event.sessions.map((s) => ({ '@type': 'Event', name: event.title, startDate: s.startsAt, endDate: s.endsAt })) }
      : {}),
  };
}
