ALTER TABLE "cases" ADD COLUMN "house_id" text;--> statement-breakpoint
CREATE INDEX "cases_house_idx" ON "cases" USING btree ("house_id","status","due_at");