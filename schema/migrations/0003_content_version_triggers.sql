-- Every write to a content table bumps content_state.version (see schema/content-state.ts).
-- Statement-level would be cheaper, but SQLite only has row triggers; the update is one indexed row.
INSERT INTO `content_state` (`id`, `version`, `changed_at`) VALUES (1, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER));
--> statement-breakpoint
CREATE TRIGGER `about_insert_bumps_version` AFTER INSERT ON `about` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `about_update_bumps_version` AFTER UPDATE ON `about` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `about_delete_bumps_version` AFTER DELETE ON `about` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_insert_bumps_version` AFTER INSERT ON `about_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_update_bumps_version` AFTER UPDATE ON `about_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `about_translations_delete_bumps_version` AFTER DELETE ON `about_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topics_insert_bumps_version` AFTER INSERT ON `topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topics_update_bumps_version` AFTER UPDATE ON `topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topics_delete_bumps_version` AFTER DELETE ON `topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_insert_bumps_version` AFTER INSERT ON `topic_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_update_bumps_version` AFTER UPDATE ON `topic_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `topic_translations_delete_bumps_version` AFTER DELETE ON `topic_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_insert_bumps_version` AFTER INSERT ON `services` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_update_bumps_version` AFTER UPDATE ON `services` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_delete_bumps_version` AFTER DELETE ON `services` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_insert_bumps_version` AFTER INSERT ON `service_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_update_bumps_version` AFTER UPDATE ON `service_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_translations_delete_bumps_version` AFTER DELETE ON `service_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_insert_bumps_version` AFTER INSERT ON `service_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_update_bumps_version` AFTER UPDATE ON `service_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `service_topics_delete_bumps_version` AFTER DELETE ON `service_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_insert_bumps_version` AFTER INSERT ON `analyses` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_update_bumps_version` AFTER UPDATE ON `analyses` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analyses_delete_bumps_version` AFTER DELETE ON `analyses` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_insert_bumps_version` AFTER INSERT ON `analysis_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_update_bumps_version` AFTER UPDATE ON `analysis_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_translations_delete_bumps_version` AFTER DELETE ON `analysis_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_insert_bumps_version` AFTER INSERT ON `analysis_sections` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_update_bumps_version` AFTER UPDATE ON `analysis_sections` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_sections_delete_bumps_version` AFTER DELETE ON `analysis_sections` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_insert_bumps_version` AFTER INSERT ON `analysis_section_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_update_bumps_version` AFTER UPDATE ON `analysis_section_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_section_translations_delete_bumps_version` AFTER DELETE ON `analysis_section_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_insert_bumps_version` AFTER INSERT ON `analysis_authors` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_update_bumps_version` AFTER UPDATE ON `analysis_authors` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_authors_delete_bumps_version` AFTER DELETE ON `analysis_authors` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_insert_bumps_version` AFTER INSERT ON `analysis_attachments` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_update_bumps_version` AFTER UPDATE ON `analysis_attachments` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attachments_delete_bumps_version` AFTER DELETE ON `analysis_attachments` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_insert_bumps_version` AFTER INSERT ON `analysis_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_update_bumps_version` AFTER UPDATE ON `analysis_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `analysis_topics_delete_bumps_version` AFTER DELETE ON `analysis_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_insert_bumps_version` AFTER INSERT ON `events` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_update_bumps_version` AFTER UPDATE ON `events` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_bumps_version` AFTER DELETE ON `events` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_insert_bumps_version` AFTER INSERT ON `event_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_update_bumps_version` AFTER UPDATE ON `event_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_translations_delete_bumps_version` AFTER DELETE ON `event_translations` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_insert_bumps_version` AFTER INSERT ON `event_sessions` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_update_bumps_version` AFTER UPDATE ON `event_sessions` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_delete_bumps_version` AFTER DELETE ON `event_sessions` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_insert_bumps_version` AFTER INSERT ON `event_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_update_bumps_version` AFTER UPDATE ON `event_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `event_topics_delete_bumps_version` AFTER DELETE ON `event_topics` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
