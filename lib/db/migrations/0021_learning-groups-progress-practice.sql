CREATE TABLE "group_registrations" (
	"session_id" uuid NOT NULL,
	"seat" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"via" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "group_registrations_pk" PRIMARY KEY("session_id","seat"),
	CONSTRAINT "group_registrations_seat_ck" CHECK ("group_registrations"."seat" >= 1)
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"house_id" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"lesson_slug" text,
	"topic" text,
	"seats" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "group_sessions_seats_ck" CHECK ("group_sessions"."seats" between 1 and 200),
	CONSTRAINT "group_sessions_topic_ck" CHECK ("group_sessions"."lesson_slug" is not null or "group_sessions"."topic" is not null)
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"user_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"right" integer NOT NULL,
	"total" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lesson_progress_pk" PRIMARY KEY("user_id","slug"),
	CONSTRAINT "lesson_progress_score_ck" CHECK ("lesson_progress"."total" between 1 and 20 and "lesson_progress"."right" between 0 and "lesson_progress"."total")
);
--> statement-breakpoint
CREATE TABLE "practice_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_slug" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_registrations" ADD CONSTRAINT "group_registrations_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_registrations" ADD CONSTRAINT "group_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_items" ADD CONSTRAINT "practice_items_run_id_practice_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."practice_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_registrations_person_uq" ON "group_registrations" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "group_registrations_user_idx" ON "group_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_sessions_house_idx" ON "group_sessions" USING btree ("house_id","starts_at");--> statement-breakpoint
CREATE INDEX "group_sessions_volunteer_idx" ON "group_sessions" USING btree ("volunteer_id","starts_at");--> statement-breakpoint
CREATE INDEX "practice_items_run_idx" ON "practice_items" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_items_reference_uq" ON "practice_items" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "practice_runs_expires_idx" ON "practice_runs" USING btree ("expires_at");