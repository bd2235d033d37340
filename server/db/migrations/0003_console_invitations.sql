CREATE TABLE `console_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `console_invitations_user_id_unique` ON `console_invitations` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `console_invitations_token_hash_unique` ON `console_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `console_invitations_expires_idx` ON `console_invitations` (`expires_at`);