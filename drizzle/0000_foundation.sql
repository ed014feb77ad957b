CREATE TABLE `agreement_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`care_plan_reference` text DEFAULT '' NOT NULL,
	`device_or_product` text DEFAULT '' NOT NULL,
	`parameters` text DEFAULT '' NOT NULL,
	`must_not_do` text DEFAULT '' NOT NULL,
	`escalation_plan` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_tasks_version_task` ON `agreement_tasks` (`version_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `agreement_tasks_task` ON `agreement_tasks` (`task_id`);--> statement-breakpoint
CREATE TABLE `agreement_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`version` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`start_date` text NOT NULL,
	`review_date` text NOT NULL,
	`supervision_arrangements` text DEFAULT '' NOT NULL,
	`early_review_triggers` text DEFAULT '' NOT NULL,
	`previous_stays_in_force` integer DEFAULT true NOT NULL,
	`content` text,
	`content_hash` text,
	`verification_code` text,
	`frozen_at` text,
	`frozen_by` integer,
	`activated_at` text,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`frozen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_versions_state" CHECK(state IN ('draft', 'awaiting_signatures', 'signed', 'superseded', 'withdrawn')),
	CONSTRAINT "agreement_versions_frozen" CHECK(state = 'draft' OR (content_hash IS NOT NULL AND content IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_versions_agreement_version` ON `agreement_versions` (`agreement_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_versions_verification_code` ON `agreement_versions` (`verification_code`);--> statement-breakpoint
CREATE TABLE `agreement_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_workers_version_worker` ON `agreement_workers` (`version_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `agreement_workers_worker` ON `agreement_workers` (`worker_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`person_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`delegator_id` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`current_version` integer DEFAULT 1 NOT NULL,
	`in_force_version` integer,
	`start_date` text NOT NULL,
	`review_date` text NOT NULL,
	`state_reason` text DEFAULT '' NOT NULL,
	`suspended_automatically` integer DEFAULT false NOT NULL,
	`state_changed_at` text,
	`awaiting_signatures_since` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreements_state" CHECK(state IN ('draft', 'awaiting_signatures', 'active', 'suspended', 'ended')),
	CONSTRAINT "agreements_review_after_start" CHECK(review_date > start_date)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_reference` ON `agreements` (`reference`);--> statement-breakpoint
CREATE INDEX `agreements_provider_state` ON `agreements` (`provider_id`,`state`);--> statement-breakpoint
CREATE INDEX `agreements_team_state` ON `agreements` (`team_id`,`state`);--> statement-breakpoint
CREATE INDEX `agreements_person` ON `agreements` (`person_id`);--> statement-breakpoint
CREATE INDEX `agreements_state_review` ON `agreements` (`state`,`review_date`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`previous_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `care_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`name` text NOT NULL,
	`job_title` text DEFAULT 'Care worker' NOT NULL,
	`care_certificate_on` text,
	`status` text DEFAULT 'active' NOT NULL,
	`left_on` text,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "care_workers_status" CHECK(status IN ('active', 'left'))
);
--> statement-breakpoint
CREATE INDEX `care_workers_provider_name` ON `care_workers` (`provider_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `care_workers_user` ON `care_workers` (`user_id`);--> statement-breakpoint
CREATE TABLE `competencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`person_id` integer,
	`state` text DEFAULT 'in_training' NOT NULL,
	`signed_off_by` integer,
	`signed_off_on` text,
	`expires_on` text,
	`state_reason` text DEFAULT '' NOT NULL,
	`state_changed_by` integer,
	`state_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`state_changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "competencies_state" CHECK(state IN ('in_training', 'competent', 'suspended', 'revoked', 'declined')),
	CONSTRAINT "competencies_sign_off" CHECK(state NOT IN ('competent') OR (signed_off_on IS NOT NULL AND expires_on IS NOT NULL AND signed_off_by IS NOT NULL)),
	CONSTRAINT "competencies_expiry_after_sign_off" CHECK(expires_on IS NULL OR expires_on > signed_off_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_worker_task` ON `competencies` (`worker_id`,`task_id`) WHERE person_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_worker_task_person` ON `competencies` (`worker_id`,`task_id`,`person_id`) WHERE person_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `competencies_task_state` ON `competencies` (`task_id`,`state`);--> statement-breakpoint
CREATE INDEX `competencies_state_expires` ON `competencies` (`state`,`expires_on`);--> statement-breakpoint
CREATE TABLE `competency_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competency_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_changes_competency` ON `competency_changes` (`competency_id`);--> statement-breakpoint
CREATE TABLE `competency_sign_offs` (
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
	CONSTRAINT "competency_sign_offs_kind" CHECK(kind IN ('initial', 'renewal', 'reinstatement'))
);
--> statement-breakpoint
CREATE INDEX `competency_sign_offs_competency` ON `competency_sign_offs` (`competency_id`);--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer,
	`worker_id` integer,
	`occurred_on` text NOT NULL,
	`what_happened` text NOT NULL,
	`action_taken` text DEFAULT '' NOT NULL,
	`raised_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "concerns_subject" CHECK(agreement_id IS NOT NULL OR worker_id IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `concerns_agreement` ON `concerns` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `concerns_worker` ON `concerns` (`worker_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`representative_name` text DEFAULT '' NOT NULL,
	`authority` text,
	`decision_details` text DEFAULT '' NOT NULL,
	`given_on` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`withdrawn_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consents_kind" CHECK(kind IN ('person', 'representative', 'best_interests')),
	CONSTRAINT "consents_representative" CHECK(kind <> 'representative' OR (authority IS NOT NULL AND representative_name <> ''))
);
--> statement-breakpoint
CREATE INDEX `consents_agreement` ON `consents` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `facilitator_teams` (
	`user_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `team_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`ods_code` text,
	`cqc_location_id` text,
	`address` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`escalation_in_hours` text DEFAULT '' NOT NULL,
	`escalation_out_of_hours` text DEFAULT '' NOT NULL,
	`regulated_activities` text DEFAULT '[]' NOT NULL,
	`insurance_confirmed` integer DEFAULT false NOT NULL,
	`insurer` text DEFAULT '' NOT NULL,
	`insurance_confirmed_on` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "organisations_kind" CHECK(kind IN ('nhs_team', 'provider')),
	CONSTRAINT "organisations_identifier" CHECK((kind = 'nhs_team' AND ods_code IS NOT NULL) OR (kind = 'provider' AND cqc_location_id IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_ods_code` ON `organisations` (`ods_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_cqc_location_id` ON `organisations` (`cqc_location_id`);--> statement-breakpoint
CREATE INDEX `organisations_kind_name` ON `organisations` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`to_user_id` integer,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_state" CHECK(state IN ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_state` ON `outbox` (`state`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`nhs_number` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`setting` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`provider_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`gp_practice` text DEFAULT '' NOT NULL,
	`capacity_notes` text DEFAULT '' NOT NULL,
	`consent_notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_setting" CHECK(setting IN ('own_home', 'care_home')),
	CONSTRAINT "people_nhs_number" CHECK(length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_nhs_number` ON `people` (`nhs_number`);--> statement-breakpoint
CREATE INDEX `people_provider_name` ON `people` (`provider_id`,`name`);--> statement-breakpoint
CREATE INDEX `people_team_name` ON `people` (`team_id`,`name`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`version` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`reviewer_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`next_review_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_outcome" CHECK(outcome IN ('continue', 'amend', 'suspend', 'end')),
	CONSTRAINT "reviews_next_date" CHECK(outcome = 'end' OR next_review_date IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `reviews_agreement` ON `reviews` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`ended_at` text,
	`ip_address` text DEFAULT '' NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip_address` text NOT NULL,
	`at` text NOT NULL,
	`succeeded` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email_at` ON `sign_in_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_ip_at` ON `sign_in_attempts` (`ip_address`,`at`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`party` text NOT NULL,
	`worker_id` integer,
	`signer_name` text NOT NULL,
	`signer_role` text DEFAULT '' NOT NULL,
	`signer_user_id` integer,
	`signed_at` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by` integer,
	`content_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "signatures_method" CHECK(method IN ('in_app', 'on_paper')),
	CONSTRAINT "signatures_party" CHECK(party IN ('delegator', 'provider', 'person') OR (party = 'worker:' || worker_id)),
	CONSTRAINT "signatures_paper_recorded" CHECK(method <> 'on_paper' OR recorded_by IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_version_party` ON `signatures` (`version_id`,`party`);--> statement-breakpoint
CREATE TABLE `stored_pdfs` (
	`content_hash` text PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `supervised_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`person_id` integer,
	`observed_on` text NOT NULL,
	`observer_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "supervised_observations_outcome" CHECK(outcome IN ('satisfactory', 'not_yet'))
);
--> statement-breakpoint
CREATE INDEX `supervised_observations_worker_task` ON `supervised_observations` (`worker_id`,`task_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `task_prerequisites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_prerequisites_task` ON `task_prerequisites` (`task_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`in_scope` text DEFAULT '' NOT NULL,
	`excluded` text DEFAULT '' NOT NULL,
	`person_specific` integer DEFAULT false NOT NULL,
	`required_observations` integer DEFAULT 3 NOT NULL,
	`validity_months` integer DEFAULT 12 NOT NULL,
	`review_interval_months` integer DEFAULT 6 NOT NULL,
	`escalation_guidance` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "tasks_category" CHECK(category IN ('vital_signs', 'specialised_medication', 'posture_mobility', 'skin_wound_care', 'airways_breathing', 'feeding_digestive', 'bladder_bowel', 'other')),
	CONSTRAINT "tasks_required_observations" CHECK(required_observations BETWEEN 1 AND 20),
	CONSTRAINT "tasks_validity_months" CHECK(validity_months BETWEEN 1 AND 60),
	CONSTRAINT "tasks_review_interval_months" CHECK(review_interval_months BETWEEN 1 AND 24)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_code` ON `tasks` (`code`);--> statement-breakpoint
CREATE TABLE `team_providers` (
	`team_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`team_id`, `provider_id`),
	FOREIGN KEY (`team_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `team_providers_provider` ON `team_providers` (`provider_id`);--> statement-breakpoint
CREATE TABLE `training_attendances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`outcome` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_attendances_outcome" CHECK(outcome IN ('attended', 'completed', 'did_not_complete'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendances_session_worker` ON `training_attendances` (`session_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `training_attendances_worker` ON `training_attendances` (`worker_id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`facilitator_id` integer NOT NULL,
	`mode` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_sessions_mode" CHECK(mode IN ('face_to_face', 'e_learning', 'fieldwork'))
);
--> statement-breakpoint
CREATE INDEX `training_sessions_held_on` ON `training_sessions` (`held_on`);--> statement-breakpoint
CREATE INDEX `training_sessions_facilitator` ON `training_sessions` (`facilitator_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`password_hash` text NOT NULL,
	`professional_registration` text,
	`job_title` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_changed_at` text,
	`last_signed_in_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK(role IN ('admin', 'nurse', 'facilitator', 'provider_manager', 'care_worker')),
	CONSTRAINT "users_organisation" CHECK(role = 'admin' OR organisation_id IS NOT NULL),
	CONSTRAINT "users_nurse_pin" CHECK(role <> 'nurse' OR professional_registration IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organisation` ON `users` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `worker_prerequisites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`prerequisite_id` integer NOT NULL,
	`achieved_on` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `care_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prerequisite_id`) REFERENCES `task_prerequisites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worker_prerequisites_worker_prerequisite` ON `worker_prerequisites` (`worker_id`,`prerequisite_id`);