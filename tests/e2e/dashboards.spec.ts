// Every page of a cooperative's dashboard and of the association's back office opens for
// the people it is for. The journeys reach most of them; this walk reaches the rest, so
// that the HTML check (ADR 009) sees every one, in the three languages.
import { type Page } from '@playwright/test'
import { expect, logIn, test } from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

// A demo cooperative with makers (see db/seed/data/demo-cooperatives.ts).
const cooperative = 'ifassen-n-wakal'
const managerEmail = 'naima.ahrouch@demo.taawun.ma'
const demoPassword = 'taawun-demo-2026'

async function open(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/** The first link of the main content whose address starts with `prefix`. */
async function firstLink(page: Page, prefix: string) {
  const links = page.locator(`main a[href^="${prefix}"]:not([href$="/new"])`)
  const href = await links.first().getAttribute('href')
  expect(href, prefix).toBeTruthy()
  return href!
}

test("a cooperative manager's dashboard, every page", async ({ page }) => {
  await logIn(page, managerEmail, demoPassword)
  const home = `/coop/${cooperative}`
  for (const path of ['', '/products', '/products/new', '/certificates', '/certificates/new'])
    await open(page, `${home}${path}`)
  await open(page, `${home}/makers`)
  await open(page, await firstLink(page, `${home}/makers/`))
  await open(page, `${home}/products`)
  await open(page, await firstLink(page, `${home}/products/`))
  for (const path of ['/profile', '/team']) await open(page, `${home}${path}`)
  await open(page, '/account')
})

test("the association's back office, every page", async ({ page }) => {
  await logIn(page, adminEmail, adminPassword)
  await open(page, '/admin')
  await open(page, '/admin/products')
  for (const queue of ['/admin/cooperatives', '/admin/certificates']) {
    await open(page, queue)
    await open(page, await firstLink(page, `${queue}/`))
  }
})
