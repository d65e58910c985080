CREATE TABLE "permit_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"meets_at" timestamp with time zone NOT NULL,
	"member_ids" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "permit_opinions" (
	"commission_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"opinion" text NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "permit_opinions_commission_id_member_id_pk" PRIMARY KEY("commission_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "permit_commissions" ADD CONSTRAINT "permit_commissions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_commissions" ADD CONSTRAINT "permit_commissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_drafts" ADD CONSTRAINT "permit_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_drafts" ADD CONSTRAINT "permit_drafts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_opinions" ADD CONSTRAINT "permit_opinions_commission_id_permit_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."permit_commissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_opinions" ADD CONSTRAINT "permit_opinions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "permit_commissions_case_idx" ON "permit_commissions" USING btree ("case_id","meets_at");--> statement-breakpoint
CREATE INDEX "permit_drafts_user_idx" ON "permit_drafts" USING btree ("user_id","updated_at");