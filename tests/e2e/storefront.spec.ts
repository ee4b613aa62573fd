import { type Page } from '@playwright/test'
import { certificationTypes } from '../../db/seed/data/catalog-reference.ts'
import { regions } from '../../db/seed/data/regions.ts'
import { formatMoney } from '../../app/modules/i18n/format.ts'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, test } from './fixtures.ts'

// A demo product of Tarz Oued Laou (Tanger-Tétouan-Al Hoceïma), sold under the fair trade
// label, in two colourings (see db/seed/data/demo-products.ts).
const product = {
  slug: 'mendil-raye-rouge-blanc',
  title: { ar: 'منديل جبلي مخطط بالأحمر والأبيض', en: 'Red-and-white striped mendil' },
  query: { ar: 'منديل', en: 'mendil' },
  secondVariant: { ar: 'أحمر وأبيض وأسود', en: 'Red, white and black' },
  secondPrice: 48000,
}
const region = regions.find((r) => r.code === 'tanger-tetouan-al-hoceima')!
const fairTrade = certificationTypes.find((t) => t.code === 'fair_trade')!

type Language = 'ar' | 'en'
const name = (record: { nameAr: string; nameEn: string }, language: Language) =>
  language === 'ar' ? record.nameAr : record.nameEn

async function findAndBuy(page: Page, language: Language, javaScript: boolean) {
  const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
  // axe runs inside the page, so only where scripts may run.
  const checkAccessibility = () => (javaScript ? expectAccessible(page) : Promise.resolve())
  await page.goto(language === 'ar' ? '/' : '/?lng=en')
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr')
  await checkAccessibility()

  // Search from the home page.
  const search = page.getByRole('main').getByLabel(t('catalog.searchLabel'))
  await search.fill(product.query[language])
  await search.press('Enter')
  await page.waitForURL(/\/products\?q=/)
  await expect(page.getByRole('link', { name: product.title[language] })).toBeVisible()

  // Filter by region, then by a certification badge.
  const filters = page.getByRole('search', { name: t('catalog.filters') })
  if (!javaScript) await filters.getByText(t('catalog.filters'), { exact: true }).click()
  await filters.getByLabel(t('catalog.region')).selectOption(region.code)
  if (!javaScript) await filters.getByRole('button', { name: t('catalog.apply') }).click()
  await page.waitForURL(/region=tanger-tetouan-al-hoceima/)
  // Applied filters fold away on phones and without JavaScript (the chips show them).
  if (!javaScript) await filters.getByText(t('catalog.filters'), { exact: true }).click()
  const badge = page.getByRole('checkbox', { name: new RegExp(name(fairTrade, language)) })
  await badge.check()
  if (!javaScript) {
    await page
      .getByRole('search', { name: t('catalog.filters') })
      .getByRole('button', { name: t('catalog.apply') })
      .click()
  }
  await page.waitForURL(/badge=fair_trade/)
  if (!javaScript) await filters.getByText(t('catalog.filters'), { exact: true }).click()
  await expect(
    page.getByRole('checkbox', { name: new RegExp(name(fairTrade, language)) }),
  ).toBeChecked()
  await checkAccessibility()

  // Open the product and choose the other colouring.
  await page.getByRole('link', { name: product.title[language] }).click()
  await page.waitForURL(new RegExp(`/products/${product.slug}`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title[language])
  await checkAccessibility()
  await page.getByRole('radio', { name: new RegExp(product.secondVariant[language]) }).check()
  if (!javaScript) await page.getByRole('button', { name: t('product.show') }).click()
  await page.waitForURL(/variant=/)
  await expect(
    page.getByText(formatMoney(product.secondPrice, language), { exact: true }),
  ).toBeVisible()

  // Follow the badge to the certificate's public verification page.
  await page
    .getByRole('list', { name: t('product.certifications') })
    .getByRole('link', { name: new RegExp(name(fairTrade, language)) })
    .click()
  await page.waitForURL(/\/certificates\//)
  await expect(page.getByText(t('verify.state.approved'), { exact: true })).toBeVisible()
  await checkAccessibility()
}

for (const language of ['ar', 'en'] as const) {
  test(`${language}: search, filter by region and badge, choose a variant, verify the badge`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await findAndBuy(page, language, true)
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  for (const language of ['ar', 'en'] as const) {
    test(`${language}: the same journey with plain forms and links`, async ({ page }) => {
      test.setTimeout(120_000)
      await findAndBuy(page, language, false)
    })
  }
})

test('a product that is not on sale answers 404 with similar products', async ({ page }) => {
  // Hidden in the demo world: its handmade-label certificate was rejected.
  const response = await page.goto('/products/nappe-brodee-tetouan?lng=en')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    msg('en', 'product.unavailableTitle'),
  )
  await expect(page.getByRole('heading', { name: msg('en', 'product.similar') })).toBeVisible()
  await expectAccessible(page)
})
