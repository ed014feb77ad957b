CREATE TABLE `passport_prints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`verification_code` text NOT NULL,
	`worker_id` integer NOT NULL,
	`printed_by` integer NOT NULL,
	`printed_at` text NOT NULL,
	`printed_on` text NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`printed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passport_prints_verification_code` ON `passport_prints` (`verification_code`);--> statement-breakpoint
CREATE INDEX `passport_prints_worker` ON `passport_prints` (`worker_id`);