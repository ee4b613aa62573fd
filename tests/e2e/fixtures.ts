import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
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

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel(labels.email).fill(email)
  await page.getByLabel(labels.password).fill(password)
  await page.getByRole('main').getByRole('button', { name: labels.logIn }).click()
  // Done when the page moved on, or when it says why not.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.getByRole('alert').waitFor(),
  ])
}

export async function switchLanguage(page: Page, languageName: 'العربية' | 'Français' | 'English') {
  await page.getByRole('button', { name: languageName }).click()
}
