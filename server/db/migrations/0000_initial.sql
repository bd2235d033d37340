CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`activity` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_logs_time_idx` ON `audit_logs` (`activity_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`group_id` text,
	`public_key_jwk` text NOT NULL,
	`key_thumbprint` text NOT NULL,
	`status` text NOT NULL,
	`enrolled_by_user_id` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_key_thumbprint_unique` ON `devices` (`key_thumbprint`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_user_idx` ON `group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`time_zone` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nonces` (
	`nonce_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE TABLE `qr_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`method_id` text NOT NULL,
	`kind` text NOT NULL,
	`secret_hash` text NOT NULL,
	`short_code_hash` text,
	`start_at` integer NOT NULL,
	`expire_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`method_id`) REFERENCES `qr_pin_methods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qr_codes_method_idx` ON `qr_codes` (`method_id`);--> statement-breakpoint
CREATE INDEX `qr_codes_expire_idx` ON `qr_codes` (`expire_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `qr_codes_short_code_unique` ON `qr_codes` (`short_code_hash`);--> statement-breakpoint
CREATE TABLE `qr_pin_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`pin_hash` text NOT NULL,
	`pin_length` integer NOT NULL,
	`force_change_pin` integer NOT NULL,
	`pin_updated_at` integer NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qr_pin_methods_user_id_unique` ON `qr_pin_methods` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`auth_method` text NOT NULL,
	`must_change_pin` integer DEFAULT false NOT NULL,
	`device_id` text,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `setup_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `setup_tokens_token_hash_unique` ON `setup_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `sign_in_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`result` text NOT NULL,
	`failure_code` text,
	`auth_method` text NOT NULL,
	`user_id` text,
	`code_id` text,
	`device_id` text,
	`ip_address` text,
	`user_agent` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `sign_in_logs_time_idx` ON `sign_in_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_logs_user_idx` ON `sign_in_logs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`user_principal_name` text NOT NULL,
	`display_name` text NOT NULL,
	`employee_id` text,
	`role` text NOT NULL,
	`account_enabled` integer DEFAULT true NOT NULL,
	`password_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_upn_unique` ON `users` (lower("user_principal_name"));--> statement-breakpoint
CREATE INDEX `users_display_name_idx` ON `users` (`display_name`);