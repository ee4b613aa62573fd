import { type Page } from '@playwright/test'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, test } from './fixtures.ts'

// The site's header on a phone: one row (logo, search icon, cart, menu), a menu that opens
// and works without JavaScript, and one search box per page.
test.use({ viewport: { width: 412, height: 915 } })

type Language = 'ar' | 'fr'

/** The header is one row: no taller than its tallest control, give or take its padding. */
async function expectOneRow(page: Page, language: Language) {
  const header = page.getByRole('banner')
  const headerBox = (await header.boundingBox())!
  const cart = header.getByRole('link', {
    name: msg(language, 'cart.headerCount', { count: '0' }),
  })
  const rowBox = (await cart.boundingBox())!
  // A second row would at least double the height of the tallest item.
  expect(headerBox.height).toBeLessThan(rowBox.height * 2)
  const logo = header.getByRole('link', { name: msg(language, 'brand.name') })
  const summary = header.getByText(msg(language, 'nav.menu'), { exact: true })
  for (const item of [logo, summary]) {
    const box = (await item.boundingBox())!
    // Every item of the row sits within the cart's row.
    expect(box.y).toBeLessThan(rowBox.y + rowBox.height)
    expect(box.y + box.height).toBeGreaterThan(rowBox.y)
  }
}

/** Visible search boxes on the page: exactly one. */
async function expectOneSearchBox(page: Page) {
  await expect(page.getByRole('searchbox').filter({ visible: true })).toHaveCount(1)
}

for (const language of ['ar', 'fr'] as const) {
  test(`${language}: one row, one search box on home and catalogue, a search icon elsewhere`, async ({
    page,
  }) => {
    const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
    await page.goto(`/?lng=${language}`)
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr')
    await expectOneRow(page, language)
    await expectOneSearchBox(page)
    await expectAccessible(page)

    await page.goto('/products')
    await expectOneRow(page, language)
    await expectOneSearchBox(page)

    // A page without a search box of its own: the header's icon leads to the catalogue's,
    // ready to type.
    await page.goto('/cart')
    await expectOneRow(page, language)
    await expect(page.getByRole('searchbox').filter({ visible: true })).toHaveCount(0)
    await page
      .getByRole('banner')
      .getByRole('link', { name: t('nav.searchProducts') })
      .click()
    await page.waitForURL(/\/products#catalog-search$/)
    await expect(page.getByRole('searchbox', { name: t('catalog.searchLabel') })).toBeFocused()
    await expectOneSearchBox(page)

    // The menu opens and closes with the keyboard.
    const menu = page.getByRole('banner').getByText(t('nav.menu'), { exact: true })
    const products = page
      .getByRole('navigation', { name: t('nav.menu') })
      .getByRole('link', { name: t('nav.products') })
    await expect(products).toBeHidden()
    await menu.click()
    await expect(products).toBeVisible()
    await expectAccessible(page)
    await page
      .getByRole('navigation', { name: t('nav.menu') })
      .getByRole('link', {
        name: t('nav.logIn'),
      })
      .click()
    await page.waitForURL(/\/login$/)
    // Followed in the page, the link folds the menu.
    await expect(products).toBeHidden()
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  for (const language of ['ar', 'fr'] as const) {
    test(`${language}: the menu opens, its links and languages work`, async ({ page }) => {
      const t = (key: string) => msg(language, key)
      await page.goto(`/cart?lng=${language}`)
      await expectOneRow(page, language)
      const nav = page.getByRole('navigation', { name: t('nav.menu') })
      await expect(nav).toBeHidden()
      await page.getByRole('banner').getByText(t('nav.menu'), { exact: true }).click()
      await expect(nav).toBeVisible()
      await nav.getByRole('link', { name: t('nav.products') }).click()
      await page.waitForURL(/\/products$/)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('catalog.title'))
      await expectOneSearchBox(page)

      // The other language, from the menu.
      const other = language === 'ar' ? 'fr' : 'ar'
      await page.getByRole('banner').getByText(t('nav.menu'), { exact: true }).click()
      await nav.getByRole('button', { name: other === 'ar' ? 'العربية' : 'Français' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', other)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg(other, 'catalog.title'))
    })
  }
})
