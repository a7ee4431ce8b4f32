import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import type { AnalysisBody, AnalysisSummaryBody } from './schemas.ts';

export const analysisSummaryExample: AnalysisSummaryBody = {
  id: '5b0a4a57-8a1f-4e0e-9d43-2f6c1c9a7e21',
  slug: 'tien-stromingen-in-het-middenveld',
  url: `${EXAMPLE_ORIGIN}/v1/analyses/tien-stromingen-in-het-middenveld`,
  links: { html: `${EXAMPLE_ORIGIN}/en/analyses/tien-stromingen-in-het-middenveld` },
  title: 'Ten flows from civil society in Flanders and Brussels',
  summary:
    'How do socio-cultural organisations see society, where do they stand in it, what do they want to achieve and how do they go about it? This analysis portrays socio-cultural adult work in Flanders and Brussels through ten flows.',
  authors: [{ name: 'Socius', affiliation: 'Socius' }],
  publishedAt: '2025-10-23T10:00:00+02:00',
  revisedAt: '2026-08-29T10:00:00+02:00',
  licence: 'CC-BY-4.0',
  topics: [
    { slug: 'participatie', name: 'Participation' },
    { slug: 'gemeenschapsvorming', name: 'Community development' },
  ],
  updatedAt: '2026-11-27T04:32:05+01:00',
  meta: { lang: 'en', fallback: [] },
};

export const analysisExample: AnalysisBody = {
  ...analysisSummaryExample,
  sections: [
    {
      anchor: 'inleiding',
      heading: 'Introduction',
      body: '<p>Socio-cultural adult work is a broad and varied landscape. Associations, movements and adult education organisations work on very different themes and in very different ways.</p>',
      fallback: false,
    },
    {
      anchor: 'aanpak',
      heading: 'Approach',
      body: '<p>We started from what organisations say about their own work.</p><ul><li>We read policy documents.</li><li>We talked with staff, volunteers and board members.</li></ul>',
      fallback: false,
    },
  ],
  attachments: [
    {
      title: 'Tien stromingen uit het middenveld in Vlaanderen en Brussel (pdf)',
      url: 'https://socius.be/wp-content/uploads/tien-stromingen-uit-het-middenveld-sample.pdf',
      mediaType: 'application/pdf',
      byteSize: 2457600,
      lang: 'nl',
    },
  ],
};
