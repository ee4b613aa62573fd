CREATE TABLE "product_revisions" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_revisions" ADD CONSTRAINT "product_revisions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A product's offers (its variants: stock, prices, options) are shown on its own page only;
-- listings show the lowest price and whether any is in stock, which stay on the products row
-- and move the catalogue's version when they change (0016). A write to a variant moves only
-- its product's revision, so a rendered product page is reused until its own offers change
-- and a sale does not throw away every other cached page (issue 12, item 6).
CREATE OR REPLACE FUNCTION taawun_product_revised() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
BEGIN
  -- A product being deleted takes its variants along: nothing is left to revise.
  INSERT INTO product_revisions (product_id, revision)
  SELECT changed, nextval('catalog_changes') WHERE EXISTS (SELECT 1 FROM products WHERE id = changed)
  ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision;
  IF TG_OP = 'UPDATE' AND OLD.product_id IS DISTINCT FROM NEW.product_id THEN
    INSERT INTO product_revisions (product_id, revision)
    SELECT OLD.product_id, nextval('catalog_changes') WHERE EXISTS (SELECT 1 FROM products WHERE id = OLD.product_id)
    ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision;
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER product_variants_revision AFTER INSERT OR UPDATE OR DELETE ON product_variants FOR EACH ROW EXECUTE FUNCTION taawun_product_revised();--> statement-breakpoint
-- What else a storefront page shows moves the catalogue's version, as the tables of 0016 do:
-- pictures (the first is a listing's), makers and their shares, certification names, provinces.
CREATE CONSTRAINT TRIGGER product_images_catalog_version AFTER INSERT OR UPDATE OR DELETE ON product_images DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER product_makers_catalog_version AFTER INSERT OR UPDATE OR DELETE ON product_makers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER makers_catalog_version AFTER INSERT OR UPDATE OR DELETE ON makers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certification_types_catalog_version AFTER INSERT OR UPDATE OR DELETE ON certification_types DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER provinces_catalog_version AFTER INSERT OR UPDATE OR DELETE ON provinces DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taawun_catalog_changed();
