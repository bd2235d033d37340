CREATE TABLE `conditional_access_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`state` text NOT NULL,
	`grant` text NOT NULL,
	`conditions` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conditional_access_policies_display_name_unique` ON `conditional_access_policies` (`display_name`);--> statement-breakpoint
CREATE TABLE `named_locations` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`cidrs` text NOT NULL,
	`group_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `named_locations_display_name_unique` ON `named_locations` (`display_name`);--> statement-breakpoint
ALTER TABLE `devices` ADD `app_version` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `attestation_issued_at` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `attestation_expires_at` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `external_compliance` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `status_changed_at` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `status_changed_by_user_id` text;--> statement-breakpoint
CREATE INDEX `devices_group_idx` ON `devices` (`group_id`,`display_name`);--> statement-breakpoint
CREATE INDEX `devices_name_idx` ON `devices` (`display_name`,`id`);--> statement-breakpoint
CREATE INDEX `nonces_expires_idx` ON `nonces` (`expires_at`);