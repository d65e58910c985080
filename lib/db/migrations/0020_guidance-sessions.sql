CREATE TABLE "guidance_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"house_id" text,
	"phone" text NOT NULL,
	"citizen_id" uuid,
	"code_hash" text NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consented_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"guidance_on" boolean DEFAULT true NOT NULL,
	"journey" text,
	"step" text,
	"step_at" timestamp with time zone,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guidance_volunteer_idx" ON "guidance_sessions" USING btree ("volunteer_id","created_at");--> statement-breakpoint
CREATE INDEX "guidance_citizen_idx" ON "guidance_sessions" USING btree ("citizen_id","consented_at");