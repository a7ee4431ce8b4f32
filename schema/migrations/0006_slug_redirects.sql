CREATE TABLE `slug_redirects` (
	`kind` text NOT NULL,
	`old_slug` text NOT NULL,
	`item_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `old_slug`),
	CONSTRAINT "slug_redirects_kind_check" CHECK("slug_redirects"."kind" in ('topic', 'service', 'analysis', 'event'))
);
--> statement-breakpoint
CREATE INDEX `slug_redirects_item_idx` ON `slug_redirects` (`item_id`);