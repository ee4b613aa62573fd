import { type LoaderFunctionArgs } from '@remix-run/node'
import { pagesSitemap, productsSitemap } from '#app/modules/catalog/sitemap.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'

/** `/sitemaps/pages.xml` and `/sitemaps/products-<n>.xml`, listed by /sitemap.xml. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? ''
  const origin = publicOrigin()
  let body: string | null = null
  if (file === 'pages.xml') body = await pagesSitemap(origin)
  const match = /^products-([1-9][0-9]{0,3})\.xml$/.exec(file)
  if (match) body = await productsSitemap(origin, Number(match[1]))
  if (body === null) throw new Response('Not found', { status: 404 })
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
