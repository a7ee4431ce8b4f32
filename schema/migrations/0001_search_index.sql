-- Full-text search over the translated text of all content, one row per item and language.
-- Hand-written: drizzle-kit does not generate FTS5. Filled by schema/search-index.ts from the translation
-- tables (plain text, HTML stripped), so it is the only table not declared in schema/*.ts.
-- unicode61 with remove_diacritics 2 makes "reseau" match "réseau"; the prefix indexes keep prefix
-- queries ("vrijwilligers*" finds "vrijwilligerswerk") fast.
-- Note: `wrangler d1 export` refuses databases with FTS5 tables; drop and rebuild this index around an export.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `kind` UNINDEXED,
  `item_id` UNINDEXED,
  `slug` UNINDEXED,
  `lang` UNINDEXED,
  `title`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 5'
);
