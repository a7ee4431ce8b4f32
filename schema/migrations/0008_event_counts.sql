CREATE TABLE `event_counts` (
	`scope` text NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	`day` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scope`, `facet`, `day`, `value`)
);
--> statement-breakpoint
CREATE INDEX `events_status_ends_idx` ON `events` (`status`,`ends_at`);