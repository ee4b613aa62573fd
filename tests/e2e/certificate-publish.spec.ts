import sharp from 'sharp'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, logIn, test } from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

const ar = (key: string, values?: Record<string, string>) => msg('ar', key, values)

// A demo cosmetics cooperative: each soap needs its own cosmetic registration (see db/seed/data),
// so a new soap stays a draft until the association approves the registration sent for it.
const cooperative = 'warda-zemmour'
const managerEmail = 'meryem.aitlahcen@demo.taawun.ma'
const demoPassword = 'taawun-demo-2026'

test.use({ viewport: { width: 412, height: 915 }, locale: 'ar-MA' })

test('after the association approves a certificate, the manager publishes the drafts it covers from the e-mail', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000)
  const title = `صابون الخزامى ${Date.now()}`

  // The manager makes a draft soap and sends its registration.
  await logIn(page, managerEmail, demoPassword)
  await page.goto(`/coop/${cooperative}/products/new`)
  const photo = await sharp({
    create: { width: 800, height: 800, channels: 3, background: '#8e4d9e' },
  })
    .jpeg()
    .toBuffer()
  await page
    .getByLabel(ar('newProduct.photo'))
    .setInputFiles({ name: 'soap.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByRole('radio', { name: 'الصابون' }).check({ force: true })
  await page.getByLabel(ar('newProduct.name'), { exact: true }).fill(title)
  await page.getByLabel(ar('newProduct.price'), { exact: true }).fill('45')
  await page.getByLabel(ar('newProduct.quantity'), { exact: true }).fill('12')
  await page.getByRole('button', { name: ar('newProduct.save') }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const editUrl = page.url()

  await page.goto(`/coop/${cooperative}/certificates/new?type=cosmetic_reg`)
  // A registration is given product by product: no "whole cooperative" choice is offered.
  await expect(page.getByText(ar('newCertificate.scopeFixedProducts'))).toBeVisible()
  await expect(
    page.getByRole('radio', { name: ar('newCertificate.scopeCooperative') }),
  ).toHaveCount(0)
  await page.getByLabel(ar('newCertificate.issuingBody'), { exact: true }).fill('AMMPS')
  const number = `AMMPS-COS-${Date.now() % 1000000}`
  await page.getByLabel(ar('newCertificate.number'), { exact: true }).fill(number)
  await page.getByLabel(ar('newCertificate.issuedAt'), { exact: true }).fill('2026-01-15')
  await page.getByLabel(ar('newCertificate.expiresAt'), { exact: true }).fill('2031-01-15')
  await page.getByRole('checkbox', { name: title }).check()
  await page.getByLabel(ar('newCertificate.files', { max: '5' }), { exact: true }).setInputFiles({
    name: 'registration.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  })
  await page.getByRole('button', { name: ar('newCertificate.submit') }).click()
  await expect(page.getByRole('status')).toHaveText(ar('newCertificate.sent'))

  // While it waits, the product says so instead of asking for the certificate again.
  await page.goto(`/coop/${cooperative}/products`)
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) })
  await card.getByRole('button', { name: ar('products.publish') }).click()
  const refusal = page.getByRole('alert')
  await expect(refusal).toContainText(ar('products.publishRefused'))
  await expect(refusal.getByRole('link', { name: ar('certWatch.pendingLink') })).toBeVisible()
  await expect(refusal.getByRole('link', { name: ar('gate.uploadLink') })).toHaveCount(0)

  // The reviewer approves it.
  const reviewerContext = await browser.newContext({
    baseURL,
    locale: 'ar-MA',
    viewport: { width: 412, height: 915 },
  })
  const reviewer = await reviewerContext.newPage()
  await logIn(reviewer, adminEmail, adminPassword)
  await reviewer.goto('/admin/certificates')
  await reviewer.getByRole('link', { name: new RegExp(number) }).click()
  await reviewer.getByRole('button', { name: ar('certReview.decision.approve') }).click()
  await expect(reviewer.getByRole('status')).toHaveText(ar('certReview.done.approve'))
  await reviewerContext.close()

  // The dashboard says it too, with the way to publish.
  await page.goto(`/coop/${cooperative}`)
  await expect(page.getByRole('link', { name: ar('certWatch.ready.action') })).toBeVisible()

  // The manager reads the e-mail: the decision in Arabic, the draft named, a link to publish.
  await page.goto('/dev/mail')
  const mail = page
    .getByRole('article')
    .filter({ hasText: managerEmail })
    .filter({ hasText: number })
    .first()
  await expect(mail).toContainText(ar('certificateMail.decision.approve'))
  await expect(mail).toContainText(title)
  await expect(mail).not.toContainText('approve')
  const publishLink = mail.locator('a[href*="/products/publish?certificate="]')
  await expect(publishLink).toHaveCount(1)
  await publishLink.click()

  // Opening the link changed nothing yet: a page to confirm, with the draft ticked.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('certWatch.publish.title'))
  await expect(page.getByRole('checkbox', { name: title })).toBeChecked()
  await expectAccessible(page)
  await page.getByRole('button', { name: ar('certWatch.publish.submit') }).click()
  await expect(page.getByRole('status')).toHaveText(ar('certWatch.publish.doneToast'))

  // It is on sale on the storefront.
  await page.goto(editUrl)
  await page.getByRole('link', { name: ar('editProduct.viewPublic') }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('button', { name: ar('product.addToCart') })).toBeVisible()
  await expectAccessible(page)
})
