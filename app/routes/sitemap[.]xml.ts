import { sitemapIndex } from '#app/modules/catalog/sitemap.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'

export async function loader() {
  return new Response(await sitemapIndex(publicOrigin()), {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
