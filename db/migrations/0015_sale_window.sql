ALTER TABLE "products" ADD COLUMN "on_sale_during" "tstzmultirange" DEFAULT '{}'::tstzmultirange NOT NULL;--> statement-breakpoint
-- The gate as data (ADR 018). For every product, the set of instants at which rules 1–3 of
-- the gating rule hold: published, not blocked, its cooperative active, and for every type
-- its category requires or it claims, an approved certificate of its cooperative covering it
-- whose validity [issued_at, expires_at) contains the instant. The intersection over the
-- required types of the union of those ranges; empty when rule 1 or 2 fails. Readers ask
-- `on_sale_during @> now()`: an expiry takes effect at its instant with no job, and every
-- write that changes a window (product, certificate, coverage, requirement, cooperative)
-- recomputes it in its own transaction, through the triggers below.
CREATE OR REPLACE FUNCTION taawun_sale_window(
  p_id uuid, p_status text, p_blocked_at timestamptz, p_cooperative_id uuid,
  p_category_id uuid, p_claims text[]
) RETURNS tstzmultirange
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  result tstzmultirange := '{(,)}';
  required text;
  valid tstzmultirange;
BEGIN
  IF p_status <> 'published' OR p_blocked_at IS NOT NULL THEN
    RETURN '{}';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM cooperatives co WHERE co.id = p_cooperative_id AND co.status = 'active') THEN
    RETURN '{}';
  END IF;
  FOR required IN
    SELECT cr.certification_type FROM category_requirements cr WHERE cr.category_id = p_category_id
    UNION
    SELECT unnest(p_claims)
  LOOP
    SELECT coalesce(range_agg(tstzrange(c.issued_at, c.expires_at, '[)')), '{}')
      INTO valid
      FROM certificates c
     WHERE c.cooperative_id = p_cooperative_id
       AND c.type = required
       AND c.status = 'approved'
       AND (c.expires_at IS NULL OR c.expires_at >= c.issued_at)
       AND (c.scope = 'cooperative' OR EXISTS (
             SELECT 1 FROM certificate_products cp WHERE cp.certificate_id = c.id AND cp.product_id = p_id));
    result := result * valid;
    EXIT WHEN isempty(result);
  END LOOP;
  RETURN result;
END
$fn$;--> statement-breakpoint
-- Written on the row itself, before it is stored. A refresh from another table sets the
-- column to '{}' to have it recomputed here; a refresh that changes nothing writes nothing.
CREATE OR REPLACE FUNCTION taawun_product_sale_window() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.on_sale_during := taawun_sale_window(NEW.id, NEW.status, NEW.blocked_at,
    NEW.cooperative_id, NEW.category_id, NEW.claims);
  IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER products_sale_window BEFORE INSERT OR UPDATE OF status, blocked_at, cooperative_id, category_id, claims, on_sale_during ON products FOR EACH ROW EXECUTE FUNCTION taawun_product_sale_window();--> statement-breakpoint
-- Certificates and their coverage refresh, once per statement (a bulk load of thousands of
-- certificates is one pass), the products whose windows they can change: a certificate, its
-- cooperative's products that show its type; a coverage row, its product.
CREATE OR REPLACE FUNCTION taawun_certificate_sale_windows() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE products p SET on_sale_during = '{}'
      FROM (SELECT DISTINCT cooperative_id, type FROM changed_new) c
     WHERE p.cooperative_id = c.cooperative_id AND p.badges @> ARRAY[c.type];
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE products p SET on_sale_during = '{}'
      FROM (SELECT DISTINCT cooperative_id, type FROM changed_old) c
     WHERE p.cooperative_id = c.cooperative_id AND p.badges @> ARRAY[c.type];
  ELSE
    UPDATE products p SET on_sale_during = '{}'
      FROM (SELECT DISTINCT x.cooperative_id, x.type
              FROM changed_old o JOIN changed_new n ON n.id = o.id
              CROSS JOIN LATERAL (VALUES (o.cooperative_id, o.type), (n.cooperative_id, n.type)) AS x(cooperative_id, type)
             WHERE (o.status, o.issued_at, o.expires_at, o.scope, o.type, o.cooperative_id)
                   IS DISTINCT FROM (n.status, n.issued_at, n.expires_at, n.scope, n.type, n.cooperative_id)) c
     WHERE p.cooperative_id = c.cooperative_id AND p.badges @> ARRAY[c.type];
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER certificates_sale_windows_inserted AFTER INSERT ON certificates REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_certificate_sale_windows();--> statement-breakpoint
CREATE TRIGGER certificates_sale_windows_updated AFTER UPDATE ON certificates REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_certificate_sale_windows();--> statement-breakpoint
CREATE TRIGGER certificates_sale_windows_deleted AFTER DELETE ON certificates REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION taawun_certificate_sale_windows();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_coverage_sale_windows() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE products SET on_sale_during = '{}' WHERE id IN (SELECT product_id FROM changed_new);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE products SET on_sale_during = '{}' WHERE id IN (SELECT product_id FROM changed_old);
  ELSE
    UPDATE products SET on_sale_during = '{}'
     WHERE id IN (SELECT product_id FROM changed_old UNION SELECT product_id FROM changed_new);
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER certificate_products_sale_windows_inserted AFTER INSERT ON certificate_products REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_coverage_sale_windows();--> statement-breakpoint
CREATE TRIGGER certificate_products_sale_windows_updated AFTER UPDATE ON certificate_products REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_coverage_sale_windows();--> statement-breakpoint
CREATE TRIGGER certificate_products_sale_windows_deleted AFTER DELETE ON certificate_products REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION taawun_coverage_sale_windows();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_cooperative_sale_windows() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    UPDATE products SET on_sale_during = '{}' WHERE cooperative_id = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER cooperatives_sale_windows AFTER UPDATE OF status ON cooperatives FOR EACH ROW EXECUTE FUNCTION taawun_cooperative_sale_windows();--> statement-breakpoint
-- A category's requirements also change its products' badges and search documents.
CREATE OR REPLACE FUNCTION taawun_requirements_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE products SET search_document = '', on_sale_during = '{}'
   WHERE category_id IN (coalesce(NEW.category_id, OLD.category_id), coalesce(OLD.category_id, NEW.category_id));
  RETURN NULL;
END
$fn$;--> statement-breakpoint
-- The listing index also carries the window, so a listing reads the index alone.
DROP INDEX IF EXISTS "products_listing_idx";--> statement-breakpoint
CREATE INDEX "products_listing_idx" ON "products" USING btree ("published_at" DESC NULLS LAST, "id")
  INCLUDE ("cooperative_id", "category_id", "badges", "min_price_centimes", "stock_total", "made_to_order", "on_sale_during")
  WHERE "status" = 'published' AND "blocked_at" IS NULL;--> statement-breakpoint
-- Existing rows.
UPDATE products SET on_sale_during = '{}';
