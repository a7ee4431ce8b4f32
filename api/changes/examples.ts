import { analysisExample } from '../analyses/examples.ts';
import { serviceExample } from '../services/examples.ts';
import { topicExamples } from '../topics/examples.ts';
import type { ChangeEntry } from './schemas.ts';

const [topic] = topicExamples;

export const changeFeedExample: { data: ChangeEntry[]; next: string; hasMore: boolean } = {
  data: [
    ...(topic
      ? [{ kind: 'item' as const, resource: 'topics' as const, id: topic.id, slug: topic.slug, at: topic.updatedAt, item: topic }]
      : []),
    {
      kind: 'item',
      resource: 'services',
      id: serviceExample.id,
      slug: serviceExample.slug,
      at: serviceExample.updatedAt,
      item: serviceExample,
    },
    {
      kind: 'tombstone',
      resource: 'events',
      id: '8b1c7f0e-5d2a-4c3b-9e6f-1a2b3c4d5e6f',
      slug: 'netwerkdag-vrijwilligerswerk-2026',
      at: '2026-11-30T16:02:11+01:00',
    },
    {
      kind: 'item',
      resource: 'analyses',
      id: analysisExample.id,
      slug: analysisExample.slug,
      at: analysisExample.updatedAt,
      item: analysisExample,
    },
  ],
  next: 'WzQyMTcsImNoYW5nZXMiXQ',
  hasMore: false,
};
