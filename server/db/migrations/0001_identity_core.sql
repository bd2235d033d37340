DROP INDEX `audit_logs_time_idx`;--> statement-breakpoint
CREATE INDEX `audit_logs_actor_idx` ON `audit_logs` (`actor_id`,`activity_at`);--> statement-breakpoint
CREATE INDEX `audit_logs_target_idx` ON `audit_logs` (`target_id`,`activity_at`);--> statement-breakpoint
CREATE INDEX `audit_logs_time_idx` ON `audit_logs` (`activity_at`,`id`);--> statement-breakpoint
DROP INDEX `sign_in_logs_time_idx`;--> statement-breakpoint
CREATE INDEX `sign_in_logs_device_idx` ON `sign_in_logs` (`device_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_logs_code_idx` ON `sign_in_logs` (`code_id`);--> statement-breakpoint
CREATE INDEX `sign_in_logs_time_idx` ON `sign_in_logs` (`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `qr_pin_methods` ADD `lockout_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `users_display_name_nocase_idx` ON `users` (lower("display_name"),`id`);--> statement-breakpoint
CREATE INDEX `users_employee_id_idx` ON `users` (`employee_id`);