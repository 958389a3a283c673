ALTER TABLE "speakers" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speakers_user_idx" ON "speakers" USING btree ("user_id");