CREATE TABLE "cart_items" (
	"cart_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"seen_price_centimes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_items_cart_id_variant_id_pk" PRIMARY KEY("cart_id","variant_id"),
	CONSTRAINT "cart_items_quantity_check" CHECK (quantity between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperative_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"cooperative_id" uuid NOT NULL,
	"status" text NOT NULL,
	"items_centimes" bigint NOT NULL,
	"shipping_centimes" bigint NOT NULL,
	"total_centimes" bigint NOT NULL,
	"shipping_zone" text NOT NULL,
	"weight_grams" integer NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"cash_collected_centimes" bigint,
	"cancel_reason" text,
	"confirmed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperative_orders_status_check" CHECK ("status" in ('pending_payment', 'awaiting_confirmation', 'placed', 'preparing', 'shipped', 'delivered', 'completed', 'refused_at_door', 'returned', 'cancelled', 'refunded', 'partially_refunded')),
	CONSTRAINT "cooperative_orders_zone_check" CHECK ("shipping_zone" in ('local', 'region', 'national')),
	CONSTRAINT "cooperative_orders_carrier_check" CHECK (carrier is null or carrier in ('amana', 'ctm', 'aramex', 'other')),
	CONSTRAINT "cooperative_orders_totals_check" CHECK (items_centimes > 0 and shipping_centimes >= 0 and total_centimes = items_centimes + shipping_centimes)
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"cooperative_order_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"actor_kind" text NOT NULL,
	"note" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperative_order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_slug" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_fr" text,
	"title_en" text,
	"variant_label_ar" text NOT NULL,
	"variant_label_fr" text,
	"variant_label_en" text,
	"sku" text NOT NULL,
	"unit_price_centimes" integer NOT NULL,
	"quantity" integer NOT NULL,
	"line_centimes" bigint NOT NULL,
	"commission_bps" integer NOT NULL,
	"reserved_quantity" integer NOT NULL,
	"maker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"weight_grams" integer NOT NULL,
	CONSTRAINT "order_items_amounts_check" CHECK (unit_price_centimes > 0 and quantity > 0 and line_centimes = unit_price_centimes::bigint * quantity and reserved_quantity between 0 and quantity),
	CONSTRAINT "order_items_commission_check" CHECK (commission_bps between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"access_token_hash" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"user_id" uuid,
	"cart_id" uuid,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"region_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"city" text NOT NULL,
	"address_line" text NOT NULL,
	"postcode" text,
	"locale" text NOT NULL,
	"payment_method" text NOT NULL,
	"items_centimes" bigint NOT NULL,
	"shipping_centimes" bigint NOT NULL,
	"total_centimes" bigint NOT NULL,
	"terms_accepted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_payment_method_check" CHECK ("payment_method" in ('cod', 'card')),
	CONSTRAINT "orders_locale_check" CHECK ("locale" in ('ar', 'fr', 'en')),
	CONSTRAINT "orders_phone_check" CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "orders_postcode_check" CHECK (postcode is null or postcode ~ '^[0-9]{5}$'),
	CONSTRAINT "orders_totals_check" CHECK (items_centimes > 0 and shipping_centimes >= 0 and total_centimes = items_centimes + shipping_centimes)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"cooperative_order_id" uuid,
	"provider" text NOT NULL,
	"provider_ref" text,
	"amount_centimes" bigint NOT NULL,
	"currency" text DEFAULT 'MAD' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"succeeded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_provider_check" CHECK ("provider" in ('cod', 'stripe')),
	CONSTRAINT "payments_status_check" CHECK ("status" in ('pending', 'succeeded', 'failed', 'cancelled', 'refunded', 'partially_refunded')),
	CONSTRAINT "payments_amount_check" CHECK (amount_centimes > 0)
);
--> statement-breakpoint
CREATE TABLE "shipping_rates" (
	"zone" text PRIMARY KEY NOT NULL,
	"fee_centimes" integer NOT NULL,
	"heavy_from_grams" integer NOT NULL,
	"surcharge_per_kg_centimes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_rates_zone_check" CHECK ("zone" in ('local', 'region', 'national')),
	CONSTRAINT "shipping_rates_amounts_check" CHECK (fee_centimes >= 0 and heavy_from_grams > 0 and surcharge_per_kg_centimes >= 0)
);
--> statement-breakpoint
DROP INDEX "product_variants_sku_unique";--> statement-breakpoint
ALTER TABLE "product_variants" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperative_orders" ADD CONSTRAINT "cooperative_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperative_orders" ADD CONSTRAINT "cooperative_orders_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_cooperative_order_id_cooperative_orders_id_fk" FOREIGN KEY ("cooperative_order_id") REFERENCES "public"."cooperative_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cart_items_variant_idx" ON "cart_items" USING btree ("variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_user_unique" ON "carts" USING btree ("user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "carts_updated_idx" ON "carts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cooperative_orders_order_idx" ON "cooperative_orders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "cooperative_orders_cooperative_idx" ON "cooperative_orders" USING btree ("cooperative_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cooperative_orders_status_idx" ON "cooperative_orders" USING btree ("status","delivered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperative_orders_unique" ON "cooperative_orders" USING btree ("order_id","cooperative_id");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_events_cooperative_order_idx" ON "order_events" USING btree ("cooperative_order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_items_cooperative_order_idx" ON "order_items" USING btree ("cooperative_order_id");--> statement-breakpoint
CREATE INDEX "order_items_variant_idx" ON "order_items" USING btree ("variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_unique" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_unique" ON "orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_access_token_unique" ON "orders" USING btree ("access_token_hash");--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_ref_unique" ON "payments" USING btree ("provider","provider_ref") WHERE provider_ref is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_sku_unique" ON "product_variants" USING btree ("product_id","sku") WHERE archived_at is null;--> statement-breakpoint
-- Public order numbers (TW-2026-000123): a sequence, so that concurrent checkouts never share one.
CREATE SEQUENCE IF NOT EXISTS "order_numbers";--> statement-breakpoint
-- Archived variants (sold, then removed from the product form) are no longer offered: the
-- product's lowest price and stock leave them out.
CREATE OR REPLACE FUNCTION taawun_refresh_offers(ids uuid[]) RETURNS void
LANGUAGE sql AS $fn$
  UPDATE products p
     SET min_price_centimes = v.min_price, stock_total = v.stock
    FROM (SELECT i.id,
                 (SELECT min(pv.price_centimes) FROM product_variants pv WHERE pv.product_id = i.id AND pv.archived_at IS NULL) AS min_price,
                 (SELECT coalesce(sum(pv.stock_quantity), 0)::int FROM product_variants pv WHERE pv.product_id = i.id AND pv.archived_at IS NULL) AS stock
            FROM unnest(ids) AS i(id)) v
   WHERE p.id = v.id
     AND (p.min_price_centimes IS DISTINCT FROM v.min_price OR p.stock_total IS DISTINCT FROM v.stock)
$fn$;
