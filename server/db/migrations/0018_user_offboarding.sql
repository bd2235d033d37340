ALTER TABLE `users` ADD `offboarded_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `offboarded_via` text;