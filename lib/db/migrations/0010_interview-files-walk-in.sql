CREATE TABLE "interview_drafts" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"subject" text NOT NULL,
	"reminder_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interview_drafts_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "interview_files" (
	"upload_id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD COLUMN "walk_in_session_id" uuid;--> statement-breakpoint
ALTER TABLE "interview_drafts" ADD CONSTRAINT "interview_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_files" ADD CONSTRAINT "interview_files_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_files" ADD CONSTRAINT "interview_files_booking_id_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_files_booking_idx" ON "interview_files" USING btree ("booking_id");