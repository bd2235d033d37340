ALTER TABLE `groups` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `groups_external_id_unique` ON `groups` (`external_id`) WHERE "groups"."external_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `given_name` text;--> statement-breakpoint
ALTER TABLE `users` ADD `family_name` text;--> statement-breakpoint
ALTER TABLE `users` ADD `scim_deleted_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `users_external_id_unique` ON `users` (`external_id`) WHERE "users"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `users_email_nocase_idx` ON `users` (lower("email")) WHERE "users"."email" IS NOT NULL;