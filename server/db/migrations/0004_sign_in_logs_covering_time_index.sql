DROP INDEX `sign_in_logs_time_idx`;--> statement-breakpoint
CREATE INDEX `sign_in_logs_time_idx` ON `sign_in_logs` (`created_at`,`id`,`user_id`,`result`,`failure_code`);