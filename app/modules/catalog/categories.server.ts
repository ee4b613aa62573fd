import { asc, eq, isNotNull } from 'drizzle-orm'
import { categories } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

/** The categories a product can be put in (the leaves of the tree), named for the reader. */
export async function listProductCategories(language: Language) {
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      icon: categories.icon,
      kind: categories.kind,
      nameAr: categories.nameAr,
      nameFr: categories.nameFr,
      nameEn: categories.nameEn,
    })
    .from(categories)
    .where(isNotNull(categories.parentId))
    .orderBy(asc(categories.kind), asc(categories.position))
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    icon: r.icon,
    kind: r.kind,
    name: localized(r, 'name', language),
  }))
}

export async function categoryKind(categoryId: string) {
  const [row] = await db
    .select({ kind: categories.kind })
    .from(categories)
    .where(eq(categories.id, categoryId))
  return row?.kind ?? null
}
