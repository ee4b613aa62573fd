import sharp from 'sharp'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, logIn, switchLanguage, test } from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

const ar = (key: string, values?: Record<string, string>) => msg('ar', key, values)
const fr = (key: string, values?: Record<string, string>) => msg('fr', key, values)

// A demo cooperative that holds no ONSSA authorisation yet (see db/seed/data).
const cooperative = 'aknari-beni-chiker'
const managerEmail = 'fatiha.elouahabi@demo.taawun.ma'
const demoPassword = 'taawun-demo-2026'
const onssaAr = 'الترخيص الصحي لأونسا'

test('honey is blocked until its ONSSA authorisation is approved, and taken off sale the moment it is revoked', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000)
  const title = `عسل السدر ${Date.now()}`
  await logIn(page, managerEmail, demoPassword)
  await page.goto(`/coop/${cooperative}`)
  await page
    .getByRole('main')
    .getByRole('link', { name: ar('coop.tiles.products') })
    .click()
  await expectAccessible(page)
  await page.getByRole('link', { name: ar('products.add') }).click()
  const photo = await sharp({
    create: { width: 800, height: 800, channels: 3, background: '#d9a441' },
  })
    .jpeg()
    .toBuffer()
  await page
    .getByLabel(ar('newProduct.photo'))
    .setInputFiles({ name: 'honey.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByRole('radio', { name: 'العسل' }).check({ force: true })
  await page.getByLabel(ar('newProduct.name'), { exact: true }).fill(title)
  await page.getByLabel(ar('newProduct.price'), { exact: true }).fill('180')
  await page.getByLabel(ar('newProduct.quantity'), { exact: true }).fill('6')
  await expectAccessible(page)
  await page.getByRole('button', { name: ar('newProduct.save') }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const editUrl = page.url()

  // Publishing is refused: the ONSSA authorisation is missing, with a link to send it.
  await page.getByRole('button', { name: ar('products.publish') }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(ar('products.publishRefused'))
  await expect(alert).toContainText(onssaAr)
  await expectAccessible(page)
  await alert.getByRole('link', { name: ar('gate.uploadLink') }).click()
  await expect(page.getByLabel(ar('newCertificate.type'), { exact: true })).toHaveValue('onssa')
  await page.getByLabel(ar('newCertificate.issuingBody'), { exact: true }).fill('ONSSA')
  const number = `AS.32.${Date.now() % 100000}.26`
  await page.getByLabel(ar('newCertificate.number'), { exact: true }).fill(number)
  await page.getByLabel(ar('newCertificate.issuedAt'), { exact: true }).fill('2025-04-12')
  await page.getByLabel(ar('newCertificate.files', { max: '5' }), { exact: true }).setInputFiles({
    name: 'onssa.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  })
  await expectAccessible(page)
  await page.getByRole('button', { name: ar('newCertificate.submit') }).click()
  await expect(page.getByRole('status')).toHaveText(ar('newCertificate.sent'))
  await expect(page.getByText(ar('certificateState.pending_review'))).toBeVisible()

  // The reviewer approves it.
  const reviewerContext = await browser.newContext({ baseURL, locale: 'ar-MA' })
  const reviewer = await reviewerContext.newPage()
  await logIn(reviewer, adminEmail, adminPassword)
  await reviewer.goto('/admin/certificates')
  await expectAccessible(reviewer)
  await reviewer.getByRole('link', { name: new RegExp(number.replace(/\./g, '\\.')) }).click()
  await expectAccessible(reviewer)
  await reviewer.getByRole('button', { name: ar('certReview.decision.approve') }).click()
  await expect(reviewer.getByRole('status')).toHaveText(ar('certReview.done.approve'))

  // Now it publishes and appears on the public product page with its badge.
  await page.goto(editUrl)
  await page.getByRole('button', { name: ar('products.publish') }).click()
  await expect(page.getByRole('status')).toHaveText(ar('products.published'))
  await page.goto(editUrl)
  await page.getByRole('link', { name: ar('editProduct.viewPublic') }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const productUrl = page.url()
  await expectAccessible(page)
  await page.getByRole('link', { name: onssaAr }).click()
  await expect(page.getByText(ar('verify.state.approved'), { exact: true })).toBeVisible()
  await expect(page.getByText(number)).toBeVisible()
  await expectAccessible(page)
  const verificationUrl = page.url()

  // The same pages in French.
  await switchLanguage(page, 'Français')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.getByText(fr('verify.state.approved'), { exact: true })).toBeVisible()
  await expectAccessible(page)
  await page.goto(productUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expectAccessible(page)

  // The reviewer revokes it: the product leaves the public pages at once.
  await reviewer.goto(verificationUrl.replace('/certificates/', '/admin/certificates/'))
  await reviewer
    .getByLabel(ar('certReview.note'), { exact: true })
    .fill('سحبت أونسا الترخيص بعد التفتيش.')
  await reviewer.getByRole('button', { name: ar('certReview.decision.revoke') }).click()
  await expect(reviewer.getByRole('status')).toHaveText(ar('certReview.done.revoke'))
  const gone = await page.goto(productUrl)
  expect(gone?.status()).toBe(404)
  await page.goto(verificationUrl)
  await expect(page.getByText(fr('verify.state.revoked'), { exact: true })).toBeVisible()

  // The dashboard says why.
  await switchLanguage(page, 'العربية')
  await page.goto(`/coop/${cooperative}/products`)
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) })
  await expect(card).toContainText(ar('products.state.hidden'))
  await expect(card).toContainText(onssaAr)
  await expectAccessible(page)
  await reviewerContext.close()
})
