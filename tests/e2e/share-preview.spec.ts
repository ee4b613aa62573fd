// What a link preview (Facebook, WhatsApp, X…) reads on a product, a cooperative and a
// certificate page: the server's HTML only, no script run, in the three languages.
import { type Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, test } from './fixtures.ts'

const crawler = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'
const ogLocales = { ar: 'ar_MA', fr: 'fr_MA', en: 'en_MA' } as const
type Language = keyof typeof ogLocales
const languages = Object.keys(ogLocales) as Language[]

test.use({ javaScriptEnabled: false, userAgent: crawler })

async function metaContent(page: Page, key: string): Promise<string[]> {
  const attribute = key.startsWith('og:') ? 'property' : 'name'
  return page
    .locator(`head meta[${attribute}="${key}"]`)
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content') ?? ''))
}

async function one(page: Page, key: string): Promise<string> {
  const values = await metaContent(page, key)
  expect(values, key).toHaveLength(1)
  expect(values[0], key).not.toBe('')
  return values[0]!
}

/** Checks the preview of the page at `path` in one language; returns its JSON-LD. */
async function expectCompletePreview(page: Page, path: string, language: Language) {
  const address = new URL(path, process.env.E2E_BASE_URL)
  if (language !== 'ar') address.searchParams.set('lng', language)
  const response = await page.goto(address.href)
  expect(response?.status()).toBe(200)

  const title = await page.title()
  expect(await one(page, 'og:title')).toBe(title)
  expect(await one(page, 'twitter:title')).toBe(title)
  const description = await one(page, 'description')
  expect(await one(page, 'og:description')).toBe(description)
  expect(await one(page, 'og:site_name')).toBe('Taawun')
  await one(page, 'og:type')

  // The address of this language, and the others as alternates.
  const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href')
  expect(canonical).toBe(address.href)
  expect(await one(page, 'og:url')).toBe(canonical)
  const alternates = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]))
  const plain = new URL(path, process.env.E2E_BASE_URL).href
  expect(Object.fromEntries(alternates)).toEqual({
    ar: plain,
    fr: `${plain}${plain.includes('?') ? '&' : '?'}lng=fr`,
    en: `${plain}${plain.includes('?') ? '&' : '?'}lng=en`,
    'x-default': plain,
  })
  expect(await one(page, 'og:locale')).toBe(ogLocales[language])
  expect((await metaContent(page, 'og:locale:alternate')).sort()).toEqual(
    languages
      .filter((l) => l !== language)
      .map((l) => ogLocales[l])
      .sort(),
  )

  // The picture: absolute, served, and exactly the size and type announced.
  const image = await one(page, 'og:image')
  expect(image).toMatch(/^https?:\/\//)
  expect(await one(page, 'twitter:image')).toBe(image)
  expect(await one(page, 'twitter:card')).toBe('summary_large_image')
  await one(page, 'og:image:alt')
  expect(await one(page, 'twitter:image:alt')).toBe(await one(page, 'og:image:alt'))
  const picture = await page.request.get(image)
  expect(picture.status()).toBe(200)
  expect(picture.headers()['content-type']).toBe(await one(page, 'og:image:type'))
  const size = await sharp(await picture.body()).metadata()
  expect(Number(await one(page, 'og:image:width'))).toBe(size.width)
  expect(Number(await one(page, 'og:image:height'))).toBe(size.height)

  const jsonLd = await page
    .locator('head script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''))
  expect(jsonLd).toHaveLength(1)
  const data = JSON.parse(jsonLd[0]!) as Record<string, unknown>
  expect(data['@context']).toBe('https://schema.org')
  expect(data.name).toEqual(expect.any(String))
  expect(data.url).toBe(plain)
  return data
}

test('product, cooperative and certificate pages carry a complete link preview in ar, fr and en', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const product = '/products/mendil-raye-rouge-blanc'
  await page.goto(product)
  const cooperative = await page
    .locator('main a[href^="/cooperatives/"]')
    .first()
    .getAttribute('href')
  const certificate = await page
    .locator('main a[href^="/certificates/"]')
    .first()
    .getAttribute('href')
  expect(cooperative).toBeTruthy()
  expect(certificate).toBeTruthy()

  for (const language of languages) {
    const item = await expectCompletePreview(page, product, language)
    expect(item['@type']).toBe('Product')
    expect(item.image).toEqual(expect.arrayContaining([expect.stringMatching(/^https?:\/\//)]))
    expect(item.brand).toMatchObject({ '@type': 'Brand', name: expect.any(String) })
    expect(item.offers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          '@type': 'Offer',
          price: expect.stringMatching(/^\d+\.\d{2}$/),
          priceCurrency: 'MAD',
          availability: expect.stringMatching(/^https:\/\/schema\.org\/\w+$/),
        }),
      ]),
    )
    expect(await one(page, 'og:type')).toBe('product')

    const organization = await expectCompletePreview(page, cooperative!, language)
    expect(organization['@type']).toBe('Organization')
    expect(organization.logo).toMatch(/^https?:\/\//)
    expect(organization.address).toMatchObject({ '@type': 'PostalAddress', addressCountry: 'MA' })

    const certification = await expectCompletePreview(page, certificate!, language)
    expect(certification).toMatchObject({
      '@type': 'Certification',
      certificationIdentification: expect.any(String),
      certificationStatus: 'https://schema.org/CertificationActive',
      issuedBy: { '@type': 'Organization', name: expect.any(String) },
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      about: { '@type': 'Organization', name: expect.any(String) },
    })
  }
})
