PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_competency_sign_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competency_id` integer NOT NULL,
	`kind` text NOT NULL,
	`signed_off_by` integer NOT NULL,
	`signed_off_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "competency_sign_offs_kind" CHECK(kind IN ('initial', 'renewal'))
);
--> statement-breakpoint
INSERT INTO `__new_competency_sign_offs`("id", "competency_id", "kind", "signed_off_by", "signed_off_on", "expires_on", "notes", "created_at") SELECT "id", "competency_id", "kind", "signed_off_by", "signed_off_on", "expires_on", "notes", "created_at" FROM `competency_sign_offs`;--> statement-breakpoint
DROP TABLE `competency_sign_offs`;--> statement-breakpoint
ALTER TABLE `__new_competency_sign_offs` RENAME TO `competency_sign_offs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `competency_sign_offs_competency` ON `competency_sign_offs` (`competency_id`);