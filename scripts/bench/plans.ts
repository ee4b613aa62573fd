// The plans of the listing statements the storefront's busiest pages send: the catalogue,
// a category page and a cooperative page, each page 1, newest first, computed anew (with an
// instant, nothing comes from the listings kept in memory), as `explainSearch` does for search.
import { sql } from 'drizzle-orm'
import { type DatabaseHandle } from '#app/utils/db.server.ts'
import {
  categoryWithChildren,
  loadStorefrontReference,
} from '#app/modules/catalog/listing.server.ts'
import { catalogQuery, searchCatalog } from '#app/modules/catalog/search.server.ts'
import { explainCalls, type PlanSummary } from './search.ts'
import { type Targets } from './facts.ts'

export async function explainListings(
  handle: DatabaseHandle,
  targets: Targets,
): Promise<PlanSummary[]> {
  const reference = await loadStorefrontReference('ar')
  const category = reference.categories.find((c) => c.slug === targets.categorySlug)
  if (!category) throw new Error(`No category ${targets.categorySlug} in the storefront`)
  const [cooperative] = await handle.rows<{ id: string }>(
    sql`select id from cooperatives where slug = ${targets.cooperativeSlug}`,
  )
  return explainCalls(handle, [
    {
      label: 'catalogue listing (/products)',
      call: () => searchCatalog(catalogQuery(), new Date()),
    },
    {
      label: `category listing (/categories/${targets.categorySlug})`,
      call: () =>
        searchCatalog(
          catalogQuery({ categoryIds: categoryWithChildren(reference, category.id) }),
          new Date(),
        ),
    },
    {
      label: `cooperative listing (/cooperatives/${targets.cooperativeSlug})`,
      call: () => searchCatalog(catalogQuery({ cooperativeId: cooperative!.id }), new Date()),
    },
  ])
}
