CREATE TABLE `about` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`email` text,
	`phone` text,
	`website` text NOT NULL,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text DEFAULT 'BE' NOT NULL,
	`social_links` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "about_status_check" CHECK("about"."status" in ('draft', 'review', 'published', 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `about_slug_unique` ON `about` (`slug`);--> statement-breakpoint
CREATE TABLE `about_translations` (
	`about_id` text NOT NULL,
	`lang` text NOT NULL,
	`name` text,
	`tagline` text,
	`mission` text,
	`offer` text,
	`stakeholders` text,
	`region` text,
	`subsidiser` text,
	PRIMARY KEY(`about_id`, `lang`),
	FOREIGN KEY (`about_id`) REFERENCES `about`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "about_translations_lang_check" CHECK("about_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "about_translations_nl_name" CHECK("about_translations"."lang" <> 'nl' or "about_translations"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE `analyses` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`revised_at` integer,
	`licence` text DEFAULT 'CC-BY-4.0' NOT NULL,
	`canonical_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "analyses_status_check" CHECK("analyses"."status" in ('draft', 'review', 'published', 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analyses_slug_unique` ON `analyses` (`slug`);--> statement-breakpoint
CREATE INDEX `analyses_status_published_idx` ON `analyses` (`status`,`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `analysis_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`analysis_id` text NOT NULL,
	`lang` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`media_type` text NOT NULL,
	`byte_size` integer,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "analysis_attachments_lang_check" CHECK("analysis_attachments"."lang" in ('nl', 'en', 'fr'))
);
--> statement-breakpoint
CREATE INDEX `analysis_attachments_analysis_idx` ON `analysis_attachments` (`analysis_id`,`position`);--> statement-breakpoint
CREATE TABLE `analysis_authors` (
	`analysis_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`affiliation` text,
	PRIMARY KEY(`analysis_id`, `position`),
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analysis_authors_name_idx` ON `analysis_authors` (`name`);--> statement-breakpoint
CREATE TABLE `analysis_section_translations` (
	`section_id` text NOT NULL,
	`lang` text NOT NULL,
	`heading` text,
	`body` text,
	PRIMARY KEY(`section_id`, `lang`),
	FOREIGN KEY (`section_id`) REFERENCES `analysis_sections`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "analysis_section_translations_lang_check" CHECK("analysis_section_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "analysis_section_translations_nl" CHECK("analysis_section_translations"."lang" <> 'nl' or ("analysis_section_translations"."heading" is not null and "analysis_section_translations"."body" is not null))
);
--> statement-breakpoint
CREATE TABLE `analysis_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`analysis_id` text NOT NULL,
	`position` integer NOT NULL,
	`anchor` text NOT NULL,
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_sections_position_idx` ON `analysis_sections` (`analysis_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_sections_anchor_idx` ON `analysis_sections` (`analysis_id`,`anchor`);--> statement-breakpoint
CREATE TABLE `analysis_topics` (
	`analysis_id` text NOT NULL,
	`topic_id` text NOT NULL,
	PRIMARY KEY(`analysis_id`, `topic_id`),
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analysis_topics_topic_idx` ON `analysis_topics` (`topic_id`,`analysis_id`);--> statement-breakpoint
CREATE TABLE `analysis_translations` (
	`analysis_id` text NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`summary` text,
	PRIMARY KEY(`analysis_id`, `lang`),
	FOREIGN KEY (`analysis_id`) REFERENCES `analyses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "analysis_translations_lang_check" CHECK("analysis_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "analysis_translations_nl_title" CHECK("analysis_translations"."lang" <> 'nl' or "analysis_translations"."title" is not null)
);
--> statement-breakpoint
CREATE TABLE `event_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_sessions_status_check" CHECK("event_sessions"."status" in ('scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online')),
	CONSTRAINT "event_sessions_ends_after_start" CHECK("event_sessions"."ends_at" >= "event_sessions"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_sessions_position_idx` ON `event_sessions` (`event_id`,`position`);--> statement-breakpoint
CREATE INDEX `event_sessions_starts_idx` ON `event_sessions` (`starts_at`);--> statement-breakpoint
CREATE TABLE `event_topics` (
	`event_id` text NOT NULL,
	`topic_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `topic_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_topics_topic_idx` ON `event_topics` (`topic_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `event_translations` (
	`event_id` text NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`summary` text,
	`description` text,
	`audience` text,
	`accessibility` text,
	`status_reason` text,
	`price_note` text,
	PRIMARY KEY(`event_id`, `lang`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_translations_lang_check" CHECK("event_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "event_translations_nl_title" CHECK("event_translations"."lang" <> 'nl' or "event_translations"."title" is not null)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`event_status` text DEFAULT 'scheduled' NOT NULL,
	`attendance_mode` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`previous_starts_at` integer,
	`venue_name` text,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text,
	`latitude` real,
	`longitude` real,
	`online_url` text,
	`organiser_name` text NOT NULL,
	`organiser_url` text,
	`is_free` integer DEFAULT false NOT NULL,
	`price_cents` integer,
	`registration_url` text,
	`availability` text DEFAULT 'available' NOT NULL,
	`service_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "events_status_check" CHECK("events"."status" in ('draft', 'review', 'published', 'archived')),
	CONSTRAINT "events_event_status_check" CHECK("events"."event_status" in ('scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online')),
	CONSTRAINT "events_attendance_mode_check" CHECK("events"."attendance_mode" in ('offline', 'online', 'mixed')),
	CONSTRAINT "events_availability_check" CHECK("events"."availability" in ('available', 'limited', 'full', 'not-required')),
	CONSTRAINT "events_ends_after_start" CHECK("events"."ends_at" >= "events"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_status_city_starts_idx` ON `events` (`status`,`city`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_status_postal_starts_idx` ON `events` (`status`,`postal_code`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_service_idx` ON `events` (`service_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `service_topics` (
	`service_id` text NOT NULL,
	`topic_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `topic_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_topics_topic_idx` ON `service_topics` (`topic_id`,`service_id`);--> statement-breakpoint
CREATE TABLE `service_translations` (
	`service_id` text NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`summary` text,
	`description` text,
	`audience` text,
	PRIMARY KEY(`service_id`, `lang`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "service_translations_lang_check" CHECK("service_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "service_translations_nl_title" CHECK("service_translations"."lang" <> 'nl' or "service_translations"."title" is not null)
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`format` text NOT NULL,
	`contact_email` text,
	`url` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "services_status_check" CHECK("services"."status" in ('draft', 'review', 'published', 'archived')),
	CONSTRAINT "services_format_check" CHECK("services"."format" in ('training', 'workshop', 'inspiration-day', 'network', 'tailor-made-support', 'research'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_slug_unique` ON `services` (`slug`);--> statement-breakpoint
CREATE INDEX `services_status_position_idx` ON `services` (`status`,`position`);--> statement-breakpoint
CREATE INDEX `services_status_format_idx` ON `services` (`status`,`format`,`position`);--> statement-breakpoint
CREATE TABLE `topic_translations` (
	`topic_id` text NOT NULL,
	`lang` text NOT NULL,
	`name` text,
	`description` text,
	PRIMARY KEY(`topic_id`, `lang`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "topic_translations_lang_check" CHECK("topic_translations"."lang" in ('nl', 'en', 'fr')),
	CONSTRAINT "topic_translations_nl_name" CHECK("topic_translations"."lang" <> 'nl' or "topic_translations"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "topics_status_check" CHECK("topics"."status" in ('draft', 'review', 'published', 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_slug_unique` ON `topics` (`slug`);--> statement-breakpoint
CREATE INDEX `topics_status_position_idx` ON `topics` (`status`,`position`);