ALTER TABLE `api_tokens` ADD `scopes` text DEFAULT '["admin.full"]' NOT NULL;
