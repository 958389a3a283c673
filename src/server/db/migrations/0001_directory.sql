ALTER TABLE "files" ADD COLUMN "content" "bytea";--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_logo_file_id_files_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institutions_name_idx" ON "institutions" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_name_key" ON "institutions" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_region_code_key" ON "institutions" USING btree ("region_code") WHERE "institutions"."category" = 'regency_city';--> statement-breakpoint
CREATE INDEX "officers_name_idx" ON "officers" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "officers_email_key" ON "officers" USING btree ("email") WHERE "officers"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "officers_nip_key" ON "officers" USING btree ("nip") WHERE "officers"."nip" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "officers_main_contact_key" ON "officers" USING btree ("institution_id") WHERE "officers"."is_main_contact";