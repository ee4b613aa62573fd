import fs from 'node:fs'
import { inArray, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { categories } from '#db/schema/reference.ts'
import { certificates } from '#db/schema/certification.ts'
import { catalogQuery, searchCatalog } from '#app/modules/catalog/search.server.ts'
import { db } from '#app/utils/db.server.ts'
import { explainProducts, purchasableProductIds } from '#app/modules/certification/gate.server.ts'
import { seedDemoCatalog } from './demo-catalog.ts'
import { seedDemoWorld } from './demo.ts'
import { ensureAdmin } from './admin.ts'
import { seedDemoMoney } from './demo-money.ts'
import { seedDemoOrders } from './demo-orders.ts'
import { cooperativeOrders } from '#db/schema/orders.ts'
import { payouts } from '#db/schema/money.ts'

describe('the demo world', () => {
  test('shows products on sale and products hidden for every reason, and seeding again adds nothing', async () => {
    const world = await seedDemoWorld(db)
    const catalog = await seedDemoCatalog(db)
    expect(world).toBeGreaterThanOrEqual(6)
    expect(catalog.products).toBeGreaterThanOrEqual(35)
    const ids = (await db.select({ id: products.id }).from(products)).map((p) => p.id)
    const onSale = await purchasableProductIds(ids)
    const reasons = [...(await explainProducts(ids)).values()].flat()
    expect(onSale.size).toBeGreaterThan(10)
    const kinds = new Set(
      reasons.map((r) => (r.kind === 'certificate' ? `${r.requiredBy}:${r.state}` : r.kind)),
    )
    for (const expected of [
      'draft',
      'archived',
      'blocked',
      'cooperative_inactive',
      'category:missing',
      'category:pending',
      'category:revoked',
      'claim:missing',
      'claim:expired',
      'claim:suspended',
      'claim:rejected',
    ]) {
      expect(kinds, expected).toContain(expected)
    }
    // What the north is known for is on sale: honey, argan oil, amlou, couscous, olive oil.
    const north = await db
      .select({ id: products.id, slug: products.slug, category: categories.slug })
      .from(products)
      .innerJoin(categories, sql`${categories.id} = ${products.categoryId}`)
      .where(
        inArray(categories.slug, [
          'honey',
          'argan-oil',
          'almonds-nuts',
          'couscous-grains',
          'olive-oil',
        ]),
      )
    const onSaleCategories = new Set(north.filter((p) => onSale.has(p.id)).map((p) => p.category))
    expect([...onSaleCategories].sort()).toEqual(
      ['almonds-nuts', 'argan-oil', 'couscous-grains', 'honey', 'olive-oil'].sort(),
    )
    const amlou = north.find((p) => p.slug === 'amlou-amandes-argan-miel')
    expect(amlou && onSale.has(amlou.id)).toBe(true)
    // A manager has an approved certificate that expires within 30 days (the expiry warning).
    const soon = await db
      .select({ id: certificates.id })
      .from(certificates)
      .where(
        sql`${certificates.status} = 'approved' and ${certificates.expiresAt} > now() and ${certificates.expiresAt} < now() + interval '30 days'`,
      )
    expect(soon.length).toBeGreaterThan(0)
    // Every example the search box offers, in every language, finds something on sale.
    const examples = searchExamples()
    expect(examples.map((e) => e.language).sort()).toEqual(['ar', 'en', 'fr'])
    for (const { language, words } of examples) {
      expect(words.length, language).toBeGreaterThanOrEqual(3)
      for (const q of words) {
        const found = await searchCatalog(catalogQuery({ q, sort: 'relevance' }))
        expect(found.total, `${language}: ${q}`).toBeGreaterThan(0)
        for (const id of found.ids) expect(onSale.has(id), q).toBe(true)
      }
    }

    // Orders in every state a cash-on-delivery order can reach, placed through the modules.
    expect(await seedDemoOrders()).toBeGreaterThanOrEqual(10)
    const states = new Set(
      (await db.select({ status: cooperativeOrders.status }).from(cooperativeOrders)).map(
        (r) => r.status,
      ),
    )
    for (const state of [
      'awaiting_confirmation',
      'placed',
      'preparing',
      'shipped',
      'delivered',
      'completed',
      'cancelled',
      'refused_at_door',
      'returned',
    ])
      expect(states, state).toContain(state)
    expect(await seedDemoOrders()).toBe(0)
    // Money: delivered, refunded and remitted orders; one batch paid, one pending.
    await ensureAdmin(db, {})
    const money = await seedDemoMoney()
    expect(money.orders).toBeGreaterThanOrEqual(4)
    expect(money.batches).toBe(2)
    const statuses = (await db.select({ status: payouts.status }).from(payouts)).map(
      (p) => p.status,
    )
    expect(statuses).toContain('paid')
    expect(statuses).toContain('pending')
    expect(await seedDemoMoney()).toEqual({ orders: 0, batches: 0 })
    expect(await seedDemoWorld(db)).toBe(0)
    expect((await seedDemoCatalog(db)).products).toBe(0)
    const [{ count } = { count: 0 }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(products)
    expect(count).toBe(ids.length)
  }, 120_000)
})

/**
 * The example queries of the search box (its placeholders, "Honey, argan oil, couscous…"),
 * read from the catalogues so that new examples are checked too.
 */
function searchExamples() {
  const examples: { language: string; words: string[] }[] = []
  for (const language of ['ar', 'fr', 'en']) {
    // Every part of the language's catalogue (ADR 021).
    const folder = new URL(`../../app/locales/${language}/`, import.meta.url)
    const catalogue: unknown = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(fs.readFileSync(new URL(name, folder), 'utf8')) as unknown)
    const words = new Set<string>()
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') {
        if (/search/i.test(key) && /placeholder/i.test(key)) {
          for (const word of value.split(/[،,]/)) {
            const cleaned = word.replace(/…|\.\.\./g, '').trim()
            if (cleaned) words.add(cleaned)
          }
        }
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, k)
      }
    }
    walk(catalogue, '')
    if (words.size) examples.push({ language, words: [...words] })
  }
  return examples
}
