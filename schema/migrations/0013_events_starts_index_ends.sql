DROP INDEX `events_status_starts_idx`;--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`,`id`,`ends_at`);