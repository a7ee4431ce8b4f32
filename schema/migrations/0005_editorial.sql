CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`hash` text NOT NULL,
	`scopes` text NOT NULL,
	`organiser` text,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer,
	CONSTRAINT "api_keys_scopes_is_array" CHECK(json_type("api_keys"."scopes") = 'array')
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`key_id` text,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`resource` text,
	`item_id` text,
	`status` integer NOT NULL,
	`result` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_item_idx` ON `audit_log` (`resource`,`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `idempotency_records` (
	`key_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`headers` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`key_id`, `idempotency_key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_records_created_idx` ON `idempotency_records` (`created_at`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`resource` text NOT NULL,
	`item_id` text NOT NULL,
	`version` integer NOT NULL,
	`action` text NOT NULL,
	`key_id` text,
	`at` integer NOT NULL,
	`changed` text NOT NULL,
	`snapshot` text NOT NULL,
	PRIMARY KEY(`resource`, `item_id`, `version`),
	CONSTRAINT "revisions_action_check" CHECK("revisions"."action" in ('create', 'update', 'delete', 'restore', 'publish', 'unpublish'))
);
--> statement-breakpoint
ALTER TABLE `about` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `about` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `about` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `about` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `analyses` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `analyses` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `analyses` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `analyses` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `topics` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `publish_at` integer;--> statement-breakpoint
ALTER TABLE `topics` ADD `unpublish_at` integer;--> statement-breakpoint
ALTER TABLE `topics` ADD `deleted_at` integer;