ALTER TABLE "rate_limits" ADD COLUMN "stamps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Windows still open keep their count across the upgrade (a locked number stays locked): their
-- hits are taken as made at the window's start.
UPDATE "rate_limits" SET "stamps" = to_jsonb(array_fill(floor(extract(epoch FROM "window_start") * 1000)::bigint, ARRAY[least("hits", 1000)])) WHERE "hits" > 0 AND "expires_at" > now();
