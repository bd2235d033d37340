CREATE TABLE `webhook_badge_warnings` (
	`code_id` text PRIMARY KEY NOT NULL,
	`expire_at` integer NOT NULL,
	`warned_at` integer NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `qr_codes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webhook_lockout_bursts` (
	`store_id` text PRIMARY KEY NOT NULL,
	`alerted_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webhook_lockout_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`user_id` text NOT NULL,
	`locked_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_lockout_locks_store_idx` ON `webhook_lockout_locks` (`store_id`,`locked_at`);--> statement-breakpoint
CREATE INDEX `webhook_lockout_locks_time_idx` ON `webhook_lockout_locks` (`locked_at`);--> statement-breakpoint
CREATE TABLE `webhook_noncompliant_devices` (
	`device_id` text PRIMARY KEY NOT NULL,
	`reported_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
