-- Typo tolerance through a vocabulary: every word of the search documents, matched with
-- pg_trgm against a misspelt query word to find the words it meant; the corrected query then
-- runs on the full-text index like any other. Replaces matching whole titles by trigrams,
-- which let a common word carry thousands of loose matches.
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of a query that count: normalized, without one-letter words and the commonest
-- little words (unless nothing else is left).
CREATE OR REPLACE FUNCTION taawun_query_words(input text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  WITH words AS (
    SELECT lexeme FROM unnest(to_tsvector('simple', taawun_normalize(input)))
  ), kept AS (
    SELECT lexeme FROM words
     WHERE length(lexeme) > 1
       AND lexeme <> ALL (ARRAY['de', 'du', 'des', 'la', 'le', 'les', 'et', 'au', 'aux', 'en', 'un', 'une',
                                'of', 'the', 'and', 'for', 'with', 'pour', 'avec', 'من', 'في', 'علي', 'مع', 'او'])
  )
  SELECT lexeme FROM kept
  UNION ALL
  SELECT lexeme FROM words WHERE NOT EXISTS (SELECT 1 FROM kept)
$fn$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION taawun_search_query(input text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(quote_literal(w) || ':*', ' & ' ORDER BY w), '')::tsquery
    FROM taawun_query_words(input) AS w
$fn$;--> statement-breakpoint
-- The same query where each word may also be one of the four vocabulary words closest to it
-- (trigram similarity above pg_trgm.similarity_threshold, and about as long: a typo, not a
-- shorter word that shares a few letters).
CREATE OR REPLACE FUNCTION taawun_fuzzy_query(input text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(
    '(' || quote_literal(w) || ':*' || coalesce(' | ' || (
      SELECT string_agg(quote_literal(v.word) || ':*', ' | ' ORDER BY v.word)
        FROM (SELECT sw.word FROM search_words sw
               WHERE sw.word % w AND abs(length(sw.word) - length(w)) <= 2
               ORDER BY similarity(sw.word, w) DESC, sw.word
               LIMIT 4) v
    ), '') || ')', ' & ' ORDER BY w), '')::tsquery
    FROM taawun_query_words(input) AS w
$fn$;--> statement-breakpoint
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
  NEW.badges := ARRAY(SELECT DISTINCT b FROM unnest(requirements || NEW.claims) AS b ORDER BY b);
  INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(NEW.search_document) WHERE length(lexeme) > 1
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
INSERT INTO search_words (word)
  SELECT DISTINCT lexeme FROM products, unnest(products.search_document) WHERE length(lexeme) > 1
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP INDEX "products_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "search_text";
