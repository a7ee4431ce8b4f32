import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import type { ServiceBody } from './schemas.ts';

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
