CREATE TYPE "public"."content_kind" AS ENUM('service', 'body', 'category', 'life-event', 'house');--> statement-breakpoint
CREATE TYPE "public"."content_status" AS ENUM('draft', 'published', 'archived', 'discarded');--> statement-breakpoint
CREATE TABLE "content_body_settings" (
	"body_id" text PRIMARY KEY NOT NULL,
	"review_required" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_revision_one_row" CHECK ("content_revision"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "content_kind" NOT NULL,
	"key" text NOT NULL,
	"number" integer NOT NULL,
	"status" "content_status" NOT NULL,
	"data" jsonb NOT NULL,
	"owner_body" text,
	"note" text,
	"based_on" integer,
	"restored_from" integer,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "content_editor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "content_versions_doc_number_uq" ON "content_versions" USING btree ("kind","key","number");--> statement-breakpoint
CREATE UNIQUE INDEX "content_versions_published_uq" ON "content_versions" USING btree ("kind","key") WHERE "content_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "content_versions_status_idx" ON "content_versions" USING btree ("status");