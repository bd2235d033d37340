CREATE TABLE `step_up_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`method_id` text,
	`code_id` text,
	`device_id` text,
	`via` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`session_id` text,
	`co_signed_by_user_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `step_up_challenges_token_hash_unique` ON `step_up_challenges` (`token_hash`);--> statement-breakpoint
CREATE INDEX `step_up_challenges_expires_idx` ON `step_up_challenges` (`expires_at`);--> statement-breakpoint
CREATE INDEX `step_up_challenges_session_idx` ON `step_up_challenges` (`session_id`);