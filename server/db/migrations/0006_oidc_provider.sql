CREATE TABLE `apps` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`client_type` text NOT NULL,
	`token_endpoint_auth_method` text NOT NULL,
	`client_secret_sealed` text,
	`jwks` text,
	`redirect_uris` text NOT NULL,
	`post_logout_redirect_uris` text NOT NULL,
	`backchannel_logout_uri` text,
	`home_url` text,
	`group_ids` text NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `apps_display_name_unique` ON `apps` (`display_name`);--> statement-breakpoint
CREATE TABLE `oidc_models` (
	`model` text NOT NULL,
	`id` text NOT NULL,
	`payload` text NOT NULL,
	`grant_id` text,
	`user_code` text,
	`uid` text,
	`expires_at` integer,
	`consumed_at` integer,
	PRIMARY KEY(`model`, `id`)
);
--> statement-breakpoint
CREATE INDEX `oidc_models_grant_idx` ON `oidc_models` (`grant_id`);--> statement-breakpoint
CREATE INDEX `oidc_models_uid_idx` ON `oidc_models` (`uid`);--> statement-breakpoint
CREATE INDEX `oidc_models_expires_idx` ON `oidc_models` (`expires_at`);--> statement-breakpoint
CREATE TABLE `oidc_signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`alg` text NOT NULL,
	`private_jwk_sealed` text NOT NULL,
	`created_at` integer NOT NULL,
	`superseded_at` integer,
	`remove_after` integer
);
