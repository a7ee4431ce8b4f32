// The API's content described in schema.org terms: the one mapping behind `Accept: application/ld+json` on
// /v1, the JSON-LD of the /embed pages, and (through the API) the JSON-LD the widgets put into partner pages.
// Pure functions over the JSON bodies the API serves, so every representation is derived from the same data.
import type { z } from '@hono/zod-openapi';
import type { AboutSchema } from '../about/schemas.ts';
import type { AnalysisSchema, AnalysisSummarySchema } from '../analyses/schemas.ts';
import type { EventBody } from '../events/schemas.ts';
import { safeHref } from '../lib/safe-url.ts';
import type { ServiceSchema } from '../services/schemas.ts';
import type { TopicSchema } from '../topics/schemas.ts';

type Analysis = z.infer<typeof AnalysisSchema>;
type AnalysisSummary = z.infer<typeof AnalysisSummarySchema>;
type Service = z.infer<typeof ServiceSchema>;
type Topic = z.infer<typeof TopicSchema>;
type About = z.infer<typeof AboutSchema>;
/** The fields of a search hit this mapping reads. */
interface SearchHit {
  title: string;
  url: string;
}

/** A schema.org node; `undefined` values are dropped when serialised. */
export type JsonLdNode = { '@type': string } & Record<string, unknown>;
/** A complete JSON-LD document: one node with its context. */
export type JsonLdDocument = { '@context': 'https://schema.org' } & JsonLdNode;

export const SCHEMA_ORG = 'https://schema.org';

const PUBLISHER = { '@type': 'Organization', name: 'Socius', url: 'https://socius.be' } as const;

const STATUS: Record<EventBody['status'], string> = {
  scheduled: 'EventScheduled',
  cancelled: 'EventCancelled',
  postponed: 'EventPostponed',
  rescheduled: 'EventRescheduled',
  'moved-online': 'EventMovedOnline',
};
const ATTENDANCE_MODE: Record<EventBody['attendanceMode'], string> = {
  offline: 'OfflineEventAttendanceMode',
  online: 'OnlineEventAttendanceMode',
  mixed: 'MixedEventAttendanceMode',
};
const AVAILABILITY: Record<EventBody['registration']['availability'], string> = {
  available: 'InStock',
  limited: 'LimitedAvailability',
  full: 'SoldOut',
  'not-required': 'InStock',
};

/**
 * The offer of an event. A cancelled event offers nothing any more: its offer says Discontinued and points at the
 * event's own page (which says it is cancelled), never at a registration form as if places were to be had.
 */
function offer(event: EventBody, page: string | undefined): JsonLdNode {
  const cancelled = event.status === 'cancelled';
  return {
    '@type': 'Offer',
    price: event.price.free ? 0 : (event.price.amountCents ?? 0) / 100,
    priceCurrency: event.price.currency,
    url: cancelled ? page : (safeHref(event.registration.url) ?? page),
    availability: `${SCHEMA_ORG}/${cancelled ? 'Discontinued' : AVAILABILITY[event.registration.availability]}`,
  };
}

const term = (topic: { slug: string; name: string }) => ({ '@type': 'DefinedTerm', name: topic.name, termCode: topic.slug });

/** schema.org Event: status, attendance mode, Place and/or VirtualLocation, organiser and offer. */
export function eventNode(event: EventBody): JsonLdNode {
  const venue = event.venue;
  const place = venue
    ? {
        '@type': 'Place',
        name: venue.name ?? undefined,
        address: {
          '@type': 'PostalAddress',
          streetAddress: venue.street ?? undefined,
          postalCode: venue.postalCode ?? undefined,
          addressLocality: venue.city ?? undefined,
          addressCountry: venue.country ?? undefined,
        },
        ...(venue.latitude !== null && venue.longitude !== null
          ? { geo: { '@type': 'GeoCoordinates', latitude: venue.latitude, longitude: venue.longitude } }
          : {}),
      }
    : undefined;
  const online = safeHref(event.onlineUrl);
  const virtual = online ? { '@type': 'VirtualLocation', url: online } : undefined;
  const location = place && virtual ? [place, virtual] : (place ?? virtual);
  // The page for people is the item's identity on the web; the JSON resource is one representation of it.
  const url = safeHref(event.links.html);
  return {
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title,
    description: event.summary ?? undefined,
    inLanguage: event.meta.lang,
    startDate: event.startsAt,
    endDate: event.endsAt,
    previousStartDate: event.previousStartsAt ?? undefined,
    eventStatus: `${SCHEMA_ORG}/${STATUS[event.status]}`,
    eventAttendanceMode: `${SCHEMA_ORG}/${ATTENDANCE_MODE[event.attendanceMode]}`,
    location,
    organizer: { '@type': 'Organization', name: event.organiser.name, url: safeHref(event.organiser.url) },
    offers: offer(event, url),
    about: event.topics.length > 0 ? event.topics.map(term) : undefined,
    subEvent:
      event.sessions.length > 1
        ? event.sessions.map((s) => ({
            '@type': 'Event',
            name: event.title,
            startDate: s.startsAt,
            endDate: s.endsAt,
            // A session of a cancelled or postponed event is so too, whatever its own row says.
            eventStatus: `${SCHEMA_ORG}/${STATUS[s.status === 'scheduled' || event.status === 'cancelled' || event.status === 'postponed' ? event.status : s.status]}`,
            eventAttendanceMode: `${SCHEMA_ORG}/${ATTENDANCE_MODE[event.attendanceMode]}`,
            location,
          }))
        : undefined,
  };
}

/** schema.org Report (an Article), with authors, dates, language, licence and topics, so portals can cite it. */
export function analysisNode(analysis: AnalysisSummary | Analysis): JsonLdNode {
  const url = safeHref(analysis.links.html);
  const original = safeHref(analysis.url);
  const attachments = 'attachments' in analysis ? analysis.attachments : [];
  const media = attachments.flatMap((file) => {
    const contentUrl = safeHref(file.url);
    return contentUrl
      ? [{ '@type': 'MediaObject', name: file.title, contentUrl, encodingFormat: file.mediaType, inLanguage: file.lang }]
      : [];
  });
  return {
    '@type': 'Report',
    '@id': url,
    url,
    headline: analysis.title,
    name: analysis.title,
    abstract: analysis.summary ?? undefined,
    inLanguage: analysis.meta.lang,
    datePublished: analysis.publishedAt,
    dateModified: analysis.revisedAt ?? analysis.updatedAt,
    author: analysis.authors.map((a) => ({ '@type': 'Organization', name: a.name })),
    publisher: PUBLISHER,
    license: `https://spdx.org/licenses/${encodeURIComponent(analysis.licence)}.html`,
    about: analysis.topics.length > 0 ? analysis.topics.map(term) : undefined,
    keywords: analysis.topics.length > 0 ? analysis.topics.map((t) => t.name).join(', ') : undefined,
    associatedMedia: media.length > 0 ? media : undefined,
    // The original publication, when the analysis has one elsewhere (else `url` is the JSON resource: no `sameAs`).
    sameAs: original && !original.includes('/v1/analyses/') ? original : undefined,
  };
}

/** schema.org Service, provided by Socius in Flanders and Brussels. */
export function serviceNode(service: Service): JsonLdNode {
  const url = safeHref(service.links.html);
  return {
    '@type': 'Service',
    '@id': url,
    url,
    name: service.title,
    description: service.summary ?? undefined,
    serviceType: service.format,
    audience: service.audience ? { '@type': 'Audience', audienceType: service.audience } : undefined,
    provider: PUBLISHER,
    areaServed: ['Flanders', 'Brussels'],
    sameAs: safeHref(service.link),
    about: service.topics.length > 0 ? service.topics.map(term) : undefined,
  };
}

/** schema.org DefinedTerm: one topic of the shared taxonomy. */
export function topicNode(topic: Topic): JsonLdNode {
  const url = safeHref(topic.url);
  return {
    '@type': 'DefinedTerm',
    '@id': url,
    url,
    name: topic.name,
    description: topic.description ?? undefined,
    termCode: topic.slug,
    inLanguage: topic.meta.lang,
  };
}

/** schema.org Organization: the organisation profile. */
export function organizationNode(about: About): JsonLdNode {
  const website = safeHref(about.contact.website);
  const address = about.contact.address;
  return {
    '@type': 'Organization',
    '@id': website,
    url: website,
    name: about.name,
    slogan: about.tagline ?? undefined,
    description: about.mission ?? undefined,
    email: about.contact.email ?? undefined,
    telephone: about.contact.phone ?? undefined,
    address: address
      ? {
          '@type': 'PostalAddress',
          streetAddress: address.street ?? undefined,
          postalCode: address.postalCode ?? undefined,
          addressLocality: address.city ?? undefined,
          addressCountry: address.country,
        }
      : undefined,
    areaServed: about.region ?? undefined,
    sameAs: about.socialLinks.flatMap((link) => safeHref(link.url) ?? []),
  };
}

/** A search hit as a ListItem's item: only what a hit knows (its name and URL). */
export function searchHitNode(hit: SearchHit): JsonLdNode {
  return { '@type': 'Thing', name: hit.title, url: safeHref(hit.url) };
}

/** schema.org ItemList of one page of a list, in the list's order; `total` is over all pages when known. */
export function itemList<T>(items: readonly T[], node: (item: T) => JsonLdNode, total?: number): JsonLdNode {
  return {
    '@type': 'ItemList',
    numberOfItems: total ?? items.length,
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, item: node(item) })),
  };
}

/** The node as a JSON-LD document of its own. */
export const jsonLdDocument = (node: JsonLdNode): JsonLdDocument => ({ '@context': SCHEMA_ORG, ...node });

/**
 * The document as text that is also safe inside an HTML `<script>` element: `<` is written as `\u003c`, so no
 * stored text (`</script>`, `<!--`) can end the element early. Still valid JSON, with the same value.
 */
export function serialiseJsonLd(document: JsonLdDocument): string {
  return JSON.stringify(document).replace(/</g, '\\u003c');
}
