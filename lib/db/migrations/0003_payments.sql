CREATE TYPE "public"."payment_state" AS ENUM('created', 'pending', 'paid', 'declined', 'expired', 'refunded');--> statement-breakpoint
CREATE TABLE "bill_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"biller_id" text NOT NULL,
	"contract_reference" text NOT NULL,
	"contract_key" text,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"owner_user_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"canonical" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"payee" text NOT NULL,
	"reference" text NOT NULL,
	"customer" text NOT NULL,
	"period" text,
	"due_date" date,
	"amount_millimes" integer NOT NULL,
	"active" boolean NOT NULL,
	"notified_at" timestamp with time zone,
	"notify_attempts" integer DEFAULT 0 NOT NULL,
	"notify_outcome" text
);
--> statement-breakpoint
CREATE TABLE "payment_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"from_state" "payment_state" NOT NULL,
	"to_state" "payment_state" NOT NULL,
	"source" text NOT NULL,
	"amount_millimes" integer NOT NULL,
	"gateway_payment_id" text,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"user_id" uuid NOT NULL,
	"checkout_id" uuid,
	"idempotency_key" text NOT NULL,
	"gateway" text NOT NULL,
	"gateway_payment_id" text,
	"gateway_transaction_id" text,
	"payer_phone" text NOT NULL,
	"amount_millimes" integer NOT NULL,
	"fee_millimes" integer NOT NULL,
	"total_millimes" integer NOT NULL,
	"state" "payment_state" NOT NULL,
	"reason" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"next_check_at" timestamp with time zone NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_error" text,
	"fulfilled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bill_contracts" ADD CONSTRAINT "bill_contracts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_items" ADD CONSTRAINT "payment_items_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_ledger" ADD CONSTRAINT "payment_ledger_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_checkout_id_payment_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."payment_checkouts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bill_contracts_user_uq" ON "bill_contracts" USING btree ("user_id","biller_id","contract_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_code_uq" ON "documents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_subject_uq" ON "documents" USING btree ("kind","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "documents_owner_idx" ON "documents" USING btree ("owner_user_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_items_in_flight_uq" ON "payment_items" USING btree ("payee","reference") WHERE "payment_items"."active";--> statement-breakpoint
CREATE INDEX "payment_items_payment_idx" ON "payment_items" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_ledger_state_uq" ON "payment_ledger" USING btree ("payment_id","to_state");--> statement-breakpoint
CREATE INDEX "payment_ledger_at_idx" ON "payment_ledger" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_uq" ON "payments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_uq" ON "payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_id_uq" ON "payments" USING btree ("gateway","gateway_payment_id");--> statement-breakpoint
CREATE INDEX "payments_user_idx" ON "payments" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_due_idx" ON "payments" USING btree ("next_check_at") WHERE "payments"."state" in ('created', 'pending') or ("payments"."state" = 'paid' and "payments"."fulfilled_at" is null);