CREATE TABLE `oidc_session_links` (
	`provider_session_uid` text PRIMARY KEY NOT NULL,
	`kiosk_session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`kiosk_session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oidc_session_links_kiosk_session_idx` ON `oidc_session_links` (`kiosk_session_id`);