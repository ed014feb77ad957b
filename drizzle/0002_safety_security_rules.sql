CREATE TABLE `form_submissions` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`form` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stored_printouts` (
	`version_id` integer PRIMARY KEY NOT NULL,
	`print_key` text NOT NULL,
	`printed_on` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP TABLE `stored_pdfs`;--> statement-breakpoint
ALTER TABLE `care_workers` ADD `joined_on` text;--> statement-breakpoint
ALTER TABLE `supervised_observations` ADD `struck_out_at` text;--> statement-breakpoint
ALTER TABLE `supervised_observations` ADD `struck_out_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `supervised_observations` ADD `struck_out_reason` text DEFAULT '' NOT NULL;