ALTER TABLE "interview_bookings" ADD COLUMN "reschedule_reason" text;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD COLUMN "reminded_day_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interview_bookings" ADD COLUMN "reminded_soon_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "interview_bookings_reminders_idx" ON "interview_bookings" USING btree ("starts_at") WHERE "interview_bookings"."status" = 'confirmed' and "interview_bookings"."reminded_soon_at" is null;