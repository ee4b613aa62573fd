import { desc, eq } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'

/**
 * The listings the association watches: the most recently published first, blocked ones
 * included (a block keeps the product `published`, so that lifting it restores the listing).
 */
export async function listRecentlyPublishedProducts(limit = 100) {
  return db
    .select({
      id: products.id,
      titleAr: products.titleAr,
      titleFr: products.titleFr,
      titleEn: products.titleEn,
      publishedAt: products.publishedAt,
      blockedAt: products.blockedAt,
      blockedReason: products.blockedReason,
      cooperativeId: cooperatives.id,
      cooperativeName: cooperatives.displayName,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(eq(products.status, 'published'))
    .orderBy(desc(products.publishedAt), desc(products.createdAt))
    .limit(limit)
}
