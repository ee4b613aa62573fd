// The cache of broad listings: reused only while the catalogue version it was computed with
// is the committed one and no certificate boundary has passed (an injected clock, no sleeps).
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { products, productVariants } from '#db/schema/catalog.ts'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'
import {
  catalogVersionColumn,
  setSnapshotClockForTests,
  whileCatalogUnchanged,
} from './snapshot.server.ts'

let restore: (() => void) | undefined
afterEach(() => restore?.())

/** A computation that counts its runs and reads the version in its own statement. */
function counted(key: string) {
  let runs = 0
  const read = () =>
    whileCatalogUnchanged(key, async () => {
      runs += 1
      const [row] = await getDatabase().rows<{ version: string | null; n: number }>(
        sql`select ${catalogVersionColumn} as version, (select count(*)::int from products) as n`,
      )
      return { version: row!.version, value: row!.n }
    })
  return { read, runs: () => runs }
}

describe('listings kept in memory', () => {
  test('are reused until a write that changes listings commits, whatever its table', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    const { read, runs } = counted('writes')
    const first = await read()
    expect(await read()).toBe(first)
    expect(runs()).toBe(1)
    // A sale that leaves the product in stock changes no listing.
    await db
      .update(productVariants)
      .set({ stockQuantity: sql`${productVariants.stockQuantity} - 1` })
      .where(eq(productVariants.productId, product.id))
    await read()
    expect(runs()).toBe(1)
    // A new product does.
    await createProduct(db, { cooperativeId: cooperative.id })
    expect(await read()).toBe(first + 1)
    expect(runs()).toBe(2)
    // A title change does.
    await db.update(products).set({ titleFr: 'Miel' }).where(eq(products.id, product.id))
    await read()
    expect(runs()).toBe(3)
    // A write that is rolled back does not.
    await db
      .transaction(async (tx) => {
        await tx.update(products).set({ titleFr: 'Autre' }).where(eq(products.id, product.id))
        throw new Error('rolled back')
      })
      .catch(() => {})
    await read()
    expect(runs()).toBe(3)
  })

  test('are not reused past the instant a certificate expires or comes into force', async () => {
    const cooperative = await createCooperative(db)
    const expiresAt = new Date(Date.now() + 3600_000)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa', expiresAt })
    await createProduct(db, { cooperativeId: cooperative.id })
    const { read, runs } = counted('expiry')
    await read()
    restore = setSnapshotClockForTests(() => expiresAt.getTime() - 1)
    await read()
    expect(runs()).toBe(1)
    restore()
    restore = setSnapshotClockForTests(() => expiresAt.getTime())
    await read()
    expect(runs()).toBe(2)
  })

  test('readers that arrive during a computation share it', async () => {
    const { read, runs } = counted('shared')
    const [a, b, c] = await Promise.all([read(), read(), read()])
    expect(new Set([a, b, c]).size).toBe(1)
    expect(runs()).toBe(1)
  })
})
