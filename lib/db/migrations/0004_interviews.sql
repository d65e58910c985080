CREATE TYPE "public"."interview_status" AS ENUM('confirmed', 'pendingCode', 'cancelled', 'rescheduled', 'completed', 'noShow');--> statement-breakpoint
CREATE TABLE "interview_admissions" (
	"booking_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"admitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_admissions_pk" PRIMARY KEY("booking_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "interview_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"interpreter_id" uuid,
	"body_id" text NOT NULL,
	"topic" text NOT NULL,
	"needs_interpreter" boolean DEFAULT false NOT NULL,
	"subject" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "interview_status" DEFAULT 'confirmed' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminder_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"booked_by_id" uuid,
	"walk_in_code_hash" text,
	"walk_in_code_expires_at" timestamp with time zone,
	"idempotency_key" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_id" uuid,
	"cancel_reason" text,
	"rescheduled_from_id" uuid,
	"rescheduled_to_id" uuid,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"case_reference" text,
	"no_show_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_bookings_time_ck" CHECK ("interview_bookings"."starts_at" < "interview_bookings"."ends_at"),
	CONSTRAINT "interview_bookings_interpreter_ck" CHECK ("interview_bookings"."interpreter_id" is null or "interview_bookings"."interpreter_id" <> "interview_bookings"."official_id")
);
--> statement-breakpoint
CREATE TABLE "interview_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text,
	CONSTRAINT "interview_exceptions_range_ck" CHECK ("interview_exceptions"."starts_on" <= "interview_exceptions"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "interview_holds" (
	"host_id" uuid NOT NULL,
	"block_start" timestamp with time zone NOT NULL,
	"booking_id" uuid NOT NULL,
	CONSTRAINT "interview_holds_pk" PRIMARY KEY("host_id","block_start"),
	CONSTRAINT "interview_holds_block_ck" CHECK ((extract(epoch from "interview_holds"."block_start")::bigint % 300) = 0)
);
--> statement-breakpoint
CREATE TABLE "interview_hosts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"buffer_minutes" integer DEFAULT 10 NOT NULL,
	"horizon_days" integer DEFAULT 21 NOT NULL,
	"min_notice_minutes" integer DEFAULT 120 NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_hosts_slot_ck" CHECK ("interview_hosts"."slot_minutes" between 10 and 120 and "interview_hosts"."slot_minutes" % 5 = 0),
	CONSTRAINT "interview_hosts_buffer_ck" CHECK ("interview_hosts"."buffer_minutes" between 0 and 60 and "interview_hosts"."buffer_minutes" % 5 = 0),
	CONSTRAINT "interview_hosts_horizon_ck" CHECK ("interview_hosts"."horizon_days" between 1 and 90),
	CONSTRAINT "interview_hosts_notice_ck" CHECK ("interview_hosts"."min_notice_minutes" between 0 and 20160)
);
--> statement-breakpoint
CREATE TABLE "interview_peers" (
	"peer_id" text PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"from_peer" text NOT NULL,
	"to_peer" text,
	"kind" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_weekly" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	CONSTRAINT "interview_weekly_day_ck" CHECK ("interview_weekly"."weekday" between 1 and 7),
	CONSTRAINT "interview_weekly_time_ck" CHECK ("interview_weekly"."start_minute" >= 0 and "interview_weekly"."end_minute" <= 1440 and "interview_weekly"."start_minute" < "interview_weekly"."end_minute" and "interview_weekly"."start_minute" % 5 = 0 and "interview_weekly"."end_minute" % 5 = 0)
);
--> statement-breakpoint
ALTER TABLE "interview_admissions" ADD CONSTRAINT "interview_admissions_booking_id_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_admissions" ADD CONSTRAINT "interview_admissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD CONSTRAINT "interview_bookings_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD CONSTRAINT "interview_bookings_official_id_users_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD CONSTRAINT "interview_bookings_interpreter_id_users_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD CONSTRAINT "interview_bookings_booked_by_id_users_id_fk" FOREIGN KEY ("booked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD CONSTRAINT "interview_bookings_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_exceptions" ADD CONSTRAINT "interview_exceptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_holds" ADD CONSTRAINT "interview_holds_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_holds" ADD CONSTRAINT "interview_holds_booking_id_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_hosts" ADD CONSTRAINT "interview_hosts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_peers" ADD CONSTRAINT "interview_peers_booking_id_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_peers" ADD CONSTRAINT "interview_peers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_signals" ADD CONSTRAINT "interview_signals_booking_id_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_weekly" ADD CONSTRAINT "interview_weekly_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interview_bookings_reference_uq" ON "interview_bookings" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "interview_bookings_idem_uq" ON "interview_bookings" USING btree ("citizen_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "interview_bookings_citizen_idx" ON "interview_bookings" USING btree ("citizen_id","starts_at");--> statement-breakpoint
CREATE INDEX "interview_bookings_official_idx" ON "interview_bookings" USING btree ("official_id","starts_at");--> statement-breakpoint
CREATE INDEX "interview_bookings_interpreter_idx" ON "interview_bookings" USING btree ("interpreter_id","starts_at");--> statement-breakpoint
CREATE INDEX "interview_exceptions_user_idx" ON "interview_exceptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "interview_holds_booking_idx" ON "interview_holds" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "interview_peers_booking_idx" ON "interview_peers" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "interview_signals_booking_idx" ON "interview_signals" USING btree ("booking_id","id");--> statement-breakpoint
CREATE INDEX "interview_weekly_user_idx" ON "interview_weekly" USING btree ("user_id");