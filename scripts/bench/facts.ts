// What the benchmark world holds, and which pages of it to measure.
import os from 'node:os'
import { count, sql } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { type DatabaseHandle } from '#app/utils/db.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'

export type Machine = {
  cpu: string
  cpus: number
  memoryGiB: number
  node: string
  postgres: string
  platform: string
}

export async function describeMachine(handle: DatabaseHandle): Promise<Machine> {
  const [row] = await handle.rows<{ version: string }>(sql`select version() as version`)
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: row?.version.split(' on ')[0] ?? 'unknown',
    platform: `${os.type()} ${os.arch()}`,
  }
}

export type DataSizes = {
  cooperatives: Record<string, number>
  products: Record<string, number>
  blocked: number
  purchasable: number
  variants: number
  outOfStockVariants: number
  madeToOrder: number
  images: number
  makers: number
  certificates: Record<string, number>
  certificateScopes: Record<string, number>
}

async function tally(handle: DatabaseHandle, query: ReturnType<typeof sql>) {
  const rows = await handle.rows<{ key: string; n: number }>(query)
  return Object.fromEntries(rows.map((row) => [row.key, row.n]))
}

async function single(handle: DatabaseHandle, query: ReturnType<typeof sql>) {
  const [row] = await handle.rows<{ n: number }>(query)
  return row?.n ?? 0
}

export async function measureData(handle: DatabaseHandle): Promise<DataSizes> {
  // The gating rule itself (DESIGN §4) decides what counts as purchasable.
  const [purchasable] = await handle.db
    .select({ n: count() })
    .from(products)
    .where(productPurchasable())
  return {
    cooperatives: await tally(
      handle,
      sql`select status as key, count(*)::int as n from cooperatives group by 1 order by 2 desc`,
    ),
    products: await tally(
      handle,
      sql`select status as key, count(*)::int as n from products group by 1 order by 2 desc`,
    ),
    blocked: await single(
      handle,
      sql`select count(*)::int as n from products where blocked_at is not null`,
    ),
    purchasable: purchasable?.n ?? 0,
    variants: await single(handle, sql`select count(*)::int as n from product_variants`),
    outOfStockVariants: await single(
      handle,
      sql`select count(*)::int as n from product_variants where stock_quantity = 0`,
    ),
    madeToOrder: await single(
      handle,
      sql`select count(*)::int as n from products where made_to_order`,
    ),
    images: await single(handle, sql`select count(*)::int as n from product_images`),
    makers: await single(handle, sql`select count(*)::int as n from makers`),
    certificates: await tally(
      handle,
      sql`select case when status = 'approved' and expires_at <= now() then 'approved, expired'
          when status = 'approved' then 'approved, in force' else status end as key,
        count(*)::int as n from certificates group by 1 order by 2 desc`,
    ),
    certificateScopes: await tally(
      handle,
      sql`select scope as key, count(*)::int as n from certificates group by 1 order by 2 desc`,
    ),
  }
}

export type Targets = {
  categorySlug: string
  categoryProducts: number
  productSlugs: string[]
  cooperativeSlug: string
}

/** The top-level category with the most products, purchasable products and a cooperative. */
export async function pickTargets(handle: DatabaseHandle, productCount = 50): Promise<Targets> {
  const [category] = await handle.rows<{ slug: string; n: number }>(sql`
    select top.slug, count(p.id)::int as n
    from categories top
    join categories c on c.id = top.id or c.parent_id = top.id
    join products p on p.category_id = c.id
    where top.parent_id is null
    group by top.slug order by n desc limit 1`)
  // Spread over the catalogue (ordered by a hash), not the first rows inserted.
  const slugs = await handle.db
    .select({ slug: products.slug })
    .from(products)
    .where(productPurchasable())
    .orderBy(sql`md5(${products.slug})`)
    .limit(productCount)
  const [cooperative] = await handle.rows<{ slug: string }>(sql`
    select co.slug from cooperatives co join products p on p.cooperative_id = co.id
    where co.status = 'active' group by co.slug order by count(*) desc limit 1`)
  if (!category || slugs.length === 0 || !cooperative) {
    throw new Error('The database holds no benchmark world: run without BENCH_SKIP_GENERATE')
  }
  return {
    categorySlug: category.slug,
    categoryProducts: category.n,
    productSlugs: slugs.map((row) => row.slug),
    cooperativeSlug: cooperative.slug,
  }
}
