// The directory of cooperatives: active ones only, filtered by region and by what they have
// on sale, each filter option with the number of cooperatives behind it; pages.
import { describe, expect, test } from 'vitest'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as directoryLoader } from '#app/routes/cooperatives._index.tsx'
import { call, dataOf, makeRequest, statusOf } from '#tests/helpers.ts'
import { directoryPageSize, listDirectory } from './directory.server.ts'

const north = 'tanger-tetouan-al-hoceima'
const east = 'oriental'

/** Honey on sale in the north, pottery in the east, and cooperatives that must not count. */
async function world() {
  const honey = await createCooperative(db, { displayName: 'Miel du Rif' })
  await createCertificate(db, { cooperativeId: honey.id, type: 'onssa' })
  await createProduct(db, { cooperativeId: honey.id, categorySlug: 'honey' })
  await createProduct(db, { cooperativeId: honey.id, categorySlug: 'olive-oil' })
  const pottery = await createCooperative(db, {
    displayName: 'Poterie de Nador',
    provinceCode: 'nador',
  })
  await createProduct(db, { cooperativeId: pottery.id, categorySlug: 'pottery' })
  // Active, in the north, nothing on sale: listed, but under no category.
  const quiet = await createCooperative(db, { displayName: 'Tissage sans produit' })
  // Active, honey without its ONSSA authorisation: its honey is not on sale.
  const uncertified = await createCooperative(db, { displayName: 'Miel sans ONSSA' })
  await createProduct(db, { cooperativeId: uncertified.id, categorySlug: 'honey' })
  // Not public: suspended (with honey on sale otherwise) and applied.
  const suspended = await createCooperative(db, { status: 'suspended', displayName: 'Suspendue' })
  await createCertificate(db, { cooperativeId: suspended.id, type: 'onssa' })
  await createProduct(db, { cooperativeId: suspended.id, categorySlug: 'honey' })
  await createCooperative(db, { status: 'applied', displayName: 'Demande en cours' })
  await createCooperative(db, { status: 'rejected', displayName: 'Refusée' })
  return { honey, pottery, quiet, uncertified }
}

const counts = (facets: { value: string; count: number }[]) =>
  Object.fromEntries(facets.map((f) => [f.value, f.count]))

describe('listDirectory', () => {
  test('lists active cooperatives only, with the number behind each filter', async () => {
    const w = await world()
    const all = await listDirectory({}, 'fr')
    expect(all.total).toBe(4)
    expect(all.cooperatives.map((c) => c.slug).sort()).toEqual(
      [w.honey.slug, w.pottery.slug, w.quiet.slug, w.uncertified.slug].sort(),
    )
    expect(counts(all.facets.regions)).toEqual({ [north]: 3, [east]: 1 })
    // Only top-level categories, and only what is on sale.
    expect(counts(all.facets.categories)).toEqual({ food: 1, crafts: 1 })
    const honey = all.cooperatives.find((c) => c.slug === w.honey.slug)!
    expect(honey).toMatchObject({
      productCount: 2,
      makes: ['Alimentation'],
      region: 'Tanger-Tétouan-Al Hoceïma',
    })
    expect(all.cooperatives.find((c) => c.slug === w.quiet.slug)).toMatchObject({
      productCount: 0,
      makes: [],
    })
  })

  test('filters by region and by what they make, each facet counted under the other filter', async () => {
    const w = await world()
    const inNorth = await listDirectory({ region: north }, 'en')
    expect(inNorth.total).toBe(3)
    expect(counts(inNorth.facets.categories)).toEqual({ food: 1 })
    // The region facet still offers the other regions (counted without the region filter).
    expect(counts(inNorth.facets.regions)).toEqual({ [north]: 3, [east]: 1 })

    const food = await listDirectory({ category: 'food' }, 'en')
    expect(food.cooperatives.map((c) => c.slug)).toEqual([w.honey.slug])
    expect(counts(food.facets.regions)).toEqual({ [north]: 1 })

    const craftsInNorth = await listDirectory({ region: north, category: 'crafts' }, 'en')
    expect(craftsInNorth.total).toBe(0)
    expect(craftsInNorth.cooperatives).toEqual([])
  })

  test('an unknown region or category matches nothing; a subcategory is not a filter', async () => {
    await world()
    expect((await listDirectory({ region: 'atlantis' }, 'ar')).total).toBe(0)
    expect((await listDirectory({ category: 'honey' }, 'ar')).total).toBe(0)
  })

  test('pages of twelve; a page past the end is the last page', async () => {
    for (let i = 0; i < directoryPageSize + 1; i += 1) await createCooperative(db)
    const first = await listDirectory({}, 'ar')
    expect(first).toMatchObject({ total: directoryPageSize + 1, page: 1, pageCount: 2 })
    expect(first.cooperatives).toHaveLength(directoryPageSize)
    const past = await listDirectory({ page: 9 }, 'ar')
    expect(past).toMatchObject({ page: 2, pageCount: 2 })
    expect(past.cooperatives).toHaveLength(1)
    expect(past.cooperatives[0]!.slug).not.toBe(first.cooperatives.at(-1)!.slug)
  })
})

describe('the /cooperatives page', () => {
  test('reads its filters from the address, drops empty ones, and links the next page', async () => {
    const w = await world()
    const result = await call(directoryLoader, makeRequest('/cooperatives?region=&category=food'))
    expect(statusOf(result)).toBe(200)
    const data = dataOf<{
      noIndex: boolean
      directory: { filters: { region: string; category: string }; cooperatives: { slug: string }[] }
      next: string | null
    }>(result)
    expect(data.directory.filters).toEqual({ region: '', category: 'food' })
    expect(data.directory.cooperatives.map((c) => c.slug)).toEqual([w.honey.slug])
    expect(data.noIndex).toBe(true)
    expect(data.next).toBeNull()
  })

  test('ignores malformed parameters instead of failing', async () => {
    await world()
    const result = await call(
      directoryLoader,
      makeRequest('/cooperatives?region=%3Cscript%3E&page=-4&category=FOOD%20'),
    )
    expect(statusOf(result)).toBe(200)
    const data = dataOf<{ directory: { total: number; page: number } }>(result)
    expect(data.directory).toMatchObject({ total: 4, page: 1 })
  })
})
