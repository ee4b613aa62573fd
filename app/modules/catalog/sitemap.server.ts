// sitemap.xml: every public page in every language, products only while they may be sold.
import { sql } from 'drizzle-orm'
import { getDatabase } from '#app/utils/db.server.ts'
import { purchasableListing } from '#app/modules/certification/gate.server.ts'
import { supportedLanguages } from '#app/modules/i18n/config.ts'
import { infoPages } from '#app/modules/pages/info-pages.ts'
import { localizedUrl } from '#app/utils/meta.ts'

/** Products per sitemap file: three languages each stays under the 50,000-URL limit. */
export const productsPerSitemap = 10_000

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** One `<url>` per language, each listing all the languages as alternates. */
function urlEntries(origin: string, path: string, lastModified?: Date | string | null): string {
  const alternates = [
    ...supportedLanguages.map(
      (lng) =>
        `<xhtml:link rel="alternate" hreflang="${lng}" href="${escapeXml(localizedUrl(origin, path, lng))}"/>`,
    ),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(localizedUrl(origin, path))}"/>`,
  ].join('')
  const lastmod = lastModified ? `<lastmod>${new Date(lastModified).toISOString()}</lastmod>` : ''
  return supportedLanguages
    .map(
      (lng) =>
        `<url><loc>${escapeXml(localizedUrl(origin, path, lng))}</loc>${lastmod}${alternates}</url>`,
    )
    .join('\n')
}

function urlSet(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`
}

export async function sitemapIndex(origin: string): Promise<string> {
  const gate = purchasableListing(undefined, { broad: true })
  const [row] = await getDatabase().rows<{ count: number }>(
    sql`select count(*)::int as count from ${gate.from} where ${gate.where}`,
  )
  const files = ['pages']
  for (let i = 1; i <= Math.ceil((row?.count ?? 0) / productsPerSitemap); i += 1) {
    files.push(`products-${i}`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${f}.xml`)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`
}

/** Home, catalog, the information pages, categories, and the directory and its active cooperatives. */
export async function pagesSitemap(origin: string): Promise<string> {
  const [row] = await getDatabase().rows<{ categories: unknown; cooperatives: unknown }>(sql`
    select
      (select coalesce(json_agg(c.slug order by c.slug), '[]') from categories c) as categories,
      (select coalesce(json_agg(json_build_object('slug', co.slug, 'updatedAt', co.updated_at) order by co.slug), '[]')
         from cooperatives co where co.status = 'active') as cooperatives
  `)
  const parse = <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T
  const categories = parse<string[]>(row?.categories ?? [])
  const cooperatives = parse<{ slug: string; updatedAt: string }[]>(row?.cooperatives ?? [])
  return urlSet([
    urlEntries(origin, '/'),
    urlEntries(origin, '/products'),
    urlEntries(origin, '/cooperatives'),
    ...infoPages.map((p) => urlEntries(origin, p.path)),
    ...categories.map((slug) => urlEntries(origin, `/categories/${slug}`)),
    ...cooperatives.map((c) => urlEntries(origin, `/cooperatives/${c.slug}`, c.updatedAt)),
  ])
}

/** The n-th file of products on sale (1-based); null past the last one. */
export async function productsSitemap(origin: string, n: number): Promise<string | null> {
  const gate = purchasableListing(undefined, { broad: true })
  const rows = await getDatabase().rows<{ slug: string; updated_at: Date | string }>(sql`
    select products.slug, products.updated_at from ${gate.from}
    where ${gate.where}
    order by products.id
    limit ${productsPerSitemap} offset ${(n - 1) * productsPerSitemap}
  `)
  if (rows.length === 0 && n > 1) return null
  return urlSet(rows.map((r) => urlEntries(origin, `/products/${r.slug}`, r.updated_at)))
}
