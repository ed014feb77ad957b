ALTER TABLE "care_workers" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "care_workers_provider_same_name" ON "care_workers" USING btree ("provider_id","name_key");--> statement-breakpoint
-- Existing names, near enough for plain names; db/name-keys.ts then writes every key exactly as app/domain/worker-labels.ts makes it.
UPDATE care_workers SET name_key = lower(trim(name));
