// Topics in the editorial pipeline (api/lib/writes.ts): how a topic is read, built and written.
import { eq } from 'drizzle-orm';
import { LANGS } from '../../schema/columns.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import { searchIndexStatements } from '../lib/content-writes.ts';
import { type EditableResource, editableBase, sqlStatement, textsFromInput, textsFromRows, translationRows } from '../lib/writes.ts';
import type { EditableTopic, TopicInput } from './schemas.ts';

const FIELDS = ['name', 'description'] as const;

export const topicsResource: EditableResource<EditableTopic, TopicInput> = {
  name: 'topics',
  label: 'topic',
  table: topics,
  async read(db, id) {
    const [row] = await db.select().from(topics).where(eq(topics.id, id)).limit(1);
    if (!row) return undefined;
    const rows = await db.select().from(topicTranslations).where(eq(topicTranslations.topicId, id));
    return { ...editableBase(row), position: row.position, translations: textsFromRows(rows, FIELDS) };
  },
  build: (input, base) => ({ ...base, position: input.position ?? 0, translations: textsFromInput(input.translations, FIELDS) }),
  columns: (item) => ({ position: item.position }),
  children: (db, item) => [
    db.delete(topicTranslations).where(eq(topicTranslations.topicId, item.id)),
    ...translationRows(item.translations, { topicId: item.id }).map((row) => db.insert(topicTranslations).values(row)),
    // The topic's search text in the same batch, so it is findable (or gone) on the next request.
    ...searchIndexStatements(
      'topic',
      item.id,
      item.slug,
      LANGS.flatMap((lang) => {
        const text = item.translations[lang];
        return text ? [{ lang, title: text.name ?? item.translations.nl.name ?? '', parts: [text.description] }] : [];
      }),
    ).map(sqlStatement),
  ],
};
