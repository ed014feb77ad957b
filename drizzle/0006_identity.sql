CREATE TABLE `identity_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`subject` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `identity_providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_links_subject` ON `identity_links` (`provider_id`,`subject`);--> statement-breakpoint
CREATE UNIQUE INDEX `identity_links_user` ON `identity_links` (`user_id`,`provider_id`);--> statement-breakpoint
CREATE TABLE `identity_provider_organisations` (
	`provider_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`provider_id`, `organisation_id`),
	FOREIGN KEY (`provider_id`) REFERENCES `identity_providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `identity_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`email_claim` text DEFAULT 'email' NOT NULL,
	`admins_may_use` integer DEFAULT false NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_providers_key` ON `identity_providers` (`key`);--> statement-breakpoint
CREATE TABLE `organisation_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` integer NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`redirect_to` text DEFAULT '/' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`provider_id`) REFERENCES `identity_providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisation_sign_ins_expires` ON `organisation_sign_ins` (`expires_at`);--> statement-breakpoint
CREATE TABLE `pending_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`stage` text NOT NULL,
	`target` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pending_sign_ins_stage" CHECK(stage IN ('code', 'set_up'))
);
--> statement-breakpoint
CREATE INDEX `pending_sign_ins_user` ON `pending_sign_ins` (`user_id`);--> statement-breakpoint
CREATE TABLE `two_factor_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`succeeded` integer NOT NULL,
	`ip_address` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `two_factor_attempts_user_at` ON `two_factor_attempts` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `two_factor_credentials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`secret_sealed` text NOT NULL,
	`confirmed_at` text NOT NULL,
	`last_used_step` integer NOT NULL,
	`ended_at` text,
	`end_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `two_factor_credentials_live` ON `two_factor_credentials` (`user_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `two_factor_recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credential_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`used_at` text,
	`ended_at` text,
	FOREIGN KEY (`credential_id`) REFERENCES `two_factor_credentials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `two_factor_recovery_codes_credential` ON `two_factor_recovery_codes` (`credential_id`);--> statement-breakpoint
CREATE INDEX `two_factor_recovery_codes_hash` ON `two_factor_recovery_codes` (`code_hash`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `identity_provider_id` integer REFERENCES identity_providers(id);