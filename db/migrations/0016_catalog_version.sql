CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_version_one_row" CHECK ("catalog_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "product_stock" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"stock_total" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "in_stock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "product_stock" ADD CONSTRAINT "product_stock_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Stock leaves the products row (issue 12, item 6). A sale rewrote the wide, GIN-indexed
-- product through the offer triggers and moved the catalogue's change counter, so every
-- sale threw away every cached listing. The count now lives in the narrow `product_stock`;
-- the product keeps `in_stock`, written only when it flips, and its lowest price.
INSERT INTO product_stock (product_id, stock_total) SELECT id, stock_total FROM products;--> statement-breakpoint
UPDATE products SET in_stock = stock_total > 0 WHERE in_stock IS DISTINCT FROM (stock_total > 0);--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_refresh_offers(ids uuid[]) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO product_stock (product_id, stock_total)
  SELECT p.id,
         (SELECT coalesce(sum(pv.stock_quantity), 0)::int FROM product_variants pv
           WHERE pv.product_id = p.id AND pv.archived_at IS NULL)
    FROM products p WHERE p.id = ANY(ids)
  ON CONFLICT (product_id) DO UPDATE SET stock_total = excluded.stock_total
   WHERE product_stock.stock_total IS DISTINCT FROM excluded.stock_total;
  UPDATE products p
     SET min_price_centimes = v.min_price, in_stock = v.in_stock
    FROM (SELECT i.id,
                 (SELECT min(pv.price_centimes) FROM product_variants pv WHERE pv.product_id = i.id AND pv.archived_at IS NULL) AS min_price,
                 EXISTS (SELECT 1 FROM product_variants pv WHERE pv.product_id = i.id AND pv.archived_at IS NULL AND pv.stock_quantity > 0) AS in_stock
            FROM unnest(ids) AS i(id)) v
   WHERE p.id = v.id
     AND (p.min_price_centimes IS DISTINCT FROM v.min_price OR p.in_stock IS DISTINCT FROM v.in_stock);
$fn$;--> statement-breakpoint
-- The catalogue's version, moved in the transaction of each write that changes a listing
-- and read in the same statement as the listing it tags (snapshot.server.ts): a cached
-- listing is reused only while the version it was computed with is the one committed, so
-- it can never be staler than the reader's own snapshot. The value comes from the
-- `catalog_changes` sequence so that it never repeats (even after the table is emptied);
-- the write is transactional, made at commit (deferred) and once per transaction, so that
-- writers take the version's row lock last and briefly.
CREATE OR REPLACE FUNCTION taawun_catalog_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('taawun.catalog_moved', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('taawun.catalog_moved', 'yes', true);
  INSERT INTO catalog_version (id, version) VALUES (1, nextval('catalog_changes'))
  ON CONFLICT (id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
DROP TRIGGER IF EXISTS products_catalog_changes ON products;--> statement-breakpoint
DROP TRIGGER IF EXISTS product_variants_catalog_changes ON product_variants;--> statement-breakpoint
DROP TRIGGER IF EXISTS certificates_catalog_changes ON certificates;--> statement-breakpoint
DROP TRIGGER IF EXISTS certificate_products_catalog_changes ON certificate_products;--> statement-breakpoint
DROP TRIGGER IF EXISTS cooperatives_catalog_changes ON cooperatives;--> statement-breakpoint
DROP TRIGGER IF EXISTS categories_catalog_changes ON categories;--> statement-breakpoint
DROP TRIGGER IF EXISTS category_requirements_catalog_changes ON category_requirements;--> statement-breakpoint
DROP TRIGGER IF EXISTS regions_catalog_changes ON regions;--> statement-breakpoint
-- Variants and stock reach listings only through the product's maintained columns (lowest
-- price, in stock), whose changes move the version; a sale that flips nothing moves nothing.
CREATE CONSTRAINT TRIGGER products_catalog_version AFTER INSERT OR UPDATE OR DELETE ON products DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certificates_catalog_version AFTER INSERT OR UPDATE OR DELETE ON certificates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certificate_products_catalog_version AFTER INSERT OR UPDATE OR DELETE ON certificate_products DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cooperatives_catalog_version AFTER INSERT OR UPDATE OR DELETE ON cooperatives DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER categories_catalog_version AFTER INSERT OR UPDATE OR DELETE ON categories DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER category_requirements_catalog_version AFTER INSERT OR UPDATE OR DELETE ON category_requirements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER regions_catalog_version AFTER INSERT OR UPDATE OR DELETE ON regions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
INSERT INTO catalog_version (id, version) VALUES (1, nextval('catalog_changes')) ON CONFLICT (id) DO NOTHING;
