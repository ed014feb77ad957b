CREATE TABLE `concern_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concern_id` integer NOT NULL,
	`kind` text NOT NULL,
	`competency_id` integer,
	`review_id` integer,
	`recorded_by` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "concern_follow_ups_kind" CHECK(kind IN ('competency_suspended', 'agreement_reviewed')),
	CONSTRAINT "concern_follow_ups_target" CHECK((kind = 'competency_suspended' AND competency_id IS NOT NULL) OR (kind = 'agreement_reviewed' AND review_id IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `concern_follow_ups_concern` ON `concern_follow_ups` (`concern_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`user_id` integer,
	`withdrawn_at` text,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_worker` ON `invitations` (`worker_id`);--> statement-breakpoint
CREATE INDEX `invitations_email` ON `invitations` (`email`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_created` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip_address` text NOT NULL,
	`requested_at` text NOT NULL,
	`user_id` integer,
	`token_hash` text,
	`expires_at` text,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_token` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_resets_email_at` ON `password_resets` (`email`,`requested_at`);--> statement-breakpoint
CREATE INDEX `password_resets_ip_at` ON `password_resets` (`ip_address`,`requested_at`);--> statement-breakpoint
ALTER TABLE `agreement_versions` ADD `change_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `care_workers` ADD `staff_number` text;--> statement-breakpoint
ALTER TABLE `concerns` ADD `task_id` integer REFERENCES tasks(id);--> statement-breakpoint
ALTER TABLE `concerns` ADD `harm` text DEFAULT 'not_known' NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `concerns` ADD `closed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `concerns` ADD `outcome` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `end_reason` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `cancelled_at` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `cancelled_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `cancel_reason` text DEFAULT '' NOT NULL;