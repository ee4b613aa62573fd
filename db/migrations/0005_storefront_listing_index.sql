-- The listing's gathering scan reads only these columns of products on sale: an index that
-- covers them lets PostgreSQL read it alone (index-only scan) instead of the wide table
-- with its search columns. Not declared in db/schema (drizzle cannot express INCLUDE).
CREATE INDEX IF NOT EXISTS "products_listing_idx" ON "products" USING btree ("published_at" DESC NULLS LAST, "id")
  INCLUDE ("cooperative_id", "category_id", "badges", "min_price_centimes", "stock_total", "made_to_order")
  WHERE "status" = 'published' AND "blocked_at" IS NULL;
