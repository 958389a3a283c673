CREATE TABLE "certificate_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"total" integer NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "certificate_batches_state_check" CHECK ("certificate_batches"."state" in ('running', 'done'))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"role" text NOT NULL,
	"role_label" text NOT NULL,
	"registration_id" uuid,
	"speaker_id" uuid,
	"committee_member_id" uuid,
	"name" text NOT NULL,
	"institution_name" text,
	"email" text,
	"verify_id" text NOT NULL,
	"batch_id" uuid,
	"file_id" uuid,
	"emailed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_role_check" CHECK ("certificates"."role" in ('participant', 'speaker', 'committee')),
	CONSTRAINT "certificates_seq_check" CHECK ("certificates"."seq" > 0),
	CONSTRAINT "certificates_subject_check" CHECK (("certificates"."role" = 'participant' and "certificates"."registration_id" is not null and "certificates"."speaker_id" is null and "certificates"."committee_member_id" is null)
        or ("certificates"."role" = 'speaker' and "certificates"."speaker_id" is not null and "certificates"."registration_id" is null and "certificates"."committee_member_id" is null)
        or ("certificates"."role" = 'committee' and "certificates"."committee_member_id" is not null and "certificates"."registration_id" is null and "certificates"."speaker_id" is null))
);
--> statement-breakpoint
CREATE TABLE "follow_up_institutions" (
	"follow_up_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	CONSTRAINT "follow_up_institutions_follow_up_id_institution_id_pk" PRIMARY KEY("follow_up_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resolution_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"action" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"status_note" text,
	"evidence_url" text,
	"evidence_file_id" uuid,
	"evidence_file_name" text,
	"due_reminder_at" timestamp with time zone,
	"overdue_reminder_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_ups_status_check" CHECK ("follow_ups"."status" in ('not_started', 'in_progress', 'done', 'not_feasible')),
	CONSTRAINT "follow_ups_evidence_url_check" CHECK ("follow_ups"."evidence_url" is null or "follow_ups"."evidence_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"statement" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resolutions_number_check" CHECK ("resolutions"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "certificate_batches" ADD CONSTRAINT "certificate_batches_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_batches" ADD CONSTRAINT "certificate_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_committee_member_id_committee_members_id_fk" FOREIGN KEY ("committee_member_id") REFERENCES "public"."committee_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_batch_id_certificate_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."certificate_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_institutions" ADD CONSTRAINT "follow_up_institutions_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_institutions" ADD CONSTRAINT "follow_up_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_evidence_file_id_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_batches_meeting_idx" ON "certificate_batches" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_activity_seq_key" ON "certificates" USING btree ("activity_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_activity_number_key" ON "certificates" USING btree ("activity_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verify_key" ON "certificates" USING btree ("verify_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_registration_key" ON "certificates" USING btree ("meeting_id","registration_id") WHERE "certificates"."registration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_speaker_key" ON "certificates" USING btree ("meeting_id","speaker_id") WHERE "certificates"."speaker_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_committee_key" ON "certificates" USING btree ("meeting_id","committee_member_id") WHERE "certificates"."committee_member_id" is not null;--> statement-breakpoint
CREATE INDEX "certificates_batch_idx" ON "certificates" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "follow_up_institutions_institution_idx" ON "follow_up_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "follow_ups_resolution_idx" ON "follow_ups" USING btree ("resolution_id");--> statement-breakpoint
CREATE INDEX "follow_ups_meeting_idx" ON "follow_ups" USING btree ("meeting_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_meeting_number_key" ON "resolutions" USING btree ("meeting_id","number");