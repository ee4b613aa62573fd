import { asc, eq } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { db } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

/** The cooperative's product names, for choosing which products a certificate covers. */
export async function listCooperativeProductTitles(cooperativeId: string, language: Language) {
  const rows = await db
    .select({
      id: products.id,
      titleAr: products.titleAr,
      titleFr: products.titleFr,
      titleEn: products.titleEn,
    })
    .from(products)
    .where(eq(products.cooperativeId, cooperativeId))
    .orderBy(asc(products.titleAr))
  return rows.map((r) => ({ id: r.id, title: localized(r, 'title', language) }))
}
