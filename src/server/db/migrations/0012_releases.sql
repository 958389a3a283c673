CREATE TABLE "release_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_editors" (
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "release_editors_user_id_pk" PRIMARY KEY("user_id")
);
--> statement-breakpoint
CREATE TABLE "release_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"release_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"alt" text NOT NULL,
	"caption" text,
	"credit" text,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"mime" text NOT NULL,
	"file_id" uuid NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "release_images_alt_check" CHECK (length(btrim("release_images"."alt")) > 0)
);
--> statement-breakpoint
CREATE TABLE "release_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"significant" boolean DEFAULT false NOT NULL,
	"note" text,
	"editor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"author_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tag_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"release_number" text,
	"contact" jsonb,
	"slug" text NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"publish_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"unpublished_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"corrected_at" timestamp with time zone,
	"correction_note" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian'::regconfig, title), 'A') || setweight(to_tsvector('indonesian'::regconfig, summary), 'B') || setweight(to_tsvector('indonesian'::regconfig, left(body_text, 200000)), 'C')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "releases_status_check" CHECK ("releases"."status" in ('draft', 'submitted', 'rejected', 'approved', 'scheduled', 'published', 'unpublished')),
	CONSTRAINT "releases_category_check" CHECK ("releases"."category" in ('pemerintahan', 'ekonomi', 'pembangunan', 'kesehatan', 'pendidikan', 'pariwisata', 'pertanian', 'sosial', 'kebencanaan', 'lingkungan', 'pengumuman')),
	CONSTRAINT "releases_publish_at_check" CHECK ("releases"."status" not in ('scheduled', 'published') or ("releases"."publish_at" is not null and "releases"."first_published_at" is not null)),
	CONSTRAINT "releases_slug_check" CHECK ("releases"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "release_attachments" ADD CONSTRAINT "release_attachments_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_attachments" ADD CONSTRAINT "release_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_editors" ADD CONSTRAINT "release_editors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_editors" ADD CONSTRAINT "release_editors_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_images" ADD CONSTRAINT "release_images_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_images" ADD CONSTRAINT "release_images_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_revisions" ADD CONSTRAINT "release_revisions_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_revisions" ADD CONSTRAINT "release_revisions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_attachments_release_idx" ON "release_attachments" USING btree ("release_id","position");--> statement-breakpoint
CREATE INDEX "release_files_release_idx" ON "release_files" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "release_images_release_idx" ON "release_images" USING btree ("release_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "release_revisions_release_key" ON "release_revisions" USING btree ("release_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_slug_key" ON "releases" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "releases_public_idx" ON "releases" USING btree ("publish_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "releases_public_institution_idx" ON "releases" USING btree ("institution_id","publish_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "releases_public_category_idx" ON "releases" USING btree ("category","publish_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "releases_public_featured_idx" ON "releases" USING btree ("publish_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE featured and status in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "releases_tag_slugs_idx" ON "releases" USING gin ("tag_slugs");--> statement-breakpoint
CREATE INDEX "releases_search_idx" ON "releases" USING gin ("search");--> statement-breakpoint
CREATE INDEX "releases_institution_status_idx" ON "releases" USING btree ("institution_id","status","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "releases_status_idx" ON "releases" USING btree ("status","updated_at" DESC NULLS FIRST);