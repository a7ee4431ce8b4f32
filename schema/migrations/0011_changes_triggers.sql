-- The change log (schema/changes.ts) behind GET /v1/changes, kept by triggers. Hand-written: drizzle-kit does not
-- generate triggers. Why triggers rather than statements in the write pipeline: every path that changes content
-- records its change in the same statement, so atomically (a failed batch leaves no entry), without each path
-- having to remember: the editorial API, the Cron Trigger, the content import, the seed, a purge, and SQL run by
-- hand; and the children of an item (translations, sections, event sessions, topic links) record their item.
-- Rules (public = what the public API serves: status 'published', for analyses also a publication date):
-- - an item that is public after the write, or was before it, gets an entry (tombstone or not is decided when the
--   feed is read, from the item's current state); an item that is public neither before nor after gets none, so
--   drafts never appear, not even their ids;
-- - a write to a child records its item when that item is public;
-- - a change to what an item shows of another (a topic's name or slug in a service, analysis or event; a
--   service's title or slug in an event) records the public items that show it.
-- Entries carry the slug the public saw: the new one, or, when the item stops being public, the last one.
-- First, everything public today, so a mirror reading the feed from the start misses nothing.
--> statement-breakpoint
INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'about', id, slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `about` p WHERE p.status = 'published';
--> statement-breakpoint
INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'topics', id, slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `topics` p WHERE p.status = 'published';
--> statement-breakpoint
INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', id, slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.status = 'published';
--> statement-breakpoint
INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', id, slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.status = 'published' AND p.published_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', id, slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.status = 'published';
--> statement-breakpoint
CREATE TRIGGER `about_insert_records_change` AFTER INSERT ON `about` WHEN NEW.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('about', NEW.id, NEW.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `about_update_records_change` AFTER UPDATE ON `about` WHEN (OLD.status = 'published') OR (NEW.status = 'published') BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('about', NEW.id, CASE WHEN NEW.status = 'published' THEN NEW.slug ELSE OLD.slug END, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `about_delete_records_change` AFTER DELETE ON `about` WHEN OLD.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('about', OLD.id, OLD.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `topics_insert_records_change` AFTER INSERT ON `topics` WHEN NEW.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('topics', NEW.id, NEW.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `topics_update_records_change` AFTER UPDATE ON `topics` WHEN (OLD.status = 'published') OR (NEW.status = 'published') BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('topics', NEW.id, CASE WHEN NEW.status = 'published' THEN NEW.slug ELSE OLD.slug END, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `topics_delete_records_change` AFTER DELETE ON `topics` WHEN OLD.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('topics', OLD.id, OLD.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `services_insert_records_change` AFTER INSERT ON `services` WHEN NEW.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('services', NEW.id, NEW.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `services_update_records_change` AFTER UPDATE ON `services` WHEN (OLD.status = 'published') OR (NEW.status = 'published') BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('services', NEW.id, CASE WHEN NEW.status = 'published' THEN NEW.slug ELSE OLD.slug END, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `services_delete_records_change` AFTER DELETE ON `services` WHEN OLD.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('services', OLD.id, OLD.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `analyses_insert_records_change` AFTER INSERT ON `analyses` WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('analyses', NEW.id, NEW.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `analyses_update_records_change` AFTER UPDATE ON `analyses` WHEN (OLD.status = 'published' AND OLD.published_at IS NOT NULL) OR (NEW.status = 'published' AND NEW.published_at IS NOT NULL) BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('analyses', NEW.id, CASE WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL THEN NEW.slug ELSE OLD.slug END, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `analyses_delete_records_change` AFTER DELETE ON `analyses` WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('analyses', OLD.id, OLD.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `events_insert_records_change` AFTER INSERT ON `events` WHEN NEW.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('events', NEW.id, NEW.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `events_update_records_change` AFTER UPDATE ON `events` WHEN (OLD.status = 'published') OR (NEW.status = 'published') BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('events', NEW.id, CASE WHEN NEW.status = 'published' THEN NEW.slug ELSE OLD.slug END, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_records_change` AFTER DELETE ON `events` WHEN OLD.status = 'published' BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) VALUES ('events', OLD.id, OLD.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_insert_records_change` AFTER INSERT ON `about_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'about', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `about` p WHERE p.id IN (NEW.about_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_update_records_change` AFTER UPDATE ON `about_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'about', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `about` p WHERE p.id IN (OLD.about_id, NEW.about_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_delete_records_change` AFTER DELETE ON `about_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'about', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `about` p WHERE p.id IN (OLD.about_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_insert_records_change` AFTER INSERT ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'topics', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `topics` p WHERE p.id IN (NEW.topic_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_update_records_change` AFTER UPDATE ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'topics', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `topics` p WHERE p.id IN (OLD.topic_id, NEW.topic_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_delete_records_change` AFTER DELETE ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'topics', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `topics` p WHERE p.id IN (OLD.topic_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_insert_records_change` AFTER INSERT ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (NEW.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_update_records_change` AFTER UPDATE ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (OLD.service_id, NEW.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_delete_records_change` AFTER DELETE ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (OLD.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_insert_records_change` AFTER INSERT ON `service_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (NEW.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_update_records_change` AFTER UPDATE ON `service_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (OLD.service_id, NEW.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_delete_records_change` AFTER DELETE ON `service_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (OLD.service_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_insert_records_change` AFTER INSERT ON `analysis_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_update_records_change` AFTER UPDATE ON `analysis_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id, NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_delete_records_change` AFTER DELETE ON `analysis_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_insert_records_change` AFTER INSERT ON `analysis_sections` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_update_records_change` AFTER UPDATE ON `analysis_sections` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id, NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_delete_records_change` AFTER DELETE ON `analysis_sections` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_insert_records_change` AFTER INSERT ON `analysis_authors` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_update_records_change` AFTER UPDATE ON `analysis_authors` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id, NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_delete_records_change` AFTER DELETE ON `analysis_authors` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_insert_records_change` AFTER INSERT ON `analysis_attachments` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_update_records_change` AFTER UPDATE ON `analysis_attachments` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id, NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_delete_records_change` AFTER DELETE ON `analysis_attachments` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_insert_records_change` AFTER INSERT ON `analysis_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_update_records_change` AFTER UPDATE ON `analysis_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id, NEW.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_delete_records_change` AFTER DELETE ON `analysis_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (OLD.analysis_id) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_insert_records_change` AFTER INSERT ON `event_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_update_records_change` AFTER UPDATE ON `event_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id, NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_delete_records_change` AFTER DELETE ON `event_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_insert_records_change` AFTER INSERT ON `event_sessions` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_update_records_change` AFTER UPDATE ON `event_sessions` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id, NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_delete_records_change` AFTER DELETE ON `event_sessions` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_insert_records_change` AFTER INSERT ON `event_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_update_records_change` AFTER UPDATE ON `event_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id, NEW.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_delete_records_change` AFTER DELETE ON `event_topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (OLD.event_id) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_insert_records_change` AFTER INSERT ON `analysis_section_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_sections` WHERE id IN (NEW.section_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_update_records_change` AFTER UPDATE ON `analysis_section_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_sections` WHERE id IN (OLD.section_id, NEW.section_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_delete_records_change` AFTER DELETE ON `analysis_section_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_sections` WHERE id IN (OLD.section_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `topics_update_records_dependants` AFTER UPDATE ON `topics` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (SELECT service_id FROM `service_topics` WHERE topic_id IN (OLD.id, NEW.id)) AND p.status = 'published'; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_topics` WHERE topic_id IN (OLD.id, NEW.id)) AND p.status = 'published' AND p.published_at IS NOT NULL; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT event_id FROM `event_topics` WHERE topic_id IN (OLD.id, NEW.id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_insert_records_dependants` AFTER INSERT ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (SELECT service_id FROM `service_topics` WHERE topic_id IN (NEW.topic_id)) AND p.status = 'published'; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_topics` WHERE topic_id IN (NEW.topic_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT event_id FROM `event_topics` WHERE topic_id IN (NEW.topic_id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_update_records_dependants` AFTER UPDATE ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (SELECT service_id FROM `service_topics` WHERE topic_id IN (OLD.topic_id, NEW.topic_id)) AND p.status = 'published'; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_topics` WHERE topic_id IN (OLD.topic_id, NEW.topic_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT event_id FROM `event_topics` WHERE topic_id IN (OLD.topic_id, NEW.topic_id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_delete_records_dependants` AFTER DELETE ON `topic_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'services', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `services` p WHERE p.id IN (SELECT service_id FROM `service_topics` WHERE topic_id IN (OLD.topic_id)) AND p.status = 'published'; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'analyses', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `analyses` p WHERE p.id IN (SELECT analysis_id FROM `analysis_topics` WHERE topic_id IN (OLD.topic_id)) AND p.status = 'published' AND p.published_at IS NOT NULL; INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT event_id FROM `event_topics` WHERE topic_id IN (OLD.topic_id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `services_update_records_dependants` AFTER UPDATE ON `services` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT id FROM `events` WHERE service_id IN (OLD.id, NEW.id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_insert_records_dependants` AFTER INSERT ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT id FROM `events` WHERE service_id IN (NEW.service_id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_update_records_dependants` AFTER UPDATE ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT id FROM `events` WHERE service_id IN (OLD.service_id, NEW.service_id)) AND p.status = 'published'; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_delete_records_dependants` AFTER DELETE ON `service_translations` BEGIN INSERT INTO `changes` (`resource`, `item_id`, `slug`, `at`) SELECT 'events', p.id, p.slug, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events` p WHERE p.id IN (SELECT id FROM `events` WHERE service_id IN (OLD.service_id)) AND p.status = 'published'; END;
