CREATE TABLE "cash_remittance_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remittance_id" uuid NOT NULL,
	"cooperative_order_id" uuid NOT NULL,
	"tracking_number" text NOT NULL,
	"amount_centimes" bigint NOT NULL,
	CONSTRAINT "cash_remittance_lines_amount_check" CHECK (amount_centimes > 0)
);
--> statement-breakpoint
CREATE TABLE "cash_remittances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier" text NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"total_centimes" bigint NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_remittances_carrier_check" CHECK (carrier in ('amana', 'ctm', 'aramex', 'other')),
	CONSTRAINT "cash_remittances_total_check" CHECK (total_centimes > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"cooperative_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_id_check" CHECK ((cooperative_id is null and id in ('commission_revenue', 'shipping_revenue', 'customer_cash_clearing', 'card_clearing', 'refunds', 'payouts_in_transit', 'bank'))
          or (cooperative_id is not null and id = 'coop_payable:' || cooperative_id::text))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"cooperative_id" uuid,
	"cooperative_order_id" uuid,
	"order_item_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_amount_check" CHECK (amount_centimes <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_key" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"order_id" uuid,
	"cooperative_order_id" uuid,
	"refund_id" uuid,
	"payout_id" uuid,
	"remittance_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transactions_kind_check" CHECK ("kind" in ('card_captured', 'cash_collected', 'commission', 'refund', 'refund_settled', 'refund_failed', 'cash_remitted', 'payout', 'payout_paid', 'payout_failed'))
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_by" uuid,
	"total_centimes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_entries" (
	"payout_id" uuid NOT NULL,
	"entry_id" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "payout_entries_payout_id_entry_id_pk" PRIMARY KEY("payout_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"cooperative_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"rib" text NOT NULL,
	"account_holder" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"bank_reference" text,
	"failure_reason" text,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_status_check" CHECK ("status" in ('pending', 'sent', 'paid', 'failed')),
	CONSTRAINT "payouts_amount_check" CHECK (amount_centimes > 0),
	CONSTRAINT "payouts_rib_check" CHECK (rib ~ '^[0-9]{24}$')
);
--> statement-breakpoint
ALTER TABLE "product_makers" ADD COLUMN "share" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "maker_shares" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_remittance_lines" ADD CONSTRAINT "cash_remittance_lines_remittance_id_cash_remittances_id_fk" FOREIGN KEY ("remittance_id") REFERENCES "public"."cash_remittances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_remittance_lines" ADD CONSTRAINT "cash_remittance_lines_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_remittances" ADD CONSTRAINT "cash_remittances_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_entries" ADD CONSTRAINT "payout_entries_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_entries" ADD CONSTRAINT "payout_entries_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_remittance_lines_order_unique" ON "cash_remittance_lines" USING btree ("cooperative_order_id");--> statement-breakpoint
CREATE INDEX "cash_remittance_lines_remittance_idx" ON "cash_remittance_lines" USING btree ("remittance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_remittances_reference_unique" ON "cash_remittances" USING btree ("carrier","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_cooperative_unique" ON "ledger_accounts" USING btree ("cooperative_id") WHERE cooperative_id is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_cooperative_idx" ON "ledger_entries" USING btree ("cooperative_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_cooperative_order_idx" ON "ledger_entries" USING btree ("cooperative_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_business_key_unique" ON "ledger_transactions" USING btree ("business_key");--> statement-breakpoint
CREATE INDEX "ledger_transactions_occurred_idx" ON "ledger_transactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batches_number_unique" ON "payout_batches" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batches_idempotency_unique" ON "payout_batches" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_entries_active_unique" ON "payout_entries" USING btree ("entry_id") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_reference_unique" ON "payouts" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_batch_cooperative_unique" ON "payouts" USING btree ("batch_id","cooperative_id");--> statement-breakpoint
CREATE INDEX "payouts_cooperative_idx" ON "payouts" USING btree ("cooperative_id","created_at");--> statement-breakpoint
ALTER TABLE "product_makers" ADD CONSTRAINT "product_makers_share_check" CHECK (share between 1 and 100);--> statement-breakpoint
-- The ledger is append-only and double-entry, whoever writes to it: the database refuses an
-- UPDATE or DELETE of a transaction or an entry, and a transaction whose entries do not sum
-- to zero (checked at commit, once every entry of the transaction is written).
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE FUNCTION ledger_transaction_balances(tx_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  lines integer;
BEGIN
  SELECT coalesce(sum(amount_centimes), 0), count(*) INTO total, lines
    FROM ledger_entries WHERE transaction_id = tx_id;
  IF total <> 0 OR lines < 2 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance: % entries summing to %', tx_id, lines, total
      USING ERRCODE = 'check_violation';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_transaction_balances(NEW.transaction_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_transaction_balances(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_transactions_balanced AFTER INSERT ON ledger_transactions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();
--> statement-breakpoint
INSERT INTO platform_settings (key, value) VALUES ('shipping_fees_to', '"cooperative"')
  ON CONFLICT (key) DO NOTHING;
