-- Search quality (issue 12, item 3; ADR 019): light Arabic stemming, so that a plural and
-- its singular find each other (زيوت ↔ زيت, زرابي ↔ زربية), and typos in short words
-- (four or five letters: one letter wrong, missing or extra, or two swapped), which
-- trigram similarity misses.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
-- The stem of one normalized word (taawun_normalize: no article, ة as ه, ى as ي): Arabic
-- words lose a plural or feminine ending (ات, ون/ين in long words, ه), then a final ي (nisba),
-- then the long vowel of the broken plurals فعال/فعول (زراب → زرب, زيوت → زيت); never below
-- three letters. Other words are their own stem.
CREATE OR REPLACE FUNCTION taawun_stem(word text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  w text := word;
BEGIN
  IF w IS NULL OR w !~ '^[\u0621-\u064A]+$' THEN
    RETURN word;
  END IF;
  IF length(w) >= 5 AND w LIKE '%ات' THEN
    w := left(w, -2);
  ELSIF length(w) >= 6 AND (w LIKE '%ون' OR w LIKE '%ين') THEN
    w := left(w, -2);
  ELSIF length(w) >= 4 AND w LIKE '%ه' THEN
    w := left(w, -1);
  END IF;
  IF length(w) >= 4 AND w LIKE '%ي' THEN
    w := left(w, -1);
  END IF;
  IF length(w) = 4 AND substr(w, 3, 1) IN ('ا', 'و') THEN
    w := left(w, 2) || right(w, 1);
  END IF;
  RETURN w;
END
$fn$;--> statement-breakpoint
-- The stems of a text's words that differ from the words themselves, for the search document.
CREATE OR REPLACE FUNCTION taawun_stems(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(DISTINCT taawun_stem(lexeme), ' '), '')
    FROM unnest(to_tsvector('simple', taawun_normalize(input)))
   WHERE taawun_stem(lexeme) <> lexeme
$fn$;--> statement-breakpoint
-- The letters of a word in order: two words with the same letters and one swap between them.
CREATE OR REPLACE FUNCTION taawun_sorted_letters(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(word, '') AS c
$fn$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_words_length_idx" ON "search_words" (length("word"));--> statement-breakpoint
-- A search query: every word as a prefix, or its stem as a whole word, all required.
CREATE OR REPLACE FUNCTION taawun_search_query(input text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(
    CASE WHEN taawun_stem(w) <> w
      THEN '(' || quote_literal(w) || ':* | ' || quote_literal(taawun_stem(w)) || ')'
      ELSE quote_literal(w) || ':*'
    END, ' & ' ORDER BY w), '')::tsquery
    FROM taawun_query_words(input) AS w
$fn$;--> statement-breakpoint
-- The same query where each word may also be one of the vocabulary words it probably meant:
-- the four closest by trigrams (about as long: a typo, not a shorter word sharing letters),
-- and for words of four or five letters, where trigrams see too little, the words one edit
-- away or with two letters swapped.
CREATE OR REPLACE FUNCTION taawun_fuzzy_query(input text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(
    '(' || quote_literal(w) || ':*'
    || CASE WHEN taawun_stem(w) <> w THEN ' | ' || quote_literal(taawun_stem(w)) ELSE '' END
    || coalesce(' | ' || (
      SELECT string_agg(quote_literal(v.word) || ':*', ' | ' ORDER BY v.word)
        FROM (
          (SELECT sw.word FROM search_words sw
            WHERE sw.word % w AND abs(length(sw.word) - length(w)) <= 2
            ORDER BY similarity(sw.word, w) DESC, sw.word
            LIMIT 4)
          UNION
          (SELECT sw.word FROM search_words sw
            WHERE length(w) BETWEEN 4 AND 5
              AND length(sw.word) BETWEEN length(w) - 1 AND length(w) + 1
              AND (levenshtein_less_equal(sw.word, w, 1) <= 1
                   OR (length(sw.word) = length(w)
                       AND levenshtein_less_equal(sw.word, w, 2) = 2
                       AND taawun_sorted_letters(sw.word) = taawun_sorted_letters(w)))
            ORDER BY levenshtein(sw.word, w), sw.word
            LIMIT 4)
        ) v
    ), '') || ')', ' & ' ORDER BY w), '')::tsquery
    FROM taawun_query_words(input) AS w
$fn$;--> statement-breakpoint
-- The search document also holds the stems of its Arabic words, with the weight of their text.
CREATE OR REPLACE FUNCTION taawun_product_search() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  category_names text;
  cooperative_name text;
  requirements text[];
  titles text := concat_ws(' ', NEW.title_ar, NEW.title_fr, NEW.title_en);
  names text;
  descriptions text := concat_ws(' ', NEW.description_ar, NEW.description_fr, NEW.description_en);
BEGIN
  SELECT concat_ws(' ', c.name_ar, c.name_fr, c.name_en, pc.name_ar, pc.name_fr, pc.name_en)
    INTO category_names
    FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id
   WHERE c.id = NEW.category_id;
  SELECT co.display_name INTO cooperative_name FROM cooperatives co WHERE co.id = NEW.cooperative_id;
  SELECT coalesce(array_agg(cr.certification_type), '{}') INTO requirements
    FROM category_requirements cr WHERE cr.category_id = NEW.category_id;
  names := concat_ws(' ', category_names, cooperative_name);
  NEW.search_document :=
       setweight(to_tsvector('simple', taawun_normalize(titles) || ' ' || taawun_stems(titles)), 'A')
    || setweight(to_tsvector('simple', taawun_normalize(names) || ' ' || taawun_stems(names)), 'B')
    || setweight(to_tsvector('simple', taawun_normalize(descriptions) || ' ' || taawun_stems(descriptions)), 'C');
  NEW.badges := ARRAY(SELECT DISTINCT b FROM unnest(requirements || NEW.claims) AS b ORDER BY b);
  INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(NEW.search_document) WHERE length(lexeme) > 1
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
-- Existing rows.
UPDATE products SET search_document = '';
