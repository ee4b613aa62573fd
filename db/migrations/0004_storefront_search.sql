-- Storefront search (issue 5): maintained columns on products that search, filters and sorts
-- read, kept current by triggers, so that nothing is computed per row at query time.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- One normalization for indexed text and queries alike: lower case, no accents (unaccent), no
-- Arabic diacritics (tashkeel, dagger alef) or tatweel, one alef, yaa for alef maqsura, haa for
-- taa marbuta, bare waw and yaa for hamza carriers, and the article (with a leading و ب ف ك)
-- or the لل prefix taken off words.
CREATE OR REPLACE FUNCTION taawun_normalize(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT regexp_replace(
    translate(
      regexp_replace(
        lower(public.unaccent('public.unaccent'::regdictionary, coalesce(input, ''))),
        '[\u064B-\u065F\u0670\u0640]', '', 'g'),
      'أإآٱىةؤئ', 'اااايهوي'),
    '(^|[^\u0621-\u064A0-9a-z])((و|ب|ف|ك)?ال|لل)([\u0621-\u064A]{2,})', '\1\4', 'g')
$fn$;--> statement-breakpoint
-- A search query: every word of the normalized text as a prefix, all required, leaving out
-- one-letter words and the commonest little words (unless nothing else is left).
CREATE OR REPLACE FUNCTION taawun_search_query(input text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  WITH words AS (
    SELECT lexeme FROM unnest(to_tsvector('simple', taawun_normalize(input)))
  )
  SELECT coalesce(
    (SELECT string_agg(quote_literal(lexeme) || ':*', ' & ' ORDER BY lexeme) FROM words
      WHERE length(lexeme) > 1
        AND lexeme <> ALL (ARRAY['de', 'du', 'des', 'la', 'le', 'les', 'et', 'au', 'aux', 'en', 'un', 'une',
                                 'of', 'the', 'and', 'for', 'with', 'pour', 'avec', 'من', 'في', 'علي', 'مع', 'او'])),
    (SELECT string_agg(quote_literal(lexeme) || ':*', ' & ' ORDER BY lexeme) FROM words),
    '')::tsquery
$fn$;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "badges" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "min_price_centimes" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stock_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "products_search_trgm_idx" ON "products" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_badges_idx" ON "products" USING gin ("badges");--> statement-breakpoint
CREATE INDEX "products_newest_idx" ON "products" USING btree ("published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "products_price_idx" ON "products" USING btree ("min_price_centimes","id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_product_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  category_names text;
  cooperative_name text;
  requirements text[];
BEGIN
  SELECT concat_ws(' ', c.name_ar, c.name_fr, c.name_en, pc.name_ar, pc.name_fr, pc.name_en)
    INTO category_names
    FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id
   WHERE c.id = NEW.category_id;
  SELECT co.display_name INTO cooperative_name FROM cooperatives co WHERE co.id = NEW.cooperative_id;
  SELECT coalesce(array_agg(cr.certification_type), '{}') INTO requirements
    FROM category_requirements cr WHERE cr.category_id = NEW.category_id;
  NEW.search_document :=
       setweight(to_tsvector('simple', taawun_normalize(concat_ws(' ', NEW.title_ar, NEW.title_fr, NEW.title_en))), 'A')
    || setweight(to_tsvector('simple', taawun_normalize(concat_ws(' ', category_names, cooperative_name))), 'B')
    || setweight(to_tsvector('simple', taawun_normalize(concat_ws(' ', NEW.description_ar, NEW.description_fr, NEW.description_en))), 'C');
  NEW.search_text := taawun_normalize(concat_ws(' ', NEW.title_ar, NEW.title_fr, NEW.title_en, category_names, cooperative_name));
  NEW.badges := ARRAY(SELECT DISTINCT b FROM unnest(requirements || NEW.claims) AS b ORDER BY b);
  RETURN NEW;
END
$fn$;--> statement-breakpoint
-- Writing search_document (to anything) asks for a refresh.
CREATE TRIGGER products_search BEFORE INSERT OR UPDATE OF title_ar, title_fr, title_en, description_ar, description_fr, description_en, category_id, cooperative_id, claims, search_document ON products FOR EACH ROW EXECUTE FUNCTION taawun_product_search();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_refresh_offers(ids uuid[]) RETURNS void
LANGUAGE sql AS $fn$
  UPDATE products p
     SET min_price_centimes = v.min_price, stock_total = v.stock
    FROM (SELECT i.id,
                 (SELECT min(pv.price_centimes) FROM product_variants pv WHERE pv.product_id = i.id) AS min_price,
                 (SELECT coalesce(sum(pv.stock_quantity), 0)::int FROM product_variants pv WHERE pv.product_id = i.id) AS stock
            FROM unnest(ids) AS i(id)) v
   WHERE p.id = v.id
     AND (p.min_price_centimes IS DISTINCT FROM v.min_price OR p.stock_total IS DISTINCT FROM v.stock)
$fn$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_variants_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM taawun_refresh_offers(ARRAY(SELECT DISTINCT product_id FROM changed_new));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM taawun_refresh_offers(ARRAY(SELECT DISTINCT product_id FROM changed_old));
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER product_variants_inserted AFTER INSERT ON product_variants REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_variants_changed();--> statement-breakpoint
CREATE TRIGGER product_variants_updated AFTER UPDATE ON product_variants REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION taawun_variants_changed();--> statement-breakpoint
CREATE TRIGGER product_variants_deleted AFTER DELETE ON product_variants REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION taawun_variants_changed();--> statement-breakpoint
-- Names shown in the search document: a renamed cooperative or category refreshes its products.
CREATE OR REPLACE FUNCTION taawun_cooperative_renamed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
    UPDATE products SET search_document = '' WHERE cooperative_id = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER cooperatives_search AFTER UPDATE OF display_name ON cooperatives FOR EACH ROW EXECUTE FUNCTION taawun_cooperative_renamed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_category_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE products SET search_document = ''
   WHERE category_id IN (SELECT c.id FROM categories c
                          WHERE c.id = coalesce(NEW.id, OLD.id) OR c.parent_id = coalesce(NEW.id, OLD.id));
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER categories_search AFTER UPDATE OF name_ar, name_fr, name_en, parent_id ON categories FOR EACH ROW EXECUTE FUNCTION taawun_category_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_requirements_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE products SET search_document = ''
   WHERE category_id = coalesce(NEW.category_id, OLD.category_id);
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER category_requirements_badges AFTER INSERT OR UPDATE OR DELETE ON category_requirements FOR EACH ROW EXECUTE FUNCTION taawun_requirements_changed();--> statement-breakpoint
-- Existing rows.
UPDATE products SET search_document = '';--> statement-breakpoint
SELECT taawun_refresh_offers(ARRAY(SELECT id FROM products));