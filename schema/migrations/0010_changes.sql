CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource` text NOT NULL,
	`item_id` text NOT NULL,
	`slug` text NOT NULL,
	`at` integer NOT NULL,
	CONSTRAINT "changes_resource_check" CHECK("changes"."resource" in ('topics', 'services', 'analyses', 'events', 'about'))
);
--> statement-breakpoint
CREATE INDEX `changes_item_idx` ON `changes` (`resource`,`item_id`,`seq`);--> statement-breakpoint
CREATE INDEX `changes_at_idx` ON `changes` (`at`);