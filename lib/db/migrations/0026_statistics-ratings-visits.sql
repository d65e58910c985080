CREATE TABLE "section_visits" (
	"day" date NOT NULL,
	"section" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "section_visits_day_section_pk" PRIMARY KEY("day","section")
);
--> statement-breakpoint
CREATE TABLE "service_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body_id" text,
	"house_id" text,
	"stars" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_ratings_stars_ck" CHECK ("service_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "service_ratings" ADD CONSTRAINT "service_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_ratings_subject_uq" ON "service_ratings" USING btree ("subject","subject_id");--> statement-breakpoint
CREATE INDEX "service_ratings_created_idx" ON "service_ratings" USING btree ("created_at");