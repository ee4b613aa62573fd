// `npm run screenshots`: phone-size pictures (412 × 915) of the pages people ask about, taken
// from the production build (run `npm run build` first) on a fresh embedded database with the
// demo world, into docs/screenshots/. Chromium is launched as the end-to-end tests launch it.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type LaunchOptions, type Page } from '@playwright/test'
import { startServer } from '#tests/e2e/server.ts'
import playwrightConfig from '../playwright.config.ts'

const outDir = path.resolve('docs/screenshots')
const phone = { width: 412, height: 915 }
const demoPassword = 'taawun-demo-2026'
/** The demo manager whose cooperative's handmade label expires within days. */
const manager = { email: 'naima.ahrouch@demo.taawun.ma', cooperative: 'ifassen-n-wakal' }
/** A demo product whose facts are written in French, shown on an Arabic page. */
const productWithFrenchFacts = 'miel-thym-talassemtane'

type Shot = {
  file: string
  path: string
  /** Scrolled into view before the picture (otherwise the top of the page). */
  scrollTo?: string
  signedIn?: boolean
}

const shots: Shot[] = [
  { file: 'home-header-ar.png', path: '/?lng=ar' },
  { file: 'home-header-fr.png', path: '/?lng=fr' },
  { file: 'product-ar.png', path: `/products/${productWithFrenchFacts}?lng=ar` },
  {
    file: 'product-ar-french-facts.png',
    path: `/products/${productWithFrenchFacts}?lng=ar`,
    scrollTo: '#facts-heading',
  },
  { file: 'cooperatives-ar.png', path: '/cooperatives?lng=ar' },
  { file: 'certification-ar.png', path: '/certification?lng=ar' },
  { file: 'manager-dashboard-ar.png', path: `/coop/${manager.cooperative}?lng=ar`, signedIn: true },
  {
    file: 'manager-certificates-ar.png',
    path: `/coop/${manager.cooperative}/certificates?lng=ar`,
    signedIn: true,
  },
]

if (!fs.existsSync('build/server/index.js')) {
  console.error('No production build: run `npm run build` first.')
  process.exit(1)
}

const launchOptions: LaunchOptions =
  (playwrightConfig.projects?.[0]?.use?.launchOptions as LaunchOptions | undefined) ?? {}

fs.mkdirSync(outDir, { recursive: true })
const server = await startServer({})
const browser = await chromium.launch(launchOptions)
try {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: phone,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'ar-MA',
    timezoneId: 'Africa/Casablanca',
  })
  const page = await context.newPage()
  let signedIn = false
  for (const shot of shots) {
    if (shot.signedIn && !signedIn) {
      await logIn(page, manager.email, demoPassword)
      signedIn = true
    }
    const response = await page.goto(shot.path, { waitUntil: 'networkidle' })
    if (!response?.ok()) throw new Error(`${shot.path} answered ${response?.status()}`)
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).evaluate((el) => {
        el.scrollIntoView({ block: 'start' })
        window.scrollBy(0, -24)
      })
    }
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({
      path: path.join(outDir, shot.file),
      animations: 'disabled',
      caret: 'hide',
    })
    console.log(`docs/screenshots/${shot.file}  ${shot.path}`)
  }
} finally {
  await browser.close()
  await server.stop()
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login?lng=ar')
  await page.locator('main input[name="email"]').fill(email)
  await page.locator('main input[name="password"]').fill(password)
  await page.locator('main form button[type="submit"]').first().click()
  await page.waitForURL((url) => url.pathname !== '/login')
}
