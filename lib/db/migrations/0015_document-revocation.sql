ALTER TABLE "documents" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "revoked_reason" text;--> statement-breakpoint
CREATE INDEX "documents_revoked_idx" ON "documents" USING btree ("revoked_at") WHERE "documents"."revoked_at" is not null;