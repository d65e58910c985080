ALTER TYPE "public"."content_kind" ADD VALUE 'lesson';--> statement-breakpoint
ALTER TYPE "public"."content_kind" ADD VALUE 'certificate-type';