CREATE TABLE "call_peers" (
	"peer_id" text PRIMARY KEY NOT NULL,
	"room" text NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"room" text NOT NULL,
	"from_peer" text NOT NULL,
	"to_peer" text,
	"kind" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "interview_peers" CASCADE;--> statement-breakpoint
DROP TABLE "interview_signals" CASCADE;--> statement-breakpoint
ALTER TABLE "call_peers" ADD CONSTRAINT "call_peers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_peers_room_idx" ON "call_peers" USING btree ("room");--> statement-breakpoint
CREATE INDEX "call_signals_room_idx" ON "call_signals" USING btree ("room","id");