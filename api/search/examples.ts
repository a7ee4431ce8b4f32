import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import type { SearchResults } from './schemas.ts';

export const searchResultsExample: SearchResults = {
  data: [
    {
      kind: 'event',
      slug: 'bedankavond-vrijwilligers-gent',
      title: 'Thank-you evening for volunteers (Ghent)',
      snippet: 'A festive evening to put <mark>volunteers</mark> from Ghent associations in the spotlight…',
      url: `${EXAMPLE_ORIGIN}/v1/events/bedankavond-vrijwilligers-gent`,
      lang: 'en',
    },
    {
      kind: 'service',
      slug: 'vorming-vrijwilligersbeleid',
      title: 'Training: building a strong volunteering policy',
      snippet: 'A multi-part training course on how to attract, support and retain <mark>volunteers</mark>.',
      url: `${EXAMPLE_ORIGIN}/v1/services/vorming-vrijwilligersbeleid`,
      lang: 'en',
    },
  ],
  nextCursor: 'WzIsIiJd',
  total: 26,
  totalIsLowerBound: false,
};
