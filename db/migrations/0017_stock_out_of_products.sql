ALTER TABLE "products" DROP COLUMN "stock_total";--> statement-breakpoint
-- The listing index lost `stock_total` with its column; it carries `in_stock` instead.
DROP INDEX IF EXISTS "products_listing_idx";--> statement-breakpoint
CREATE INDEX "products_listing_idx" ON "products" USING btree ("published_at" DESC NULLS LAST, "id")
  INCLUDE ("cooperative_id", "category_id", "badges", "min_price_centimes", "in_stock", "made_to_order", "on_sale_during")
  WHERE "status" = 'published' AND "blocked_at" IS NULL;
