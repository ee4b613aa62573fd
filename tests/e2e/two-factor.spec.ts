import { msg } from './catalogue.ts'
import {
  currentCode,
  enrolAuthenticator,
  expect,
  expectAccessible,
  logIn,
  test,
} from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

const ar = (key: string, values?: Record<string, string>) => msg('ar', key, values)
const fr = (key: string, values?: Record<string, string>) => msg('fr', key, values)

test('a manager turns on two-step verification, logs in with a code, then with a recovery code (Arabic)', async ({
  page,
}) => {
  const email = `nadia-${Date.now()}@example.com`
  const password = 'saffron-of-taliouine-26'
  await page.goto('/signup')
  await page.getByLabel(ar('fields.name'), { exact: true }).fill('Nadia Ait Lahcen')
  await page.getByLabel(ar('fields.email'), { exact: true }).fill(email)
  await page.getByLabel(ar('fields.password'), { exact: true }).fill(password)
  await page.getByLabel(ar('fields.confirmPassword'), { exact: true }).fill(password)
  await page.getByRole('button', { name: ar('signup.submit') }).click()
  await expect(page).toHaveURL(/\/account$/)

  // Enrolment: a QR code drawn by the server, the key to type by hand, a first code.
  await page.getByRole('link', { name: ar('twoFactor.account.enable') }).click()
  await expect(page).toHaveURL(/\/account\/two-factor$/)
  await expectAccessible(page)
  const { recoveryCodes } = await enrolAuthenticator(page, email)
  await expect(page.getByRole('heading', { name: ar('twoFactor.recovery.title') })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: ar('twoFactor.recovery.continue') }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByText(ar('twoFactor.account.on'))).toBeVisible()

  // Log in: the password, then the code from the app.
  await page.getByRole('button', { name: ar('nav.logOut'), exact: true }).click()
  await page.goto('/login')
  await page.getByLabel(ar('fields.email'), { exact: true }).fill(email)
  await page.getByLabel(ar('fields.password'), { exact: true }).fill(password)
  await page
    .getByRole('main')
    .getByRole('button', { name: ar('login.submit') })
    .click()
  await expect(page).toHaveURL(/\/login\/two-factor\?redirectTo=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('twoFactor.verify.title'))
  await expectAccessible(page)
  await page.getByLabel(ar('twoFactor.fields.code'), { exact: true }).fill('000000')
  await page.getByRole('button', { name: ar('twoFactor.verify.submit') }).click()
  await expect(page.getByText(ar('twoFactor.errors.codeInvalid'))).toBeVisible()
  await page.getByLabel(ar('twoFactor.fields.code'), { exact: true }).fill(currentCode(email))
  await page.getByRole('button', { name: ar('twoFactor.verify.submit') }).click()
  await expect(page).toHaveURL(/\/account$/)

  // Lost phone: a recovery code works once.
  await page.getByRole('button', { name: ar('nav.logOut'), exact: true }).click()
  await page.goto('/login')
  await page.getByLabel(ar('fields.email'), { exact: true }).fill(email)
  await page.getByLabel(ar('fields.password'), { exact: true }).fill(password)
  await page
    .getByRole('main')
    .getByRole('button', { name: ar('login.submit') })
    .click()
  await page.getByLabel(ar('twoFactor.fields.code'), { exact: true }).fill(recoveryCodes[0]!)
  await page.getByRole('button', { name: ar('twoFactor.verify.submit') }).click()
  await expect(page).toHaveURL(/\/account$/)
  await page.goto('/account/two-factor')
  await expect(page.getByText(ar('twoFactor.setup.remaining', { count: '9' }))).toBeVisible()
})

test('association staff never reach /admin on the password alone (French)', async ({ page }) => {
  await page.goto('/login?lng=fr')
  await page.getByLabel(fr('fields.email'), { exact: true }).fill(adminEmail)
  await page.getByLabel(fr('fields.password'), { exact: true }).fill(adminPassword)
  await page
    .getByRole('main')
    .getByRole('button', { name: fr('login.submit') })
    .click()
  // Enrolled already by an earlier log in of this run, or enrolling now: either way not /admin.
  await expect(page).toHaveURL(/\/(login|account)\/two-factor\?redirectTo=/)
  await page.goto('/admin')
  await expect(page).not.toHaveURL(/\/admin$/)
  await page.context().clearCookies()
  await logIn(page, adminEmail, adminPassword)
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin$/)
  await expectAccessible(page)
})
