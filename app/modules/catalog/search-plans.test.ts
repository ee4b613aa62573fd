// The search statements can read `products` (and a search, `listed_products`) through their
// indexes alone, typos included: no part of them needs a sequential scan (issue 12). On PGlite by default and on PostgreSQL
// when TEST_DATABASE_URL is set. On a table of a few hundred rows the planner may rightly
// prefer to read the whole table; with sequential scans priced out (`enable_seqscan = off`)
// a statement that still scans `products` would have no other way to run. This shows that
// a path through an index exists, not which one the planner takes at this size (here it
// may be a btree read in full): that is measured on the benchmark's catalogue.
import { sql, type SQL } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'
import {
  catalogQuery,
  type CatalogQuery,
  countCap,
  facetStatement,
  pageStatement,
  searchCatalog,
} from './search.server.ts'
import { isSearchable } from './listing-url.ts'

const fruits = ['figue', 'datte', 'amande', 'noix', 'sesame', 'abricot', 'raisin', 'pistache']

/** 801 products on sale, made in one statement (the triggers write what search reads). */
async function catalogue() {
  const cooperative = await createCooperative(db, { provinceCode: 'al-hoceima' })
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  const model = await createProduct(db, {
    cooperativeId: cooperative.id,
    categorySlug: 'honey',
    titleFr: 'Miel de thym',
  })
  await getDatabase().rows(sql`
    insert into products (cooperative_id, slug, category_id, title_ar, title_fr, description_ar,
      status, published_at)
    select p.cooperative_id, p.slug || '-' || g, p.category_id, p.title_ar,
      'Panier de ' || (${`{${fruits.join(',')}}`}::text[])[g % ${fruits.length} + 1] || ' ' || g,
      p.description_ar, p.status, p.published_at - g * interval '1 minute'
    from products p, generate_series(1, 800) g
    where p.id = ${model.id}`)
  await getDatabase().rows(sql`analyze`)
}

/**
 * The statements `searchCatalog` sends for a query, built the same way: a search reads its
 * page with its counts (ADR 022), a listing without words in a statement of its own.
 */
async function statements(query: CatalogQuery, at: Date): Promise<SQL[]> {
  const [counts] = await getDatabase().rows<{ fuzzy_words: string | null }>(
    facetStatement(query, at),
  )
  const fuzzyWords = counts!.fuzzy_words
  if (isSearchable(query.q)) {
    return fuzzyWords
      ? [facetStatement(query, at), facetStatement(query, at, fuzzyWords)]
      : [facetStatement(query, at)]
  }
  return [facetStatement(query, at), pageStatement(query, null, at)]
}

test('search statements, typos included, need no sequential scan of products', async () => {
  await catalogue()
  const at = new Date()
  const cases = ['thym', 'amande', 'panier figue', 'amandd', 'panier pistashe', 'zzzzqqq', '']
  expect((await searchCatalog(catalogQuery({ q: 'amande' }), at)).total).toBe(100)
  // The typo's words meant are counted in the second statement.
  expect((await searchCatalog(catalogQuery({ q: 'amandd' }), at)).total).toBe(100)
  let explained = 0
  for (const q of cases) {
    for (const sort of ['relevance', 'newest', 'price_asc'] as const) {
      // As the storefront's listings send them (capped), and the home page (exact).
      const query = catalogQuery({ q, sort, countCap: sort === 'newest' ? undefined : countCap })
      for (const statement of await statements(query, at)) {
        const plan = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`)
          const rows = (await tx.execute(sql`explain ${statement}`)) as unknown as
            { rows: { 'QUERY PLAN': string }[] } | { 'QUERY PLAN': string }[]
          return (Array.isArray(rows) ? rows : rows.rows).map((r) => r['QUERY PLAN']).join('\n')
        })
        expect(plan, `${q} (${sort})\n${plan}`).not.toMatch(/Seq Scan on products\b/)
        // A search reads the narrow copy through its own search index (ADR 022).
        expect(plan, `${q} (${sort})\n${plan}`).not.toMatch(/Seq Scan on listed_products\b/)
        explained += 1
      }
    }
  }
  expect(explained).toBeGreaterThanOrEqual(cases.length * 3)
})
