-- Which rows of the FTS5 search_index (0001_search_index.sql) hold an item's texts. Hand-written, as search_index
-- is. kind and item_id are UNINDEXED there, so `delete from search_index where kind = ? and item_id = ?` read the
-- whole index on every editorial write (hundreds of thousands of rows at 100,000 events); an item's rows are now
-- found here and deleted by rowid (api/lib/content-writes.ts, searchIndexStatements). Rows written straight into
-- search_index without a line here (tests that plant one) are never found by an item's write, only by their rowid.
CREATE TABLE `search_rows` (
  `doc` integer PRIMARY KEY NOT NULL,
  `kind` text NOT NULL,
  `item_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_rows_item` ON `search_rows` (`kind`, `item_id`);
--> statement-breakpoint
INSERT INTO `search_rows` (`doc`, `kind`, `item_id`) SELECT rowid, kind, item_id FROM `search_index`;
