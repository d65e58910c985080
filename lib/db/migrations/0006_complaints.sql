CREATE TABLE "request_drafts" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"values" jsonb NOT NULL,
	"form_path" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_drafts_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "walk_in_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"house_id" text,
	"phone" text NOT NULL,
	"citizen_id" uuid,
	"code_hash" text NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"case_reference" text,
	"meta" jsonb
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD CONSTRAINT "request_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_in_sessions" ADD CONSTRAINT "walk_in_sessions_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_in_sessions" ADD CONSTRAINT "walk_in_sessions_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "walk_in_agent_idx" ON "walk_in_sessions" USING btree ("agent_id","created_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One body-id convention: the catalogue's ids (lib/catalogue/data/bodies.json).
UPDATE "cases" SET "body_id" = 'municipality' WHERE "body_id" = 'municipality-haidra';--> statement-breakpoint
UPDATE "users" SET "body_id" = 'municipality' WHERE "body_id" = 'municipality-haidra';--> statement-breakpoint
UPDATE "users" SET "house_id" = 'haidra' WHERE "house_id" = 'haidra-digital';--> statement-breakpoint
UPDATE "case_events" SET "actor_body_id" = 'municipality' WHERE "actor_body_id" = 'municipality-haidra';
