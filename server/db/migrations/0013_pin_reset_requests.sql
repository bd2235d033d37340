CREATE TABLE `pin_reset_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`status` text NOT NULL,
	`device_id` text,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`approved_by_user_id` text,
	`approved_at` integer,
	`approved_via` text,
	`closed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pin_reset_requests_secret_hash_unique` ON `pin_reset_requests` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `pin_reset_requests_user_idx` ON `pin_reset_requests` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pin_reset_requests_code_idx` ON `pin_reset_requests` (`code_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pin_reset_requests_approver_idx` ON `pin_reset_requests` (`approved_by_user_id`,`approved_at`);--> statement-breakpoint
CREATE INDEX `pin_reset_requests_created_idx` ON `pin_reset_requests` (`created_at`);