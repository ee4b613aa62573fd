import { type Browser, type Page } from '@playwright/test'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, logIn, test } from './fixtures.ts'

// Two demo products on sale, from two cooperatives (see db/seed/data/demo-products.ts).
const products = [
  {
    slug: 'savon-huile-olive-romarin',
    cooperative: 'warda-zemmour',
    manager: 'meryem.aitlahcen@demo.taawun.ma',
  },
  {
    slug: 'thym-sauvage-montagne',
    cooperative: 'raihana-bab-taza',
    manager: 'zineb.aflahi@demo.taawun.ma',
  },
]
const demoPassword = 'taawun-demo-2026'

type Language = 'ar' | 'fr'

async function open(browser: Browser, language: Language, javaScript: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    locale: language === 'ar' ? 'ar-MA' : 'fr-MA',
    viewport: { width: 412, height: 915 },
  })
  const page = await context.newPage()
  // The language chosen by the URL is remembered for the rest of the visit.
  await page.goto(language === 'ar' ? '/?lng=ar' : '/?lng=fr')
  return page
}

async function buy(page: Page, language: Language, javaScript: boolean, email: string) {
  const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
  const accessible = () => (javaScript ? expectAccessible(page) : Promise.resolve())
  for (const [index, product] of products.entries()) {
    await page.goto(`/products/${product.slug}`)
    await page.getByRole('button', { name: t('product.addToCart') }).click()
    if (javaScript) {
      // The page stays; the header counts what is in the cart.
      await expect(page.getByText(t('cart.added'))).toBeVisible()
      await expect(
        page.getByRole('link', { name: t('cart.headerCount', { count: String(index + 1) }) }),
      ).toBeVisible()
    } else {
      // Back on the product page, with a toast.
      await page.waitForURL(new RegExp(`/products/${product.slug}`))
      await expect(page.getByText(t('cart.added'))).toBeVisible()
    }
  }
  await page.goto('/cart')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('cart.title'))
  await accessible()
  await page.getByRole('link', { name: t('cart.checkout') }).click()
  await page.waitForURL(/\/checkout/)
  await expect(page.getByText(t('checkout.totalPending'))).toBeVisible()

  await page
    .getByLabel(t('checkout.name'))
    .fill(language === 'ar' ? 'ليلى الإدريسي' : 'Leïla Idrissi')
  await page.getByLabel(t('checkout.phone')).fill('06 12 34 56 78')
  await page.getByLabel(t('checkout.email')).fill(email)
  await page.getByLabel(t('cooperativeForm.region')).selectOption('rabat-sale-kenitra')
  await page.getByLabel(t('cooperativeForm.province')).selectOption('rabat')
  await page.getByLabel(t('checkout.city')).fill(language === 'ar' ? 'الرباط' : 'Rabat')
  await page
    .getByLabel(t('checkout.addressLine'))
    .fill(language === 'ar' ? 'زنقة فاس 12، قرب المسجد' : 'Rue de Fès 12, près de la mosquée')
  if (!javaScript) {
    // Without scripts, the delivery cost is asked for with a button.
    await page.getByRole('button', { name: t('checkout.updateFees') }).click()
  }
  // Both parcels go to another region: 40 MAD each.
  await expect(page.getByText(t('checkout.totalPending'))).toHaveCount(0)
  await accessible()
  await page.getByLabel(t('checkout.terms')).check()
  await page.getByRole('button', { name: t('checkout.place') }).click()
  await expect(page.getByText(t('orders.thanks'))).toBeVisible()
  await accessible()
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.match(
    /TW-\d{4}-\d{6}/,
  )![0]
  return { number, trackingUrl: page.url() }
}

async function fulfil(
  page: Page,
  language: Language,
  javaScript: boolean,
  number: string,
  cooperative: string,
) {
  const t = (key: string) => msg(language, key)
  await page.goto(`/coop/${cooperative}/orders`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('coopOrders.title'))
  if (javaScript) await expectAccessible(page)
  await page.getByRole('link', { name: new RegExp(number) }).click()
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/)
  // The manager calls the customer first.
  await expect(page.getByRole('link', { name: /06 ?12 ?34 ?56 ?78|0612345678/ })).toHaveAttribute(
    'href',
    'tel:+212612345678',
  )
  if (javaScript) await expectAccessible(page)
  const step = async (action: string, status: string) => {
    await page.getByRole('button', { name: t(`orders.actions.${action}`) }).click()
    await expect(page.getByText(t(`orders.moved.${action}`))).toBeVisible()
    await expect(page.getByText(t(`orders.status.${status}`)).first()).toBeVisible()
  }
  await step('confirm', 'placed')
  await step('accept', 'preparing')
  await page.getByLabel(t('coopOrders.carrier')).selectOption('amana')
  await page
    .getByLabel(t('coopOrders.trackingNumber'))
    .fill(`RR${number.slice(-6)}${cooperative.length}MA`)
  await step('ship', 'shipped')
  if (javaScript) await expectAccessible(page)
  await step('deliver', 'delivered')
}

for (const language of ['ar', 'fr'] as const) {
  for (const javaScript of [true, false]) {
    test(`a guest buys from two cooperatives, each confirms, ships and delivers (${language}, ${javaScript ? 'with' : 'without'} JavaScript)`, async ({
      browser,
    }) => {
      test.setTimeout(180_000)
      const t = (key: string) => msg(language, key)
      const email = `buyer-${language}-${javaScript ? 'js' : 'nojs'}@example.ma`
      const customer = await open(browser, language, javaScript)
      const { number, trackingUrl } = await buy(customer, language, javaScript, email)

      for (const product of products) {
        const manager = await open(browser, language, javaScript)
        await logIn(manager, product.manager, demoPassword)
        await fulfil(manager, language, javaScript, number, product.cooperative)
        await manager.context().close()
      }

      // The customer follows both parcels on the page of her link.
      await customer.goto(trackingUrl)
      await expect(
        customer.getByText(t('orders.statusHint.delivered'), { exact: true }),
      ).toHaveCount(2)
      await expect(customer.getByText(/RR\d+MA/)).toHaveCount(2)
      if (javaScript) await expectAccessible(customer)
      // …and in her e-mails (the development mailbox of this machine).
      await customer.goto('/dev/mail')
      const mails = customer.getByRole('article').filter({ hasText: email })
      await expect(mails.filter({ hasText: number })).not.toHaveCount(0)
      for (const template of [
        'orderReceived',
        'orderConfirmed',
        'orderShipped',
        'orderDelivered',
      ]) {
        const subject = msg(language, `emails.${template}.subject`, { number, cooperative: '' })
          .split(/\s+/)
          .slice(0, 2)
          .join(' ')
        await expect(mails.filter({ hasText: subject }).first()).toBeVisible()
      }
      await customer.context().close()
    })
  }
}
