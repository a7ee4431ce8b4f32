import type { EditableTopic, TopicBody } from './schemas.ts';

export const topicExamples: TopicBody[] = [
  {
    id: '42bdbbcd-cd55-4892-81f7-9a6178307bce',
    slug: 'organisatieontwikkeling',
    url: 'https://api.socius.example/v1/topics/organisatieontwikkeling',
    name: 'Organisational development',
    description:
      'How an organisation adjusts its direction, structure and way of working so that it stays agile and lives up to its mission.',
    updatedAt: '2026-11-02T10:15:00+01:00',
    meta: { lang: 'en', fallback: [] },
  },
  {
    id: '3caad1ae-bd26-4125-b080-19c6c287d714',
    slug: 'vrijwilligerswerk',
    url: 'https://api.socius.example/v1/topics/vrijwilligerswerk',
    name: 'Volunteering',
    description: 'Finding, supporting and valuing volunteers, and developing a volunteering policy that suits your organisation.',
    updatedAt: '2026-11-02T10:15:00+01:00',
    meta: { lang: 'en', fallback: [] },
  },
];

export const editableTopicExample: EditableTopic = {
  id: '3caad1ae-bd26-4125-b080-19c6c287d714',
  slug: 'vrijwilligerswerk',
  status: 'published',
  version: 3,
  publishAt: null,
  unpublishAt: null,
  createdAt: '2026-11-02T10:15:00+01:00',
  updatedAt: '2026-11-30T14:05:12+01:00',
  position: 50,
  translations: {
    nl: { name: 'Vrijwilligerswerk', description: 'Vrijwilligers vinden, ondersteunen en waarderen.' },
    en: { name: 'Volunteering', description: 'Finding, supporting and valuing volunteers.' },
    fr: { name: 'Volontariat', description: null },
  },
};
