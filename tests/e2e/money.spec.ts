// Money from a delivered order to the maker (issue 11, "What must be shown" 4): a guest buys
// soap from a cooperative and pays the courier; the cooperative delivers; time passes (the
// server restarts on the same database with its money clock 16 days ahead: the withdrawal
// window and the hold period); the carrier's cash is remitted; finance previews and creates a
// payout batch, downloads the bank-transfer file and marks the payout paid; the manager sees
// it paid and her statement's totals per maker add up to the payout. On a phone, in French,
// and the manager's part again in Arabic. This spec runs its own server.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, type Download, type Locator, type Page } from '@playwright/test'
import { msg } from './catalogue.ts'
import { currentCode, expect, expectAccessible, logIn, test } from './fixtures.ts'
import { startServer, type RunningServer } from './server.ts'

type Language = 'ar' | 'fr'

const financeEmail = 'finance-money@e2e.taawun.ma'
const financePassword = 'e2e-finance-argan-press'
const demoPassword = 'taawun-demo-2026'
// A demo product of three makers (db/seed/data/demo-products.ts), so that its net is split.
const product = {
  slug: 'savon-huile-olive-romarin',
  cooperative: 'warda-zemmour',
  cooperativeName: 'Warda Zemmour',
  manager: 'meryem.aitlahcen@demo.taawun.ma',
  makers: ['Itto Ouhammou', 'Hasna Raji', 'Mina Zaari'],
}
// Eight bars at 35 MAD: above the minimum payout even alone.
const quantity = 8

let dataDir: string
let server: RunningServer

function serverEnv(extra: Record<string, string> = {}) {
  return {
    DATA_DIR: dataDir,
    ADMIN_EMAIL: financeEmail,
    ADMIN_PASSWORD: financePassword,
    SEED_DEMO: 'true',
    ...extra,
  }
}

test.describe.configure({ timeout: 300_000 })

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-e2e-money-'))
  server = await startServer(serverEnv())
})

test.afterAll(async () => {
  await server?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Centimes as the pages show them (app/modules/i18n/format.ts, same Node, same ICU). */
function money(language: Language, centimes: number) {
  return new Intl.NumberFormat(language === 'ar' ? 'ar-MA' : 'fr-MA', {
    style: 'currency',
    currency: 'MAD',
    numberingSystem: 'latn',
  }).format(centimes / 100)
}

/** An amount as shown ("1.234,50 MAD", "‏1.234,50 د.م.‏") in centimes. */
function centimesOf(text: string) {
  const match = text.replace(/[^\d,]/g, '').match(/^(\d+),(\d{2})$/)
  if (!match) throw new Error(`Not an amount: ${JSON.stringify(text)}`)
  return Number(match[1]) * 100 + Number(match[2])
}

/** "123.45" (the CSV files) in centimes. */
function centimesOfDecimal(text: string) {
  expect(text).toMatch(/^-?\d+\.\d{2}$/)
  const [units, cents] = text.replace('-', '').split('.')
  return (text.startsWith('-') ? -1 : 1) * (Number(units) * 100 + Number(cents))
}

/** RFC 4180 rows (quoted fields, CRLF), without a byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

async function downloaded(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    link.click(),
  ])
  const file = await download.path()
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') }
}

async function open(browser: Browser, language: Language) {
  const context = await browser.newContext({
    baseURL: server.url,
    javaScriptEnabled: true,
    locale: language === 'ar' ? 'ar-MA' : 'fr-MA',
    viewport: { width: 412, height: 915 },
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/?lng=${language}`)
  return page
}

/**
 * Do something that needs the second factor within the last five minutes; when the server
 * asks for it again, give the authenticator's code and do it again.
 */
async function withRecentCode(page: Page, language: Language, act: () => Promise<void>) {
  const t = (key: string) => msg(language, key)
  await act()
  await page.waitForLoadState()
  if (new URL(page.url()).pathname === '/login/two-factor') {
    await expect(page).toHaveURL(/reauth=1/)
    await page
      .getByLabel(t('twoFactor.fields.code'), { exact: true })
      .fill(currentCode(financeEmail))
    await page.getByRole('button', { name: t('twoFactor.verify.submit') }).click()
    await page.waitForURL((url) => url.pathname !== '/login/two-factor')
    await act()
  }
}

/** One of the three large figures of the Money page, in centimes. */
async function figure(page: Page, language: Language, key: 'pending' | 'available' | 'paidOut') {
  const card = page
    .getByRole('region', { name: msg(language, 'moneyScreen.balancesLabel') })
    .locator('dl > div')
    .filter({ has: page.getByText(msg(language, `moneyScreen.${key}`), { exact: true }) })
  return centimesOf((await card.locator('dd').first().textContent()) ?? '')
}

/** The statement of a payout: its totals per maker add up to the payout, on the page and in the CSV. */
async function checkStatement(
  page: Page,
  language: Language,
  payout: { reference: string; centimes: number; orderNumber: string },
) {
  const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    t('moneyScreen.statementTitle'),
  )
  await expect(
    page.getByText(t('moneyScreen.payoutReference', { reference: payout.reference })),
  ).toBeVisible()
  await expect(
    page.getByText(t('moneyScreen.payoutAmount', { amount: money(language, payout.centimes) })),
  ).toBeVisible()
  await expect(page.getByText(t('moneyScreen.payoutStatus.paid'), { exact: true })).toBeVisible()
  await expectAccessible(page)

  // On the page: one row per maker (and the cooperative's own), then the total.
  const makersTable = page
    .getByRole('region', { name: t('moneyScreen.makersTitle') })
    .getByRole('table')
  const rows = makersTable.locator('tbody tr')
  const names = (await rows.locator('th').allTextContents()).map((s) => s.trim())
  for (const maker of product.makers) expect(names).toContain(maker)
  const amounts = (await rows.locator('td').allTextContents()).map(centimesOf)
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(payout.centimes)
  expect(centimesOf((await makersTable.locator('tfoot td').textContent()) ?? '')).toBe(
    payout.centimes,
  )
  // Its lines include the order delivered in this test.
  await expect(
    page
      .getByRole('region', { name: t('moneyScreen.linesTitle') })
      .getByRole('link', { name: payout.orderNumber })
      .first(),
  ).toBeVisible()

  // The CSV: the lines, their total, then the totals per maker, in dirhams with two decimals.
  const csv = await downloaded(page, page.getByRole('link', { name: t('moneyScreen.downloadCsv') }))
  expect(csv.name).toBe(`statement-${payout.reference}.csv`.replace(/[^\w.-]/g, '_'))
  const table = parseCsv(csv.text)
  const header = ['date', 'order', 'product', 'makers', 'gross', 'commission', 'net', 'payout']
  expect(table[0]).toEqual(header.map((c) => t(`moneyScreen.columns.${c}`)))
  const totalAt = table.findIndex((r) => r[0] === t('moneyScreen.total'))
  expect(totalAt).toBeGreaterThan(1)
  const lines = table.slice(1, totalAt)
  const ours = lines.filter((r) => r[1] === payout.orderNumber)
  expect(ours.length).toBeGreaterThan(0)
  for (const line of lines) {
    expect(line[7]).toContain(payout.reference)
    // Each line: commission + net = gross, to the centime.
    expect(centimesOfDecimal(line[5]!) + centimesOfDecimal(line[6]!)).toBe(
      centimesOfDecimal(line[4]!),
    )
  }
  const soap = ours.find((r) => r[3] && product.makers.every((m) => r[3]!.includes(m)))
  expect(soap, 'the soap line names its three makers').toBeTruthy()
  const linesNet = lines.reduce((s, r) => s + centimesOfDecimal(r[6]!), 0)
  expect(linesNet).toBe(payout.centimes)
  expect(centimesOfDecimal(table[totalAt]![6]!)).toBe(payout.centimes)
  const makersAt = table.findIndex((r) => r[0] === t('moneyScreen.makersTitle'))
  expect(makersAt).toBeGreaterThan(totalAt)
  const makers = table.slice(makersAt + 1).filter((r) => r.length >= 2 && r[0])
  for (const maker of product.makers) expect(makers.map((r) => r[0])).toContain(maker)
  expect(makers.reduce((s, r) => s + centimesOfDecimal(r[1]!), 0)).toBe(payout.centimes)
}

test('fr: delivered, time passes, finance pays the cooperative, the manager reconciles per maker (then ar)', async ({
  browser,
}) => {
  const fr = (key: string, values?: Record<string, string>) => msg('fr', key, values)
  const at = (p: string) => `${server.url}${p}`

  // A guest buys eight bars of soap and pays on delivery.
  const customer = await open(browser, 'fr')
  await customer.goto(at(`/products/${product.slug}`))
  // Once the page is interactive (the form is re-rendered then, losing a quantity typed before).
  await expect(customer.locator('input[name="stay"]')).toBeAttached()
  await customer.getByLabel(fr('product.quantity'), { exact: true }).fill(String(quantity))
  await customer.getByRole('button', { name: fr('product.addToCart') }).click()
  await expect(customer.getByText(fr('cart.added'))).toBeVisible()
  await customer.goto(at('/cart'))
  await expect(customer.locator('input[name="quantity"]')).toHaveValue(String(quantity))
  await customer.goto(at('/checkout'))
  await customer.getByLabel(fr('checkout.name')).fill('Leïla Idrissi')
  await customer.getByLabel(fr('checkout.phone')).fill('06 12 34 56 78')
  await customer.getByLabel(fr('checkout.email')).fill('leila.money@example.ma')
  await customer.getByLabel(fr('cooperativeForm.region')).selectOption('rabat-sale-kenitra')
  await customer.getByLabel(fr('cooperativeForm.province')).selectOption('rabat')
  await customer.getByLabel(fr('checkout.city')).fill('Rabat')
  await customer.getByLabel(fr('checkout.addressLine')).fill('Rue de Fès 12, près de la mosquée')
  await expect(customer.getByText(fr('checkout.totalPending'))).toHaveCount(0)
  await customer.getByLabel(fr('checkout.terms')).check()
  await customer.getByRole('button', { name: fr('checkout.place') }).click()
  await expect(customer.getByText(fr('orders.thanks'))).toBeVisible()
  const number = (await customer.getByRole('heading', { level: 1 }).textContent())!.match(
    /TW-\d{4}-\d{6}/,
  )![0]
  await customer.context().close()

  // The manager confirms, ships and delivers; the courier collects the parcel's total.
  const manager = await open(browser, 'fr')
  await logIn(manager, product.manager, demoPassword)
  await manager.goto(at(`/coop/${product.cooperative}/orders`))
  await manager.getByRole('link', { name: new RegExp(number) }).click()
  await manager.waitForURL(/\/orders\/[0-9a-f-]{36}$/)
  const toCollect = manager.getByText(fr('coopOrders.toCollect', { amount: '' }).trim())
  const parcelCentimes = centimesOf((await toCollect.textContent()) ?? '')
  expect(parcelCentimes).toBeGreaterThanOrEqual(quantity * 3500)
  const step = async (action: string, status: string) => {
    await manager.getByRole('button', { name: fr(`orders.actions.${action}`) }).click()
    await expect(manager.getByText(fr(`orders.moved.${action}`))).toBeVisible()
    await expect(manager.getByText(fr(`orders.status.${status}`)).first()).toBeVisible()
  }
  await step('confirm', 'placed')
  await step('accept', 'preparing')
  const tracking = `RR${number.slice(-6)}${product.cooperative.length}MA`
  await manager.getByLabel(fr('coopOrders.carrier')).selectOption('amana')
  await manager.getByLabel(fr('coopOrders.trackingNumber')).fill(tracking)
  await step('ship', 'shipped')
  await step('deliver', 'delivered')

  // Delivered today: its net is pending, not available.
  await manager.goto(at(`/coop/${product.cooperative}/money`))
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(fr('moneyScreen.title'))
  await expectAccessible(manager)
  const orderLink = fr('moneyScreen.orderNumber', { number })
  const pendingList = manager.getByRole('region', { name: fr('moneyScreen.pendingTitle') })
  const availableList = manager.getByRole('region', { name: fr('moneyScreen.availableTitle') })
  const pendingLine = pendingList.getByRole('listitem').filter({ hasText: orderLink })
  await expect(pendingLine).toBeVisible()
  const netCentimes = centimesOf(
    (await pendingLine.locator('span.whitespace-nowrap').textContent()) ?? '',
  )
  expect(netCentimes).toBeGreaterThan(0)
  expect(netCentimes).toBeLessThan(parcelCentimes)
  await expect(availableList.getByText(orderLink)).toHaveCount(0)
  expect(await figure(manager, 'fr', 'pending')).toBeGreaterThanOrEqual(netCentimes)
  const paidOutBefore = await figure(manager, 'fr', 'paidOut')

  // Finance logs in (enrolling an authenticator: association staff need a second factor).
  const finance = await open(browser, 'fr')
  await logIn(finance, financeEmail, financePassword)
  await finance.goto(at('/admin/payouts'))
  await expect(finance.getByRole('heading', { level: 1 })).toHaveText(fr('finance.payouts.title'))

  // Sixteen days pass: the same database, the server's money clock ahead. The sessions stay.
  await server.stop()
  server = await startServer(serverEnv({ CLOCK_SHIFT_DAYS: '16' }))

  // Past the hold, but the courier's cash has not reached the association yet.
  await manager.goto(at(`/coop/${product.cooperative}/money`))
  await expect(
    pendingList
      .getByRole('listitem')
      .filter({ hasText: orderLink })
      .getByText(fr('moneyScreen.waiting.remittance')),
  ).toBeVisible()
  await expect(availableList.getByText(orderLink)).toHaveCount(0)

  // Finance records the carrier's remittance of the parcel's cash.
  await finance.goto(at('/admin/remittances'))
  await expect(finance.getByRole('heading', { level: 1 })).toHaveText(
    fr('finance.remittances.title'),
  )
  await expectAccessible(finance)
  await finance
    .getByLabel(fr('finance.remittances.carrier'), { exact: true })
    .selectOption({ label: fr('orders.carriers.amana') })
  await finance
    .getByLabel(fr('finance.remittances.reference'), { exact: true })
    .fill(`AMANA-${number}`)
  await finance
    .getByLabel(fr('finance.remittances.lines'), { exact: true })
    .fill(`${tracking},${(parcelCentimes / 100).toFixed(2)}`)
  await finance.getByRole('button', { name: fr('finance.remittances.submit') }).click()
  await expect(finance.getByText(fr('finance.remittances.recorded'))).toBeVisible()
  await expect(finance.getByText(`AMANA-${number}`)).toBeVisible()

  // The order's net is available now.
  await manager.goto(at(`/coop/${product.cooperative}/money`))
  await expect(availableList.getByRole('listitem').filter({ hasText: orderLink })).toContainText(
    money('fr', netCentimes),
  )
  await expect(pendingList.getByText(orderLink)).toHaveCount(0)
  const available = await figure(manager, 'fr', 'available')
  expect(available).toBeGreaterThanOrEqual(netCentimes)
  await expectAccessible(manager)

  // The preview lists the cooperative, to be paid what it has available.
  await finance.goto(at('/admin/payouts'))
  const candidate = finance.getByRole('listitem').filter({ hasText: product.cooperativeName })
  await expect(candidate).toContainText(money('fr', available))
  await expect(candidate.getByText(fr('finance.payouts.ready'), { exact: true })).toBeVisible()
  await expectAccessible(finance)

  // Create the batch (the second factor again, if it is older than five minutes).
  await withRecentCode(finance, 'fr', async () => {
    await finance.getByRole('button', { name: fr('finance.payouts.create') }).click()
    await finance.waitForURL(/\/(admin\/payouts\/[0-9a-f-]{36}|login\/two-factor)/)
  })
  await expect(finance).toHaveURL(/\/admin\/payouts\/[0-9a-f-]{36}$/)
  await expect(finance.getByText(fr('finance.payouts.created'))).toBeVisible()
  const payoutCard = finance.getByRole('listitem').filter({ hasText: product.cooperativeName })
  await expect(payoutCard).toContainText(money('fr', available))
  await expect(payoutCard).toContainText(fr('finance.payoutStatus.pending'))
  const reference = (await payoutCard
    .locator('dt', { hasText: fr('finance.batch.reference') })
    .locator('xpath=following-sibling::dd[1]')
    .textContent())!.trim()
  const shownRib = (await payoutCard
    .locator('dt', { hasText: fr('finance.payouts.rib') })
    .locator('xpath=following-sibling::dd[1]')
    .textContent())!.replace(/\s/g, '')
  expect(reference).not.toBe('')
  await expectAccessible(finance)

  // The bank-transfer file: a line for the cooperative, RIB of 24 digits, amount in dirhams.
  const transfers = await downloaded(
    finance,
    finance.getByRole('link', { name: fr('finance.batch.download') }),
  )
  expect(transfers.name).toMatch(/\.csv$/)
  const transferRows = parseCsv(transfers.text)
  expect(transferRows[0]).toEqual(['rib', 'account_holder', 'amount_mad', 'reference'])
  const ourTransfer = transferRows.find((r) => r[3] === reference)
  expect(ourTransfer, `a line with the reference ${reference}`).toBeTruthy()
  const [rib, holder, amount] = ourTransfer!
  expect(rib).toMatch(/^\d{24}$/)
  expect(rib).toBe(shownRib)
  expect(holder).toContain(product.cooperativeName)
  expect(amount).toMatch(/^\d+\.\d{2}$/)
  const payoutCentimes = centimesOfDecimal(amount!)
  expect(payoutCentimes).toBe(available)
  expect(payoutCentimes).toBeGreaterThanOrEqual(netCentimes)

  // The bank has paid: mark it paid with the bank's reference.
  const bankReference = `VIR-${number}`
  await withRecentCode(finance, 'fr', async () => {
    const card = finance.getByRole('listitem').filter({ hasText: product.cooperativeName })
    await card
      .getByLabel(fr('finance.batch.bankReferenceLabel'), { exact: true })
      .fill(bankReference)
    await card.getByRole('button', { name: fr('finance.batch.markPaid') }).click()
    // Marked (the toast), or asked for the code first.
    await expect(
      finance
        .getByText(fr('finance.batch.moved.pay'))
        .or(finance.getByLabel(fr('twoFactor.fields.code'), { exact: true })),
    ).toBeVisible()
  })
  await expect(finance.getByText(fr('finance.batch.moved.pay'))).toBeVisible()
  await expect(payoutCard).toContainText(fr('finance.payoutStatus.paid'))
  await expect(payoutCard).toContainText(
    fr('finance.batch.bankReference', { reference: bankReference }),
  )
  await expectAccessible(finance)
  await finance.context().close()

  // The manager sees it paid, and her statement of it.
  const payout = { reference, centimes: payoutCentimes, orderNumber: number }
  for (const language of ['fr', 'ar'] as const) {
    const t = (key: string, values?: Record<string, string>) => msg(language, key, values)
    await manager.goto(at(`/coop/${product.cooperative}/money?lng=${language}`))
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(t('moneyScreen.title'))
    expect(await figure(manager, language, 'paidOut')).toBe(paidOutBefore + payoutCentimes)
    await expect(
      manager
        .getByRole('region', { name: t('moneyScreen.availableTitle') })
        .getByText(t('moneyScreen.orderNumber', { number })),
    ).toHaveCount(0)
    const paid = manager
      .getByRole('region', { name: t('moneyScreen.payoutsTitle') })
      .getByRole('listitem')
      .filter({ hasText: reference })
    await expect(paid.getByText(t('moneyScreen.payoutStatus.paid'), { exact: true })).toBeVisible()
    await expect(paid).toContainText(money(language, payoutCentimes))
    await expect(paid).toContainText(t('moneyScreen.bankReference', { reference: bankReference }))
    await expectAccessible(manager)
    await paid.getByRole('link', { name: t('moneyScreen.payoutStatement') }).click()
    await manager.waitForURL(/\/money\/statement\?payout=/)
    await checkStatement(manager, language, payout)
  }
  await manager.context().close()
})
