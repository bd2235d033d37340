CREATE TABLE `oidc_logout_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`sid` text NOT NULL,
	`sub` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_attempt_at` integer,
	`last_answer` text,
	`delivered_at` integer,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oidc_logout_deliveries_app_sid_idx` ON `oidc_logout_deliveries` (`app_id`,`sid`);--> statement-breakpoint
CREATE INDEX `oidc_logout_deliveries_next_idx` ON `oidc_logout_deliveries` (`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `oidc_logout_deliveries_app_created_idx` ON `oidc_logout_deliveries` (`app_id`,`created_at`);