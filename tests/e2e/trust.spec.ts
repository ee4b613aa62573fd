import { msg } from './catalogue.ts'
import { expect, expectAccessible, test } from './fixtures.ts'

// Issue 14, trust and clarity: the pages every shop has, the directory of cooperatives and
// the WhatsApp button, on a phone. Tarz Oued Laou (Tétouan, Tanger-Tétouan-Al Hoceïma)
// sells crafts and chose to show its call and WhatsApp buttons (db/seed/data).
const cooperative = {
  slug: 'tarz-oued-laou',
  name: 'Tarz Oued Laou',
  digits: '212539670248',
  region: 'tanger-tetouan-al-hoceima',
  product: 'mendil-raye-rouge-blanc',
}

const newPages = [
  '/about',
  '/certification',
  '/delivery-returns',
  '/terms',
  '/privacy',
  '/contact',
  '/cooperatives',
]

test.use({ viewport: { width: 412, height: 915 } })

/** The page's address that WhatsApp opens with, from a wa.me link. */
function whatsappText(href: string | null) {
  const url = new URL(href ?? '')
  expect(url.origin + url.pathname).toBe(`https://wa.me/${cooperative.digits}`)
  return new URL(url.searchParams.get('text') ?? '').pathname
}

for (const language of ['ar', 'fr'] as const) {
  test(`${language}: a shopper reads how certification works, finds a cooperative in the directory and its WhatsApp link`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000)
    const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
    await page.goto(`/?lng=${language}`)
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr')

    // From the footer: how certification works.
    const footer = page.getByRole('contentinfo')
    await footer.getByRole('link', { name: t('pages.links.certification') }).click()
    await page.waitForURL(/\/certification$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('pages.certification.title'))
    for (const type of ['onssa', 'cosmetic_reg', 'sdoq', 'handmade']) {
      await expect(
        page.getByRole('heading', { level: 2, name: t(`pages.certification.${type}.heading`) }),
      ).toBeVisible()
    }
    await page
      .getByRole('navigation', { name: t('pages.onThisPage') })
      .getByRole('link', { name: t('pages.certification.verify.heading') })
      .click()
    await expect(page.getByText(t('pages.certification.verify.p1'))).toBeInViewport()
    await expectAccessible(page)

    // The footer's "our cooperatives" opens the directory; filter by region and by crafts.
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: t('footer.cooperatives') })
      .click()
    await page.waitForURL(/\/cooperatives$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('directory.title'))
    const filters = page.getByRole('search', { name: t('directory.filters') })
    await filters.getByLabel(t('directory.region')).selectOption(cooperative.region)
    await filters.getByLabel(t('directory.category')).selectOption('crafts')
    await filters.getByRole('button', { name: t('directory.apply') }).click()
    await page.waitForURL(/region=tanger-tetouan-al-hoceima&category=crafts/)
    await expectAccessible(page)
    await page.getByRole('link', { name: cooperative.name, exact: true }).click()
    await page.waitForURL(new RegExp(`/cooperatives/${cooperative.slug}$`))

    // Its page: call and WhatsApp, the WhatsApp message carrying the page's address.
    const whatsapp = page.getByRole('link', {
      name: t('contactButtons.whatsappLabel', { name: cooperative.name }),
    })
    await expect(whatsapp).toBeVisible()
    expect(whatsappText(await whatsapp.getAttribute('href'))).toBe(
      `/cooperatives/${cooperative.slug}`,
    )
    await expect(
      page.getByRole('link', { name: new RegExp(t('contactButtons.call')) }),
    ).toHaveAttribute('href', `tel:+${cooperative.digits}`)
    await expectAccessible(page)
    await page.screenshot({ path: testInfo.outputPath(`${language}-cooperative.png`) })

    // A product of hers: the same buttons, the message carrying the product's address.
    await page.goto(`/products/${cooperative.product}`)
    const productWhatsapp = page.getByRole('link', {
      name: t('contactButtons.whatsappLabel', { name: cooperative.name }),
    })
    expect(whatsappText(await productWhatsapp.getAttribute('href'))).toBe(
      `/products/${cooperative.product}`,
    )
    await expectAccessible(page)
    await productWhatsapp.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`${language}-product-contact.png`) })
  })
}

test('a cooperative that did not choose them shows no call or WhatsApp button', async ({
  page,
}) => {
  await page.goto('/cooperatives/ifassen-n-wakal?lng=fr')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('a[href^="https://wa.me/"]')).toHaveCount(0)
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0)
})

for (const language of ['ar', 'fr', 'en'] as const) {
  test(`${language}: every new page is accessible on a phone`, async ({ page }, testInfo) => {
    test.setTimeout(120_000)
    for (const path of newPages) {
      await page.goto(`${path}?lng=${language}`)
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectAccessible(page)
      // For review: how each page looks at phone size (kept with the test's results).
      await page.screenshot({
        path: testInfo.outputPath(`${language}${path.replaceAll('/', '-')}.png`),
        fullPage: true,
      })
    }
  })
}
