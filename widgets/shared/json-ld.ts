// schema.org JSON-LD for what the widgets show, so search engines index partner pages. Pure functions over the
// API's own response types: the widgets put them into the host page, and /embed pages (api/embed) into theirs.
import type { components } from './api-types.ts';

type Event = components['schemas']['Event'];
type AnalysisSummary = components['schemas']['AnalysisSummary'];

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

/** schema.org Report, with its licence and dates, so portals and search engines can cite it. */
export function analysisJsonLd(a: AnalysisSummary): Record<string, unknown> {
  return {
    '@type': 'Report',
    '@id': a.url,
    url: a.url,
    headline: a.title,
    abstract: a.summary ?? undefined,
    inLanguage: a.meta.lang,
    datePublished: a.publishedAt,
    dateModified: a.revisedAt ?? a.updatedAt,
    author: a.authors.map((x) => ({ '@type': 'Organization', name: x.name })),
    publisher: { '@type': 'Organization', name: 'Socius', url: 'https://socius.be' },
    license: `https://spdx.org/licenses/${a.licence}.html`,
    keywords: a.topics.map((x) => x.name).join(', '),
  };
}
