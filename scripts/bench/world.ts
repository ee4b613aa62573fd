// The benchmark world: a marketplace the size DESIGN §8 budgets are written for (1,000
// cooperatives, 100,000 products), made with set-based SQL in about a minute. Only ordinary
// columns are written; the search, price and badge columns are the database triggers' job.
import { sql, type SQL } from 'drizzle-orm'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { makeIce, makeRib } from '#db/seed/factories.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { type DatabaseHandle, type Transaction } from '#app/utils/db.server.ts'
import {
  complements,
  cooperativeNames,
  families,
  kindSentences,
  makerFamilyNames,
  makerFirstNames,
  units,
} from './vocabulary.ts'

export type WorldSize = { cooperatives: number; products: number }
export type ImagePool = { picture: string; n: number; image: StoredImage }[]
export type StepTimes = { step: string; seconds: number }[]

/** Empties the database (public and drizzle schemas), migrates it and adds reference data. */
export async function resetDatabase(handle: DatabaseHandle) {
  await handle.rows(sql`drop schema if exists drizzle cascade`)
  await handle.rows(sql`drop schema if exists public cascade`)
  await handle.rows(sql`create schema public`)
  await handle.migrate()
  await handle.db.transaction((tx) => seedReferenceData(tx))
}

/**
 * A CASE over a random value `r` in [0, 1): each state takes its share, in order. The
 * last state takes what is left.
 */
function pick(r: string, shares: [state: string, share: number][]): SQL {
  let cumulative = 0
  const branches = shares.slice(0, -1).map(([state, share]) => {
    cumulative += share
    return `when ${r} < ${cumulative.toFixed(4)} then '${state}'`
  })
  return sql.raw(`(case ${branches.join(' ')} else '${shares[shares.length - 1]![0]}' end)`)
}

/**
 * How each certification type's certificates are spread over the states the gating rule
 * knows. "expired" is an approved certificate whose expiry has passed.
 */
const certificateStates: Record<string, [string, number][]> = {
  onssa: [
    ['approved', 0.86],
    ['pending_review', 0.04],
    ['suspended', 0.03],
    ['revoked', 0.02],
    ['rejected', 0.05],
  ],
  fair_trade: [
    ['approved', 0.75],
    ['expired', 0.15],
    ['suspended', 0.05],
    ['pending_review', 0.05],
  ],
  handmade: [
    ['approved', 0.8],
    ['expired', 0.1],
    ['revoked', 0.05],
    ['pending_review', 0.05],
  ],
  halal: [
    ['approved', 0.82],
    ['expired', 0.1],
    ['rejected', 0.04],
    ['pending_review', 0.04],
  ],
  organic: [
    ['approved', 0.8],
    ['expired', 0.08],
    ['suspended', 0.04],
    ['pending_review', 0.03],
    ['revoked', 0.03],
    ['rejected', 0.02],
  ],
  sdoq: [
    ['approved', 0.85],
    ['expired', 0.08],
    ['pending_review', 0.07],
  ],
  cosmetic_reg: [
    ['approved', 0.84],
    ['expired', 0.06],
    ['pending_review', 0.05],
    ['rejected', 0.02],
    ['suspended', 0.02],
    ['revoked', 0.01],
  ],
}

const issuingBodies: Record<string, string> = {
  onssa: 'ONSSA',
  cosmetic_reg: 'AMMPS',
  organic: 'Ecocert Maroc',
  sdoq: "Ministère de l'Agriculture",
  halal: 'IMANOR',
  fair_trade: 'Fair for Life',
  handmade: "Ministère de l'Artisanat",
}

/**
 * Generates the world into a database that holds the reference data and nothing else.
 * Everything happens in one transaction (its temporary tables live as long as it does).
 */
export async function generateWorld(
  handle: DatabaseHandle,
  size: WorldSize,
  images: ImagePool,
): Promise<StepTimes> {
  const times: StepTimes = []
  await handle.db.transaction(async (tx) => {
    // One statement per call: parameters go through the extended protocol, which takes one.
    const step = async (name: string, statements: SQL | SQL[]) => {
      const started = performance.now()
      for (const statement of [statements].flat()) await tx.execute(statement)
      const seconds = (performance.now() - started) / 1000
      times.push({ step: name, seconds })
      process.stdout.write(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s\n`)
    }
    // Compiling these one-off statements costs more than it saves.
    await tx.execute(sql`set local jit = off`)
    await loadVocabulary(tx, images)
    // Temporary tables get no statistics of their own; without them joins are planned blind
    // (a nested loop over 100,000 × 1,000 rows).
    await tx.execute(
      sql`analyze bench_families, bench_slots, bench_words, bench_units, bench_images, bench_provinces`,
    )
    await step('cooperatives', cooperativesQuery(size.cooperatives))
    await step('makers', makersQuery())
    await step('products (picked)', productPicksQuery(size.products))
    await step('products (inserted, search triggers)', productsInsertQuery())
    await step('product variants (price triggers)', variantsQuery())
    await step('product images', imagesQuery())
    await step('product makers', productMakersQuery())
    await step('certificates (picked)', certificatePicksQuery())
    await step('certificates', certificatesInsertQuery())
    await step('certificate products', certificateProductsQuery())
    await step('certificate events', certificateEventsQuery())
  })
  const started = performance.now()
  // A settled database, as in production: statistics and the visibility map are up to date.
  await handle.rows(sql`vacuum (analyze)`)
  const seconds = (performance.now() - started) / 1000
  times.push({ step: 'vacuum (analyze)', seconds })
  process.stdout.write(`  ${'vacuum (analyze)'.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s\n`)
  return times
}

/** The word lists, the picture pool and a seeded random function, as temporary tables. */
async function loadVocabulary(tx: Transaction, images: ImagePool) {
  // r(g, salt): a random number in [0, 1) that depends only on its arguments, so the same
  // sizes always give the same world.
  await tx.execute(sql`create function pg_temp.r(g bigint, salt int) returns double precision
    language sql immutable parallel safe
    as $$ select (hashint8(g * 1013 + salt)::bigint & 2147483647)::double precision / 2147483648.0 $$`)

  const familyRows = families.map((f, i) => ({
    f: i + 1,
    category: f.category,
    kind: f.kind,
    picture: f.picture,
    frequency: f.frequency,
    titles: f.titles,
    sentence: f.sentence,
    claims: f.claims,
    unit: f.unit,
    price_min: f.price[0],
    price_max: f.price[1],
    made_to_order: f.madeToOrder ?? 0,
    season_start: f.season?.[0] ?? null,
    season_end: f.season?.[1] ?? null,
    sign: f.sign ?? null,
  }))
  await tx.execute(sql`create temp table bench_families on commit drop as
    select x.f, c.id as category_id, x.category, x.kind, x.picture, x.frequency, x.titles,
      x.sentence, array(select jsonb_array_elements_text(x.claims)) as claims, x.unit,
      x.price_min, x.price_max, x.made_to_order, x.season_start, x.season_end, x.sign
    from jsonb_to_recordset(${JSON.stringify(familyRows)}::jsonb) as x(
      f int, category text, kind text, picture text, frequency int, titles jsonb, sentence jsonb,
      claims jsonb, unit text, price_min int, price_max int, made_to_order float8,
      season_start int, season_end int, sign text)
    join categories c on c.slug = x.category`)
  // postgres.js returns the rows themselves (the handle's `rows` does not reach a transaction).
  const [loaded] = (await tx.execute(
    sql`select count(*)::int as count from bench_families`,
  )) as unknown as { count: number }[]
  if (loaded?.count !== families.length) {
    throw new Error('A product family names a category that is not in the reference data')
  }
  // Each family appears `frequency` times, so a uniform pick of a slot is a weighted pick.
  await tx.execute(sql`create temp table bench_slots on commit drop as
    select (row_number() over (order by f, k) - 1)::int as slot, f
    from bench_families, generate_series(1, frequency) k`)

  const wordRows = [
    ...Object.entries(complements).flatMap(([kind, list]) =>
      list.map((words, i) => ({ list: 'complement', kind, n: i + 1, words })),
    ),
    ...Object.entries(kindSentences).flatMap(([kind, list]) =>
      list.map((words, i) => ({ list: 'sentence', kind, n: i + 1, words })),
    ),
  ]
  await tx.execute(sql`create temp table bench_words on commit drop as
    select x.list, x.kind, x.n, x.words->>0 as ar, x.words->>1 as fr, x.words->>2 as en,
      count(*) over (partition by x.list, x.kind) as size
    from jsonb_to_recordset(${JSON.stringify(wordRows)}::jsonb) as x(list text, kind text, n int, words jsonb)`)

  const unitRows = Object.entries(units).flatMap(([unit, list]) =>
    list.map((u, i) => ({ unit, n: i + 1, words: u.words, grams: u.grams, factor: u.factor })),
  )
  await tx.execute(sql`create temp table bench_units on commit drop as
    select x.unit, x.n, x.words->>0 as ar, x.words->>1 as fr, x.words->>2 as en, x.grams, x.factor
    from jsonb_to_recordset(${JSON.stringify(unitRows)}::jsonb) as x(unit text, n int, words jsonb, grams int, factor float8)`)

  await tx.execute(sql`create temp table bench_images on commit drop as
    select x.picture, x.n, x.image, count(*) over (partition by x.picture) as size
    from jsonb_to_recordset(${JSON.stringify(images)}::jsonb) as x(picture text, n int, image jsonb)`)

  await tx.execute(sql`create temp table bench_provinces on commit drop as
    select row_number() over (order by r.number, p.code)::int as n, p.id, p.region_id,
      p.name_ar, p.name_fr, p.name_en, count(*) over () as size
    from provinces p join regions r on r.id = p.region_id`)
}

function cooperativesQuery(count: number): SQL[] {
  // Valid ICE and RIB numbers (check digits and key), made by the factories' own functions.
  const identifiers = Array.from({ length: count }, (_, i) => [
    makeIce(700000 + i),
    makeRib(700000 + i),
  ])
  const names = cooperativeNames.map((words) => ({ ar: words[0], fr: words[1] }))
  return [
    sql`
    create temp table bench_coops on commit drop as
    with picked as (
      select n,
        ${pick('pg_temp.r(n, 1)', [
          ['agricultural', 0.55],
          ['craft', 0.25],
          ['mixed', 0.2],
        ])} as category,
        ${pick('pg_temp.r(n, 2)', [
          ['active', 0.85],
          ['suspended', 0.05],
          ['applied', 0.07],
          ['rejected', 0.03],
        ])} as status,
        7 + floor(pg_temp.r(n, 3) * 70)::int as member_count,
        2 + floor(pg_temp.r(n, 4) * 7)::int as maker_count
      from generate_series(1, ${count}::int) n
    )
    select p.n, gen_random_uuid() as id, p.category, p.status, p.member_count, p.maker_count,
      p.category in ('agricultural', 'mixed') and pg_temp.r(p.n, 10) < 0.35 as organic,
      p.category in ('agricultural', 'mixed') and pg_temp.r(p.n, 11) < 0.25 as sdoq,
      p.category in ('agricultural', 'mixed') and pg_temp.r(p.n, 12) < 0.2 as halal,
      pg_temp.r(p.n, 13) < 0.2 as fair_trade,
      p.category in ('craft', 'mixed') and pg_temp.r(p.n, 14) < 0.6 as handmade,
      name.value->>'ar' as name_ar, name.value->>'fr' as name_fr,
      pr.id as province_id, pr.region_id, pr.name_ar as province_ar, pr.name_fr as province_fr,
      pr.name_en as province_en,
      ids.value->>0 as ice, ids.value->>1 as rib
    from picked p
    join bench_provinces pr on pr.n = (p.n * 29) % pr.size + 1
    join jsonb_array_elements(${JSON.stringify(names)}::jsonb) with ordinality name(value, i)
      on name.i = p.n % ${names.length}::int + 1
    join jsonb_array_elements(${JSON.stringify(identifiers)}::jsonb) with ordinality ids(value, i)
      on ids.i = p.n`,
    sql`analyze bench_coops`,
    sql`
    insert into cooperatives (id, slug, legal_name_ar, legal_name_fr, display_name, category,
      women_only, member_count, women_member_count, founded_year, register_number,
      register_court, ice, tax_id, vat_status, region_id, province_id, commune, address, phone,
      email, story_ar, story_fr, story_en, rib, account_holder, commission_bps, status,
      decision_note, applied_at, decided_at, created_at)
    select c.id,
      lower(regexp_replace(translate(c.name_fr || '-' || c.province_fr, 'éèêëàâäîïôöûüçÉ', 'eeeeaaaiioouucE'),
        '[^A-Za-z]+', '-', 'g')) || '-' || c.n,
      'تعاونية ' || c.name_ar || ' النسوية - ' || c.province_ar,
      'Coopérative féminine ' || c.name_fr || ' de ' || c.province_fr,
      c.name_fr || ' ' || c.province_fr,
      c.category,
      pg_temp.r(c.n, 20) < 0.9,
      c.member_count,
      case when pg_temp.r(c.n, 20) < 0.9 then c.member_count else c.member_count * 3 / 4 end,
      1995 + floor(pg_temp.r(c.n, 21) * 28)::int,
      (1995 + floor(pg_temp.r(c.n, 21) * 28)::int) || '/' || c.n,
      'Tribunal de première instance de ' || c.province_fr,
      c.ice,
      (50000000 + c.n)::text,
      'exempt',
      c.region_id, c.province_id, c.province_fr,
      'Douar ' || (1 + c.n % 40) || ', commune de ' || c.province_fr,
      '+2125' || lpad((30000000 + c.n * 17)::text, 8, '0'),
      'contact-' || c.n || '@cooperatives.example.ma',
      'نساء ' || c.province_ar || ' يتقاسمن العمل والدخل في تعاونية ' || c.name_ar || '.',
      'Les femmes de ' || c.province_fr || ' partagent le travail et le revenu au sein de la coopérative ' || c.name_fr || '.',
      'The women of ' || c.province_en || ' share work and income in the ' || c.name_fr || ' cooperative.',
      c.rib, 'Coopérative féminine ' || c.name_fr,
      1000,
      c.status,
      case c.status when 'suspended' then 'Dossier fiscal à mettre à jour.'
        when 'rejected' then 'Statuts incomplets.' end,
      now() - make_interval(days => 60 + floor(pg_temp.r(c.n, 22) * 1500)::int),
      case when c.status <> 'applied' then now() - make_interval(days => 30 + floor(pg_temp.r(c.n, 23) * 20)::int) end,
      now() - make_interval(days => 60 + floor(pg_temp.r(c.n, 22) * 1500)::int)
    from bench_coops c`,
  ]
}

function makersQuery(): SQL[] {
  return [
    sql`
    create temp table bench_makers on commit drop as
    select c.n as coop_n, k, gen_random_uuid() as id, c.id as cooperative_id,
      (${JSON.stringify(makerFirstNames)}::jsonb ->> ((c.n * 7 + k) % ${makerFirstNames.length}::int))
        || ' ' || (${JSON.stringify(makerFamilyNames)}::jsonb ->> ((c.n * 3 + k * 5) % ${makerFamilyNames.length}::int)) as name,
      pg_temp.r(c.n * 10 + k, 30) < 0.8 as consent
    from bench_coops c cross join lateral generate_series(1, c.maker_count) k`,
    sql`analyze bench_makers`,
    sql`
    insert into makers (id, cooperative_id, name, bio_ar, bio_fr, bio_en, consent_at)
    select id, cooperative_id, name,
      'صانعة في التعاونية منذ ' || (2 + k) || ' سنوات.',
      'Artisane à la coopérative depuis ' || (2 + k) || ' ans.',
      'A maker at the cooperative for ' || (2 + k) || ' years.',
      case when consent then now() - interval '200 days' end
    from bench_makers`,
  ]
}

/** How many words a list has for the kind of product in `kind` (an SQL CASE). */
function wordCount(list: 'complement' | 'sentence'): SQL {
  const lists = list === 'complement' ? complements : kindSentences
  const branches = Object.entries(lists).map(
    ([kind, words]) => `when '${kind}' then ${words.length}`,
  )
  return sql.raw(`(case f.kind ${branches.join(' ')} end)`)
}

/** Which family, cooperative, words and states each product gets. */
function productPicksQuery(count: number): SQL[] {
  const slots = families.reduce((sum, f) => sum + f.frequency, 0)
  return [
    sql`
    create temp table bench_pool on commit drop as
    select grp, row_number() over (partition by grp order by n)::int as k, n as coop_n
    from (
      select n, unnest(case category when 'agricultural' then array['produce']
        when 'craft' then array['craft'] else array['produce', 'craft'] end) as grp
      from bench_coops
    ) s`,
    sql`create temp table bench_pool_sizes on commit drop as
      select grp, count(*)::int as size from bench_pool group by grp`,
    sql`analyze bench_pool, bench_pool_sizes`,
    sql`
    create temp table bench_products on commit drop as
    with g as materialized (
      select gs.g, f.*, case f.kind when 'craft' then 'craft' else 'produce' end as grp,
        floor(pg_temp.r(gs.g, 4) * ${wordCount('complement')})::int + 1 as complement_n,
        floor(pg_temp.r(gs.g, 5) * ${wordCount('sentence')})::int + 1 as sentence_n
      from generate_series(1, ${count}::int) as gs(g)
      join bench_slots s on s.slot = floor(pg_temp.r(gs.g, 1) * ${slots}::int)::int
      join bench_families f on f.f = s.f
    ),
    -- Materialized: otherwise the planner joins the pool on its group alone and filters
    -- 68 million rows down to 100,000.
    sized as materialized (
      -- A few cooperatives have many products and many have few, as in a real marketplace.
      select g.*, floor(power(pg_temp.r(g.g, 7), 1.6) * ps.size)::int + 1 as k
      from g join bench_pool_sizes ps on ps.grp = g.grp
    ),
    placed as (
      select g.*, c.n as coop_n, c.id as cooperative_id, c.organic as coop_organic,
        c.sdoq as coop_sdoq, c.halal as coop_halal, c.fair_trade as coop_fair_trade,
        c.handmade as coop_handmade, c.name_ar as coop_name_ar, c.name_fr as coop_name_fr,
        c.province_ar, c.province_fr, c.province_en,
        g.titles -> floor(pg_temp.r(g.g, 2) * jsonb_array_length(g.titles))::int as title,
        ${pick('pg_temp.r(g.g, 8)', [
          ['published', 0.86],
          ['draft', 0.07],
          ['archived', 0.07],
        ])} as status
      from sized g
      join bench_pool p on p.grp = g.grp and p.k = g.k
      join bench_coops c on c.n = p.coop_n
    )
    select p.g, gen_random_uuid() as id, p.f, p.kind, p.category_id, p.unit, p.picture,
      p.coop_n, p.cooperative_id, p.status, p.season_start, p.season_end,
      (p.title->>'slug') || '-' || p.g as slug,
      trim((p.title->'words'->>0) || ' ' || coalesce(comp.ar, '')) as title_ar,
      case when pg_temp.r(p.g, 30) >= 0.04
        then trim((p.title->'words'->>1) || ' ' || coalesce(comp.fr, '')) end as title_fr,
      case when pg_temp.r(p.g, 31) >= 0.12
        then trim((p.title->'words'->>2) || ' ' || coalesce(comp.en, '')) end as title_en,
      (p.sentence->>0) || ' ' || ks.ar || ' من إنتاج تعاونية ' || p.coop_name_ar
        || ' بإقليم ' || p.province_ar || '.' as description_ar,
      (p.sentence->>1) || ' ' || ks.fr || ' Produit par la coopérative ' || p.coop_name_fr
        || ', province de ' || p.province_fr || '.' as description_fr,
      (p.sentence->>2) || ' ' || ks.en || ' Made by the ' || p.coop_name_fr
        || ' cooperative in ' || p.province_en || ' province.' as description_en,
      array_remove(array[
        case when 'organic' = any(p.claims) and p.coop_organic and pg_temp.r(p.g, 20) < 0.6 then 'organic' end,
        -- A claim made without the certificate: the gating rule keeps the product off sale.
        case when 'organic' = any(p.claims) and not p.coop_organic and pg_temp.r(p.g, 25) < 0.03 then 'organic' end,
        case when 'sdoq' = any(p.claims) and p.coop_sdoq and pg_temp.r(p.g, 21) < 0.5 then 'sdoq' end,
        case when 'halal' = any(p.claims) and p.coop_halal and pg_temp.r(p.g, 22) < 0.5 then 'halal' end,
        case when 'fair_trade' = any(p.claims) and p.coop_fair_trade and pg_temp.r(p.g, 23) < 0.7 then 'fair_trade' end,
        case when 'handmade' = any(p.claims) and p.coop_handmade and pg_temp.r(p.g, 24) < 0.8 then 'handmade' end
      ], null) as claims,
      p.kind = 'craft' and pg_temp.r(p.g, 11) < p.made_to_order as made_to_order,
      p.status = 'published' and pg_temp.r(p.g, 9) < 0.03 as blocked,
      case when p.status <> 'draft'
        then now() - make_interval(secs => pg_temp.r(p.g, 10) * 730 * 86400) end as published_at,
      (round(p.price_min + power(pg_temp.r(p.g, 12), 2) * (p.price_max - p.price_min)) * 100)::int
        as base_price,
      case when pg_temp.r(p.g, 13) < 0.45 then 1 when pg_temp.r(p.g, 13) < 0.8 then 2 else 3 end
        as variant_count,
      1 + floor(pg_temp.r(p.g, 14) * 3)::int as image_count
    from placed p
    left join bench_words comp on comp.list = 'complement' and comp.kind = p.kind
      and pg_temp.r(p.g, 3) < 0.55 and comp.n = p.complement_n
    join bench_words ks on ks.list = 'sentence' and ks.kind = p.kind and ks.n = p.sentence_n`,
    sql`analyze bench_products`,
  ]
}

function productsInsertQuery(): SQL {
  return sql`
    insert into products (id, cooperative_id, slug, category_id, title_ar, title_fr, title_en,
      description_ar, description_fr, description_en, facts, season_start_month,
      season_end_month, claims, made_to_order, status, published_at, blocked_at,
      blocked_reason, created_at, updated_at)
    select id, cooperative_id, slug, category_id, title_ar, title_fr, title_en,
      description_ar, case when title_fr is not null then description_fr end,
      case when title_en is not null then description_en end,
      case kind
        when 'food' then jsonb_build_object('ingredients', coalesce(title_fr, title_ar),
          'bestBefore', to_char(now() + interval '300 days', 'YYYY-MM-DD'))
        when 'cosmetic' then jsonb_build_object('ingredients', coalesce(title_fr, title_ar))
        else jsonb_strip_nulls(jsonb_build_object('material', 'Matériaux naturels',
          'leadTimeDays', case when made_to_order then 7 + g % 30 end))
      end,
      season_start, season_end, claims, made_to_order, status, published_at,
      case when blocked then now() - interval '3 days' end,
      case when blocked then 'Photos ne correspondant pas au produit.' end,
      coalesce(published_at, now()) - interval '2 days',
      coalesce(published_at, now())
    from bench_products`
}

function variantsQuery(): SQL {
  return sql`
    insert into product_variants (product_id, sku, label_ar, label_fr, label_en, price_centimes,
      stock_quantity, weight_grams, position)
    select p.id, 'BN' || p.g || '-' || v, u.ar, u.fr, u.en,
      greatest(500, (round(p.base_price * u.factor / 500) * 500)::int),
      case when p.made_to_order then 0
        when pg_temp.r(p.g * 4 + v, 40) < 0.15 then 0
        else 1 + floor(pg_temp.r(p.g * 4 + v, 41) * 60)::int end,
      u.grams, v - 1
    from bench_products p
    cross join lateral generate_series(1, p.variant_count) v
    join bench_units u on u.unit = p.unit and u.n = v`
}

function imagesQuery(): SQL {
  return sql`
    insert into product_images (product_id, image, alt_ar, alt_fr, alt_en, position)
    select p.id, i.image, p.title_ar, p.title_fr, p.title_en, k - 1
    from bench_products p
    cross join lateral generate_series(1, p.image_count) k
    join bench_images i on i.picture = p.picture and i.n = (p.g + k) % i.size + 1`
}

function productMakersQuery(): SQL {
  return sql`
    insert into product_makers (product_id, maker_id)
    select p.id, m.id
    from bench_products p
    join bench_coops c on c.n = p.coop_n
    join bench_makers m on m.coop_n = p.coop_n
      and m.k = 1 + floor(pg_temp.r(p.g, 15) * c.maker_count)::int
    where pg_temp.r(p.g, 16) < 0.4`
}

/**
 * Cooperative-scope certificates (ONSSA, fair trade, handmade, halal), one organic and one
 * origin-sign certificate per cooperative that has them (covering its products that claim
 * them), and one cosmetic registration per cosmetic product, spread over every state.
 */
function certificatePicksQuery(): SQL[] {
  const state = (type: string, r: string) => pick(r, certificateStates[type]!)
  return [
    sql`
    create temp table bench_certs on commit drop as
    with signs as (
      -- The origin sign of the family the cooperative sells most of.
      select distinct on (p.coop_n) p.coop_n, f.sign
      from bench_products p join bench_families f on f.f = p.f
      where f.sign is not null
      group by p.coop_n, f.sign
      order by p.coop_n, count(*) desc
    )
    select gen_random_uuid() as id, s.*, row_number() over (partition by s.type order by s.salt)::int as number
    from (
      select c.n as salt, c.n as coop_n, c.id as cooperative_id, 'onssa' as type,
        'cooperative' as scope, ${state('onssa', 'pg_temp.r(c.n, 60)')} as state,
        null::uuid as product_id, null::text as sign
      from bench_coops c where c.category in ('agricultural', 'mixed')
      union all
      select c.n, c.n, c.id, 'fair_trade', 'cooperative', ${state('fair_trade', 'pg_temp.r(c.n, 61)')}, null, null
      from bench_coops c where c.fair_trade
      union all
      select c.n, c.n, c.id, 'handmade', 'cooperative', ${state('handmade', 'pg_temp.r(c.n, 62)')}, null, null
      from bench_coops c where c.handmade
      union all
      select c.n, c.n, c.id, 'halal', 'cooperative', ${state('halal', 'pg_temp.r(c.n, 63)')}, null, null
      from bench_coops c where c.halal
      union all
      select c.n, c.n, c.id, 'organic', 'products', ${state('organic', 'pg_temp.r(c.n, 64)')}, null, null
      from bench_coops c where c.organic
      union all
      select c.n, c.n, c.id, 'sdoq', 'products', ${state('sdoq', 'pg_temp.r(c.n, 65)')}, null,
        coalesce(signs.sign, 'Label Agricole')
      from bench_coops c left join signs on signs.coop_n = c.n where c.sdoq
      union all
      select p.g, p.coop_n, p.cooperative_id, 'cosmetic_reg', 'products',
        ${state('cosmetic_reg', 'pg_temp.r(p.g, 66)')}, p.id, null
      from bench_products p where p.kind = 'cosmetic'
    ) s`,
    sql`analyze bench_certs`,
  ]
}

function certificatesInsertQuery(): SQL {
  const bodies = sql.raw(
    `(case c.type ${Object.entries(issuingBodies)
      .map(([type, body]) => `when '${type}' then '${body.replace(/'/g, "''")}'`)
      .join(' ')} end)`,
  )
  return sql`
    insert into certificates (id, cooperative_id, type, issuing_body, number, sign_name, scope,
      issued_at, expires_at, status, decision_note, decided_at, approved_at, created_at, updated_at)
    select c.id, c.cooperative_id, c.type, ${bodies},
      upper(c.type) || '-' || lpad(c.number::text, 6, '0'), c.sign, c.scope,
      now() - make_interval(days => 400 + floor(pg_temp.r(c.salt, 70 + length(c.type)) * 800)::int),
      case
        when c.type = 'onssa' then null
        when c.state = 'expired' then now() - make_interval(days => 1 + floor(pg_temp.r(c.salt, 80 + length(c.type)) * 300)::int)
        else now() + make_interval(days => 20 + floor(pg_temp.r(c.salt, 80 + length(c.type)) * 900)::int)
      end,
      case when c.state = 'expired' then 'approved' else c.state end,
      case c.state
        when 'rejected' then 'Document illisible : merci de renvoyer une copie nette.'
        when 'suspended' then 'Contrôle en cours par l''organisme certificateur.'
        when 'revoked' then 'Certificat retiré par l''organisme émetteur.'
      end,
      case when c.state <> 'pending_review' then now() - interval '300 days' end,
      case when c.state in ('approved', 'expired', 'suspended', 'revoked') then now() - interval '330 days' end,
      now() - interval '340 days', now() - interval '300 days'
    from bench_certs c`
}

function certificateProductsQuery(): SQL {
  return sql`
    insert into certificate_products (certificate_id, product_id)
    select c.id, c.product_id from bench_certs c where c.product_id is not null
    union all
    -- A few claiming products are left out: certificates "for other products" exist too.
    select c.id, p.id
    from bench_certs c
    join bench_products p on p.coop_n = c.coop_n and c.type = any(p.claims)
    where c.type in ('organic', 'sdoq') and pg_temp.r(p.g, 50) < 0.95`
}

function certificateEventsQuery(): SQL {
  return sql`
    insert into certificate_events (certificate_id, action, from_status, to_status, note, created_at)
    select id, 'submitted', null, 'pending_review', null, now() - interval '340 days'
    from bench_certs
    union all
    select id, case when state = 'expired' then 'approve' when state = 'approved' then 'approve' else state end,
      'pending_review', case when state = 'expired' then 'approved' else state end, null,
      now() - interval '300 days'
    from bench_certs where state <> 'pending_review'`
}
