-- Hand-written (drizzle-kit has no triggers): a redirect changes what a public GET answers, so it bumps the
-- content version like every content table (see 0003_content_version_triggers.sql).
CREATE TRIGGER `slug_redirects_insert_bumps_version` AFTER INSERT ON `slug_redirects` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `slug_redirects_update_bumps_version` AFTER UPDATE ON `slug_redirects` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `slug_redirects_delete_bumps_version` AFTER DELETE ON `slug_redirects` BEGIN UPDATE `content_state` SET `version` = `version` + 1, `changed_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE `id` = 1; END;
