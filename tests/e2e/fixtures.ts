import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { generateSync } from 'otplib'
import { msg } from './catalogue.ts'
import { HtmlPageRecorder } from './html-pages.ts'

export const test = base.extend<{ htmlPages: void }>({
  // The server started by the global setup, on a port chosen at run time.
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL)
  },
  // Every page of every test goes to the HTML check, in every browser context it opens.
  htmlPages: [
    async ({ browser, context }, use, testInfo) => {
      const recorder = new HtmlPageRecorder(testInfo.titlePath.slice(1).join(' › '))
      recorder.followContext(context)
      const newContext = browser.newContext
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const created = await newContext.apply(browser, args)
        recorder.followContext(created)
        return created
      }
      await use()
      browser.newContext = newContext
      await recorder.settle()
    },
    { auto: true },
  ],
})

export { expect }

/** WCAG 2.2 A/AA checks of the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary).toEqual([])
}

const labels = {
  email: /^(البريد الإلكتروني|E-mail)$/,
  password: /^(كلمة المرور|Mot de passe|Password)$/,
  logIn: /^(دخول|Se connecter|Log in)$/,
}

/** A message in any of the three languages, for pages whatever their language. */
function anyLanguage(key: string) {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^(${(['ar', 'fr', 'en'] as const).map((l) => escape(msg(l, key))).join('|')})$`,
  )
}

// Authenticator secrets of the accounts the tests enrolled, kept in a file of this server's
// run (the worker that enrolled an account may not be the one that logs in next).
type Enrolled = Record<string, { secret: string; lastStep: number }>
function enrolledFile() {
  const port = new URL(process.env.E2E_BASE_URL ?? 'http://localhost:0').port
  return path.join(os.tmpdir(), `taawun-e2e-totp-${port}.json`)
}
function readEnrolled(): Enrolled {
  try {
    return JSON.parse(fs.readFileSync(enrolledFile(), 'utf8')) as Enrolled
  } catch {
    return {}
  }
}
function remember(email: string, entry: Enrolled[string]) {
  fs.writeFileSync(enrolledFile(), JSON.stringify({ ...readEnrolled(), [email]: entry }))
}

/**
 * The code the authenticator app would show now. A code is accepted once only, so after a
 * log in within the same 30 seconds the next step's code is used (the server accepts one step
 * either side).
 */
export function currentCode(email: string, secret = readEnrolled()[email]?.secret) {
  if (!secret) throw new Error(`No authenticator enrolled for ${email} in this run`)
  const last = readEnrolled()[email]?.lastStep ?? 0
  const step = Math.max(Math.floor(Date.now() / 30_000), last + 1)
  remember(email, { secret, lastStep: step })
  return generateSync({ secret, epoch: step * 30 })
}

/** Enrol an authenticator on the enrolment page; returns the secret and the recovery codes. */
export async function enrolAuthenticator(page: Page, email: string) {
  await page.getByRole('button', { name: anyLanguage('twoFactor.setup.start') }).click()
  await expect(
    page.getByRole('img', { name: anyLanguage('twoFactor.setup.qrLabel') }),
  ).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  remember(email, { secret, lastStep: 0 })
  await page.getByLabel(anyLanguage('twoFactor.fields.code')).fill(currentCode(email))
  await page.getByRole('button', { name: anyLanguage('twoFactor.setup.confirm') }).click()
  const codes = await page.getByRole('listitem').filter({ hasText: /^[a-z0-9]{5}-[a-z0-9]{5}$/ })
  await expect(codes).toHaveCount(10)
  return { secret, recoveryCodes: await codes.allTextContents() }
}

/**
 * Log in with the password; association staff then pass the second factor (enrolling an
 * authenticator at their first log in), as people do.
 */
export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel(labels.email).fill(email)
  await page.getByLabel(labels.password).fill(password)
  await page.getByRole('main').getByRole('button', { name: labels.logIn }).click()
  // Done when the page moved on, or when it says why not.
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.getByRole('alert').waitFor(),
  ])
  const { pathname } = new URL(page.url())
  if (pathname === '/account/two-factor') {
    await enrolAuthenticator(page, email)
    await page.getByRole('link', { name: anyLanguage('twoFactor.recovery.continue') }).click()
    await page.waitForURL((url) => url.pathname !== '/account/two-factor')
  } else if (pathname === '/login/two-factor') {
    await page.getByLabel(anyLanguage('twoFactor.fields.code')).fill(currentCode(email))
    await page.getByRole('button', { name: anyLanguage('twoFactor.verify.submit') }).click()
    await Promise.race([
      page.waitForURL((url) => url.pathname !== '/login/two-factor'),
      page.getByRole('alert').waitFor(),
    ])
  }
}

/** Open the verification link e-mailed to `email` (shown on the development mailbox). */
export async function confirmEmailFromMailbox(page: Page, email: string) {
  await page.goto('/dev/mail')
  await page
    .getByRole('article')
    .filter({ hasText: email })
    .filter({ hasText: '/verify-email?token=' })
    .first()
    .getByRole('link')
    .click()
  await page.getByRole('button', { name: anyLanguage('verifyEmail.confirm') }).click()
  await page.waitForURL((url) => url.pathname !== '/verify-email')
}

export async function switchLanguage(page: Page, languageName: 'العربية' | 'Français' | 'English') {
  await page.getByRole('button', { name: languageName }).click()
}
