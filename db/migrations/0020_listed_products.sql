CREATE TABLE "listed_products" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"cooperative_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"badges" text[] NOT NULL,
	"min_price_centimes" integer,
	"available" boolean NOT NULL,
	"published_at" timestamp with time zone,
	"on_sale_during" "tstzmultirange" NOT NULL,
	"search_document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listed_products" ADD CONSTRAINT "listed_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What a search reads, narrow (issue 12, ADR 022). Counting and ranking the five to ten
-- thousand matches of a common word read the wide product rows (titles, descriptions,
-- facts) and their out-of-line search documents, most of them not on sale. A product whose
-- sale window is not empty (it may be on sale at some instant) has one row here, copied from
-- its products row and its cooperative's region; a product whose window is empty has none.
-- Everything a listing reads of a product reaches its products row (the sale window from
-- certificates, coverage, requirements and the cooperative's status; badges and search
-- document from the category, requirements and the cooperative's name; price and stock from
-- the variants), so one trigger on products keeps the copy, in the same transaction, plus one
-- for the cooperative's region. The gate stays a read at the instant asked: the copied window.
CREATE OR REPLACE FUNCTION taawun_list_product() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF isempty(NEW.on_sale_during) THEN
    IF TG_OP = 'UPDATE' THEN
      DELETE FROM listed_products WHERE product_id = NEW.id;
    END IF;
    RETURN NULL;
  END IF;
  INSERT INTO listed_products (product_id, cooperative_id, category_id, region_id, badges,
    min_price_centimes, available, published_at, on_sale_during, search_document)
  SELECT NEW.id, NEW.cooperative_id, NEW.category_id, co.region_id, NEW.badges,
    NEW.min_price_centimes, NEW.in_stock OR NEW.made_to_order, NEW.published_at,
    NEW.on_sale_during, NEW.search_document
    FROM cooperatives co WHERE co.id = NEW.cooperative_id
  ON CONFLICT (product_id) DO UPDATE SET
    cooperative_id = excluded.cooperative_id, category_id = excluded.category_id,
    region_id = excluded.region_id, badges = excluded.badges,
    min_price_centimes = excluded.min_price_centimes, available = excluded.available,
    published_at = excluded.published_at, on_sale_during = excluded.on_sale_during,
    search_document = excluded.search_document;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER products_listed_inserted AFTER INSERT ON products FOR EACH ROW EXECUTE FUNCTION taawun_list_product();--> statement-breakpoint
-- An edit of a product that cannot be on sale before or after (a draft) leaves the copy alone.
CREATE TRIGGER products_listed_updated AFTER UPDATE ON products FOR EACH ROW
  WHEN (NOT (isempty(OLD.on_sale_during) AND isempty(NEW.on_sale_during))
        AND (OLD.on_sale_during, OLD.search_document, OLD.cooperative_id, OLD.category_id, OLD.badges,
             OLD.min_price_centimes, OLD.in_stock, OLD.made_to_order, OLD.published_at)
            IS DISTINCT FROM
            (NEW.on_sale_during, NEW.search_document, NEW.cooperative_id, NEW.category_id, NEW.badges,
             NEW.min_price_centimes, NEW.in_stock, NEW.made_to_order, NEW.published_at))
  EXECUTE FUNCTION taawun_list_product();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_cooperative_moved() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE listed_products SET region_id = NEW.region_id
   WHERE cooperative_id = NEW.id AND region_id IS DISTINCT FROM NEW.region_id;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER cooperatives_listed_region AFTER UPDATE OF region_id ON cooperatives FOR EACH ROW
  WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id)
  EXECUTE FUNCTION taawun_cooperative_moved();--> statement-breakpoint
-- Existing rows, in one pass; the search index is built once, after them.
INSERT INTO listed_products (product_id, cooperative_id, category_id, region_id, badges,
  min_price_centimes, available, published_at, on_sale_during, search_document)
SELECT p.id, p.cooperative_id, p.category_id, co.region_id, p.badges, p.min_price_centimes,
  p.in_stock OR p.made_to_order, p.published_at, p.on_sale_during, p.search_document
  FROM products p JOIN cooperatives co ON co.id = p.cooperative_id
 WHERE NOT isempty(p.on_sale_during);--> statement-breakpoint
CREATE INDEX "listed_products_search_idx" ON "listed_products" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "listed_products_cooperative_idx" ON "listed_products" USING btree ("cooperative_id");
