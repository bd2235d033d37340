ALTER TABLE `console_lockouts` ADD `last_failed_at` integer;--> statement-breakpoint
UPDATE `console_lockouts` SET `last_failed_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000;