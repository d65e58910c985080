ALTER TYPE "public"."content_kind" ADD VALUE 'complaint-categories';--> statement-breakpoint
ALTER TYPE "public"."content_kind" ADD VALUE 'report-categories';