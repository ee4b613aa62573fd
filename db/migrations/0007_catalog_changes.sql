-- A counter of changes to what listings show: any write to products, variants, certificates,
-- cooperatives or categories moves it on. Broad listings (the whole catalog, the home page)
-- are kept in memory for a few seconds and reused only while it has not moved (and no
-- certificate has expired or come into force since); see app/modules/catalog/search.server.ts.
CREATE SEQUENCE IF NOT EXISTS "catalog_changes";--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_catalog_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM nextval('catalog_changes');
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER products_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER product_variants_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_variants FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER certificates_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificates FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER certificate_products_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificate_products FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER cooperatives_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cooperatives FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER categories_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER category_requirements_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON category_requirements FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();--> statement-breakpoint
CREATE TRIGGER regions_catalog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION taawun_catalog_changed();
