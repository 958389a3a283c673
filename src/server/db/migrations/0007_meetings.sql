CREATE TABLE "agenda_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"day" date,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"title" text NOT NULL,
	"speaker_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moderator" text,
	"topics" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_sessions_times_check" CHECK ("agenda_sessions"."end_time" > "agenda_sessions"."start_time")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"meeting_day" date NOT NULL,
	"client_id" text NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_out_at" timestamp with time zone,
	"by_user_id" uuid,
	"device_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"quota" integer DEFAULT 2 NOT NULL,
	"addressee" text NOT NULL,
	"letter_number" text,
	"rsvp_token_hash" text,
	"rsvp_token_expires_at" timestamp with time zone,
	"rsvp_deadline" timestamp with time zone,
	"state" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"responded_at" timestamp with time zone,
	"send_state" text DEFAULT 'unsent' NOT NULL,
	"sent_to" text,
	"sent_at" timestamp with time zone,
	"send_error" text,
	"send_count" integer DEFAULT 0 NOT NULL,
	"mail_id" bigint,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_invitations_state_check" CHECK ("meeting_invitations"."state" in ('pending', 'accepted', 'declined')),
	CONSTRAINT "meeting_invitations_send_state_check" CHECK ("meeting_invitations"."send_state" in ('unsent', 'queued', 'sent', 'failed')),
	CONSTRAINT "meeting_invitations_quota_check" CHECK ("meeting_invitations"."quota" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_managers" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"committee_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_managers_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"venue" text NOT NULL,
	"venue_address" text,
	"capacity" integer,
	"is_public" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rsvp_deadline" timestamp with time zone,
	"reminder_days_before" integer DEFAULT 3 NOT NULL,
	"letter_number_pattern" text DEFAULT '005/{seq}/Humas-{year}' NOT NULL,
	"letter_place" text,
	"letter_date" date,
	"letter_nature" text DEFAULT 'Biasa' NOT NULL,
	"letter_subject" text,
	"signer" jsonb,
	"copies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"letter_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('draft', 'invitations_sent', 'running', 'done', 'cancelled')),
	CONSTRAINT "meetings_dates_check" CHECK ("meetings"."end_date" >= "meetings"."start_date"),
	CONSTRAINT "meetings_times_check" CHECK ("meetings"."end_time" > "meetings"."start_time"),
	CONSTRAINT "meetings_capacity_check" CHECK ("meetings"."capacity" is null or "meetings"."capacity" > 0),
	CONSTRAINT "meetings_reminder_check" CHECK ("meetings"."reminder_days_before" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"invitation_id" uuid,
	"institution_id" uuid,
	"name" text NOT NULL,
	"position" text,
	"phone" text,
	"email" text,
	"nip" text,
	"officer_id" uuid,
	"ticket_token_hash" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"quota_override_by" uuid,
	"cancelled_at" timestamp with time zone,
	"confirmation_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_sessions" ADD CONSTRAINT "agenda_sessions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_managers" ADD CONSTRAINT "meeting_managers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_managers" ADD CONSTRAINT "meeting_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_managers" ADD CONSTRAINT "meeting_managers_committee_member_id_committee_members_id_fk" FOREIGN KEY ("committee_member_id") REFERENCES "public"."committee_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_invitation_id_meeting_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."meeting_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_quota_override_by_users_id_fk" FOREIGN KEY ("quota_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_sessions_meeting_idx" ON "agenda_sessions" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_client_id_key" ON "check_ins" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_registration_day_key" ON "check_ins" USING btree ("registration_id","meeting_day");--> statement-breakpoint
CREATE INDEX "check_ins_meeting_idx" ON "check_ins" USING btree ("meeting_id","checked_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitations_institution_key" ON "meeting_invitations" USING btree ("meeting_id","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitations_token_key" ON "meeting_invitations" USING btree ("rsvp_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitations_letter_number_key" ON "meeting_invitations" USING btree ("meeting_id","letter_number");--> statement-breakpoint
CREATE INDEX "meeting_invitations_institution_idx" ON "meeting_invitations" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "meeting_managers_user_idx" ON "meeting_managers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_activity_idx" ON "meetings" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_ticket_key" ON "registrations" USING btree ("ticket_token_hash");--> statement-breakpoint
CREATE INDEX "registrations_meeting_idx" ON "registrations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "registrations_invitation_idx" ON "registrations" USING btree ("invitation_id");