// What a crawler or a link-preview bot reads: every address of the sitemaps, in the demo
// world, fetched as Facebook's preview bot does. No response may carry a NUL byte (React 18
// wrote some in Arabic pages, ADR 009); the pages also go to the HTML check.
import { saveHtmlPage } from './html-pages.ts'
import { expect, test } from './fixtures.ts'

const crawler = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))
}

test('every sitemap address answers 200 without a NUL byte', async ({ playwright }) => {
  test.setTimeout(180_000)
  const client = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { 'user-agent': crawler },
  })
  const withNul: string[] = []
  const failed: string[] = []
  const read = async (url: string) => {
    const response = await client.get(url, { failOnStatusCode: false })
    const body = await response.body()
    if (response.status() !== 200) failed.push(`${response.status()} ${url}`)
    if (body.includes(0)) withNul.push(url)
    return { response, body }
  }

  const robots = await read('/robots.txt')
  expect(robots.body.toString()).toContain('Sitemap:')
  const index = await read('/sitemap.xml')
  const sitemaps = locations(index.body.toString())
  expect(sitemaps.length).toBeGreaterThan(0)
  const pages: string[] = []
  for (const sitemap of sitemaps) pages.push(...locations((await read(sitemap)).body.toString()))
  // The demo world's storefront: home, catalogue, categories, cooperatives, products, in
  // three languages each.
  expect(pages.length).toBeGreaterThan(100)

  for (const url of pages) {
    const { response, body } = await read(url)
    expect(response.headers()['content-type']).toMatch(/^text\/html/)
    saveHtmlPage({
      url,
      status: response.status(),
      via: 'crawled',
      test: 'sitemap crawl',
      html: body,
    })
  }
  expect(failed).toEqual([])
  expect(withNul).toEqual([])
  await client.dispose()
})
