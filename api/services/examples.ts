import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import type { EditableService, ServiceBody } from './schemas.ts';

export const serviceExample: ServiceBody = {
  id: '23d1f146-1328-4d78-8765-4393cbfbbbeb',
  slug: 'vorming-vrijwilligersbeleid',
  url: `${EXAMPLE_ORIGIN}/v1/services/vorming-vrijwilligersbeleid`,
  links: { html: `${EXAMPLE_ORIGIN}/en/services/vorming-vrijwilligersbeleid` },
  format: 'training',
  title: 'Training: building a strong volunteering policy',
  summary: 'A multi-part training course on how to attract, support and retain volunteers.',
  description:
    'Volunteers drive many associations and movements, but today their commitment is often shorter and more flexible. In this course you review your volunteering policy from recruitment to farewell.',
  audience: 'Staff and volunteer coordinators who support volunteers.',
  contact: { email: 'info@socius.be' },
  link: null,
  topics: [
    { slug: 'organisatieontwikkeling', name: 'Organisational development' },
    { slug: 'vrijwilligerswerk', name: 'Volunteering' },
  ],
  updatedAt: '2026-11-27T04:32:05+01:00',
  meta: { lang: 'en', fallback: [] },
};

export const editableServiceExample: EditableService = {
  id: '6f1d2c8e-0b7a-4a51-9f3e-2d4c6b8a1e90',
  slug: 'vorming-vrijwilligersbeleid',
  status: 'draft',
  version: 2,
  publishAt: '2026-12-15T09:00:00+01:00',
  unpublishAt: null,
  createdAt: '2026-11-28T09:00:00+01:00',
  updatedAt: '2026-11-30T16:20:00+01:00',
  format: 'training',
  contactEmail: 'vorming@socius.be',
  url: 'https://socius.be/vorming',
  position: 10,
  topics: ['vrijwilligerswerk'],
  translations: {
    nl: {
      title: 'Vorming vrijwilligersbeleid',
      summary: 'Bouw een vrijwilligersbeleid op maat.',
      description: null,
      audience: 'Besturen en coördinatoren',
    },
    en: { title: 'Training: volunteer policy', summary: null, description: null, audience: null },
  },
};
