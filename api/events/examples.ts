import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import type { EventBody } from './schemas.ts';

export const eventExample: EventBody = {
  id: '0b7f0c1e-9d55-4a4c-9b7e-1f3f1c2b9a10',
  slug: 'vrijwilligersbeleid-op-maat-gent',
  url: `${EXAMPLE_ORIGIN}/v1/events/vrijwilligersbeleid-op-maat-gent`,
  links: { html: `${EXAMPLE_ORIGIN}/en/events/vrijwilligersbeleid-op-maat-gent` },
  title: 'A tailored volunteering policy (Ghent)',
  summary: 'Three mornings to take a close look at your volunteering policy and fine-tune it.',
  description:
    'Over three morning sessions you work through every stage of volunteering, from recruitment and welcome to recognition and farewell. You go home with a concrete action plan.',
  status: 'scheduled',
  statusReason: null,
  attendanceMode: 'offline',
  dateSummary: '3 sessions: Tue 8 Dec – Tue 22 Dec',
  startsAt: '2026-12-08T09:30:00+01:00',
  endsAt: '2026-12-22T12:30:00+01:00',
  previousStartsAt: null,
  timeZone: 'Europe/Brussels',
  sessions: [
    { startsAt: '2026-12-08T09:30:00+01:00', endsAt: '2026-12-08T12:30:00+01:00', status: 'scheduled' },
    { startsAt: '2026-12-15T09:30:00+01:00', endsAt: '2026-12-15T12:30:00+01:00', status: 'scheduled' },
    { startsAt: '2026-12-22T09:30:00+01:00', endsAt: '2026-12-22T12:30:00+01:00', status: 'scheduled' },
  ],
  venue: {
    name: 'Vergaderzaal De Markt',
    street: 'Stationsstraat 12',
    postalCode: '9000',
    city: 'Gent',
    country: 'BE',
    latitude: 51.0536,
    longitude: 3.725,
  },
  onlineUrl: null,
  organiser: { name: 'Socius', url: 'https://socius.be' },
  price: {
    free: false,
    amountCents: 9000,
    currency: 'EUR',
    note: 'Price for the full series. Volunteers and staff of small organisations pay €45.',
  },
  registration: { url: 'https://example.org/socius/inschrijven/vrijwilligersbeleid-op-maat-gent', availability: 'limited' },
  audience: 'Volunteer managers and coordinators of associations and movements.',
  accessibility: 'The venue is accessible by wheelchair and has an adapted toilet.',
  topics: [
    { slug: 'vrijwilligerswerk', name: 'Volunteering' },
    { slug: 'organisatieontwikkeling', name: 'Organisational development' },
  ],
  service: { slug: 'vorming-vrijwilligersbeleid', title: 'Training: building a strong volunteering policy' },
  createdAt: '2026-10-02T14:12:40+02:00',
  updatedAt: '2026-11-27T04:32:05+01:00',
  meta: { lang: 'en', fallback: [] },
};
