// The shape seed content is written in: content-first (one object per item, every language side by side),
// turned into table rows by ./index.ts. Dates are relative to the day the seed runs, so a fresh start
// always shows upcoming events.

import type { Lang } from '../columns.ts';
import type { AttendanceMode, Availability, EventStatus } from '../events.ts';
import type { ServiceFormat } from '../services.ts';

/** Dutch is required; English and French may be missing and then fall back to Dutch. */
export interface Text {
  nl: string;
  en?: string;
  fr?: string;
}

export interface SeedAbout {
  slug: string;
  website: string;
  email?: string;
  phone?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  socialLinks: { network: string; url: string }[];
  name: Text;
  tagline: Text;
  mission: Text;
  offer: Text;
  stakeholders: Text;
  region: Text;
  subsidiser: Text;
}

export interface SeedTopic {
  slug: string;
  name: Text;
  description: Text;
}

export interface SeedService {
  slug: string;
  format: ServiceFormat;
  topics: string[];
  contactEmail?: string;
  url?: string;
  title: Text;
  summary: Text;
  description: Text;
  audience: Text;
}

export interface SeedAnalysis {
  slug: string;
  /** Days before the seed date it was published. */
  publishedDaysAgo: number;
  revisedDaysAgo?: number;
  licence: string;
  canonicalUrl?: string;
  topics: string[];
  title: Text;
  summary: Text;
  authors: { name: string; affiliation?: string }[];
  /** Bodies are HTML using only p, h3, ul, ol, li, strong, em, a, blockquote. */
  sections: { anchor: string; heading: Text; body: Text }[];
  attachments: { lang: Lang; title: string; url: string; mediaType: string; byteSize?: number }[];
}

/** A local Brussels wall-clock time, e.g. "19:30". */
export type LocalTime = `${number}:${number}`;

export interface SeedSession {
  /** Days after the seed date. */
  day: number;
  start: LocalTime;
  end: LocalTime;
  /** Days after the seed date the session ends, when it runs past midnight or over several days. */
  endDay?: number;
  status?: EventStatus;
}

export interface SeedVenue {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
}

export interface SeedEvent {
  slug: string;
  eventStatus: EventStatus;
  attendanceMode: AttendanceMode;
  sessions: SeedSession[];
  /** For postponed/rescheduled events: where the first session used to start, in days after the seed date. */
  previousDay?: number;
  venue?: SeedVenue;
  onlineUrl?: string;
  organiser: { name: string; url?: string };
  isFree: boolean;
  priceCents?: number;
  registrationUrl?: string;
  availability: Availability;
  service?: string;
  topics: string[];
  title: Text;
  summary: Text;
  description: Text;
  audience?: Text;
  accessibility?: Text;
  statusReason?: Text;
  priceNote?: Text;
}
