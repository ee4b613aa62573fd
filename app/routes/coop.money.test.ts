// The cooperative's Money screen and its statements, on money made by the real modules: orders
// delivered and remitted days ago (an injected clock, no sleeps), a payout made and paid.
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productMakers } from '#db/schema/catalog.ts'
import { payouts } from '#db/schema/money.ts'
import { cooperativeOrders, orderItems, orders } from '#db/schema/orders.ts'
import { createMaker, createProduct, createUser } from '#db/seed/factories.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { commissionOf } from '#app/modules/money/arithmetic.ts'
import { createPayoutBatch, markPayout, previewPayouts } from '#app/modules/money/payouts.server.ts'
import { recordRemittance } from '#app/modules/money/remittances.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { checkout, guestCartWith, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { db } from '#app/utils/db.server.ts'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { loader as dashboardLoader } from './coop.$slug._index.tsx'
import { loader as moneyLoader } from './coop.$slug.money._index.tsx'
import { loader as csvLoader } from './coop.$slug_.money.statement[.]csv.ts'
import { loader as statementLoader } from './coop.$slug_.money.statement.tsx'

const day = 24 * 3600 * 1000
const daysAgo = (n: number) => new Date(Date.now() - n * day)

/** "MAD 1,234.50" (English) back to centimes. */
function centimesOf(text: string) {
  const digits = Number(text.replace(/[^\d]/g, ''))
  return text.includes('-') ? -digits : digits
}

async function moneyWorld() {
  const seller = await sellingCooperative({ priceCentimes: 10_000, stock: 50 })
  const coop = seller.cooperative
  const aicha = await createMaker(db, { cooperativeId: coop.id, name: 'Aicha Amrani' })
  const khadija = await createMaker(db, { cooperativeId: coop.id, name: 'Khadija Idrissi' })
  // Argan oil made by two women, Aicha twice as much as Khadija: shares 2 and 1.
  const argan = await createProduct(db, {
    cooperativeId: coop.id,
    titleFr: "Huile d'argan",
    titleEn: 'Argan oil',
    makerIds: [aicha.id, khadija.id],
    variants: [{ priceCentimes: 14_999, stockQuantity: 50 }],
  })
  await db
    .update(productMakers)
    .set({ share: 2 })
    .where(and(eq(productMakers.productId, argan.id), eq(productMakers.makerId, aicha.id)))
  const finance = await createUser(db, { roles: ['finance'] })
  const financeActor = { userId: finance.id, role: 'finance' }
  const member = { kind: 'member' as const, userId: seller.member.id, cooperativeId: coop.id }
  let parcel = 0

  /** A cash-on-delivery order delivered `deliveredDaysAgo`, remitted a day later (or never). */
  async function deliveredOrder(deliveredDaysAgo: number, remitted = true) {
    const owner = await guestCartWith([
      { variantId: seller.variantId, quantity: 1 },
      { variantId: argan.variants[0]!.id, quantity: 2 },
    ])
    const placed = await checkout(owner)
    const [part] = await db
      .select({ id: cooperativeOrders.id })
      .from(cooperativeOrders)
      .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
      .where(eq(orders.number, placed.number))
    const tracking = `RR${String(++parcel).padStart(9, '0')}MA`
    const move = (action: 'confirm' | 'accept' | 'ship' | 'deliver', details = {}) =>
      moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: part!.id,
        action,
        details,
        now: daysAgo(deliveredDaysAgo),
      })
    await move('confirm')
    await move('accept')
    await move('ship', { carrier: 'amana', trackingNumber: tracking })
    await move('deliver')
    const [delivered] = await db
      .select({ collected: cooperativeOrders.cashCollectedCentimes })
      .from(cooperativeOrders)
      .where(eq(cooperativeOrders.id, part!.id))
    if (remitted) {
      const at = daysAgo(deliveredDaysAgo - 1)
      const result = await recordRemittance({
        actor: financeActor,
        carrier: 'amana',
        reference: `REM-${parcel}`,
        receivedOn: at.toISOString().slice(0, 10),
        lines: [{ trackingNumber: tracking, amountCentimes: delivered!.collected! }],
        now: at,
      })
      expect(result.ok).toBe(true)
    }
    return { id: part!.id, number: placed.number, net: await netOf(part!.id) }
  }

  const paid = await deliveredOrder(40)
  const preview = await previewPayouts(daysAgo(20))
  const { batchId } = await createPayoutBatch({
    actor: financeActor,
    key: preview.key,
    now: daysAgo(20),
  })
  const [payout] = await db
    .select({ id: payouts.id, reference: payouts.reference, amount: payouts.amountCentimes })
    .from(payouts)
    .where(eq(payouts.batchId, batchId))
  await markPayout({
    actor: financeActor,
    payoutId: payout!.id,
    action: 'pay',
    bankReference: 'VIR-778812',
    now: daysAgo(18),
  })
  const available = await deliveredOrder(30)
  const holding = await deliveredOrder(3)
  const unremitted = await deliveredOrder(2, false)
  return { seller, coop, aicha, khadija, payout: payout!, paid, available, holding, unremitted }
}

/** What the cooperative keeps of an order: each line less its commission, and the shipping fee. */
async function netOf(cooperativeOrderId: string) {
  const lines = await db
    .select({ gross: orderItems.lineCentimes, bps: orderItems.commissionBps })
    .from(orderItems)
    .where(eq(orderItems.cooperativeOrderId, cooperativeOrderId))
  const [part] = await db
    .select({ shipping: cooperativeOrders.shippingCentimes })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.id, cooperativeOrderId))
  return lines.reduce((s, l) => s + l.gross - commissionOf(l.gross, l.bps), part!.shipping)
}

type MoneyPage = {
  figures: { pending: string; available: string; paidOut: string; inTransit: string | null }
  details: null | {
    pending: { cooperativeOrderId: string; number: string; amount: string; waiting: string }[]
    available: { cooperativeOrderId: string; amount: string }[]
    payouts: { id: string; reference: string; status: string; bankReference: string | null }[]
    chart: { bars: { netCentimes: number; label: string }[]; rtl: boolean }
  }
}

type StatementPage = {
  error: string | null
  statement: null | {
    rows: { orderNumber: string; product: string; makers: string; net: string; payouts: string }[]
    totals: { gross: string; commission: string; net: string }
    makers: { name: string; net: string }[]
  }
}

describe('the Money screen', () => {
  test('a manager sees the three balances, the orders behind them, the chart and the payouts', async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const path = `/coop/${w.coop.slug}/money`
    const page = dataOf<MoneyPage>(
      await call(moneyLoader, makeRequest(path, { cookie, language: 'en' }), { slug: w.coop.slug }),
    )
    expect(w.payout.amount).toBe(w.paid.net)
    expect(page.figures).toEqual({
      pending: formatMoney(w.holding.net + w.unremitted.net, 'en'),
      available: formatMoney(w.available.net, 'en'),
      paidOut: formatMoney(w.paid.net, 'en'),
      inTransit: null,
    })
    const details = page.details!
    expect(details.available).toEqual([
      expect.objectContaining({
        cooperativeOrderId: w.available.id,
        amount: formatMoney(w.available.net, 'en'),
      }),
    ])
    const waiting = Object.fromEntries(details.pending.map((l) => [l.number, l.waiting]))
    expect(waiting[w.unremitted.number]).toBe(
      'Waiting for the carrier to hand over the cash collected',
    )
    // Delivered 3 days ago: 7 days of withdrawal window and 7 of hold are left to run out.
    expect(waiting[w.holding.number]).toMatch(/^Available on \w+ \d+, \d{4}$/)
    expect(details.payouts).toEqual([
      expect.objectContaining({
        id: w.payout.id,
        reference: w.payout.reference,
        status: 'paid',
        bankReference: 'VIR-778812',
      }),
    ])
    // Twelve months; their bars add up to everything the cooperative earned.
    expect(details.chart.bars).toHaveLength(12)
    expect(details.chart.rtl).toBe(false)
    expect(details.chart.bars.reduce((s, b) => s + b.netCentimes, 0)).toBe(
      w.paid.net + w.available.net + w.holding.net + w.unremitted.net,
    )
  })

  test('in Arabic the chart runs right to left with Arabic month names', async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const page = dataOf<MoneyPage>(
      await call(moneyLoader, makeRequest(`/coop/${w.coop.slug}/money`, { cookie }), {
        slug: w.coop.slug,
      }),
    )
    expect(page.details!.chart.rtl).toBe(true)
    for (const bar of page.details!.chart.bars) expect(bar.label).toMatch(/[\u0600-\u06FF]/)
    expect(page.figures.available).not.toMatch(/[٠-٩]/)
  })

  test('a member sees the three balances only', async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.member)
    const page = dataOf<MoneyPage>(
      await call(
        moneyLoader,
        makeRequest(`/coop/${w.coop.slug}/money`, { cookie, language: 'en' }),
        {
          slug: w.coop.slug,
        },
      ),
    )
    expect(page.figures.available).toBe(formatMoney(w.available.net, 'en'))
    expect(page.details).toBeNull()
    expect(JSON.stringify(page)).not.toContain(w.available.number)
  })

  test("the dashboard's Money tile shows the available balance, to members too", async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.member)
    const page = dataOf<{ available: string }>(
      await call(dashboardLoader, makeRequest(`/coop/${w.coop.slug}`, { cookie, language: 'en' }), {
        slug: w.coop.slug,
      }),
    )
    expect(page.available).toBe(formatMoney(w.available.net, 'en'))
  })
})

describe('statements', () => {
  test("a payout's statement lists what it paid, and the totals per maker add up to it", async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const result = await call(
      statementLoader,
      makeRequest(`/coop/${w.coop.slug}/money/statement?payout=${w.payout.id}`, {
        cookie,
        language: 'en',
      }),
      { slug: w.coop.slug },
    )
    expect(statusOf(result)).toBe(200)
    const { statement } = dataOf<StatementPage>(result)
    // The honey (no maker), the argan oil and the shipping fee of the one order paid.
    expect(statement!.rows.map((r) => r.orderNumber)).toEqual([
      w.paid.number,
      w.paid.number,
      w.paid.number,
    ])
    expect(statement!.rows.map((r) => r.product)).toContain('Shipping fee')
    expect(statement!.rows.every((r) => r.payouts === w.payout.reference)).toBe(true)
    expect(centimesOf(statement!.totals.net)).toBe(w.payout.amount)
    const perMaker = Object.fromEntries(statement!.makers.map((m) => [m.name, centimesOf(m.net)]))
    expect(Object.keys(perMaker).sort()).toEqual([
      'Aicha Amrani',
      'Khadija Idrissi',
      'The cooperative (shipping fees, products without a maker)',
    ])
    expect(Object.values(perMaker).reduce((s, n) => s + n, 0)).toBe(w.payout.amount)
    // Shares 2:1 of the argan oil's net, to the centime.
    expect(
      Math.abs(perMaker['Aicha Amrani']! - 2 * perMaker['Khadija Idrissi']!),
    ).toBeLessThanOrEqual(2)
  })

  test('a period statement covers the days asked for (Casablanca days, both ends included)', async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const from = daysAgo(45).toISOString().slice(0, 10)
    const to = daysAgo(0).toISOString().slice(0, 10)
    const { statement } = dataOf<StatementPage>(
      await call(
        statementLoader,
        makeRequest(`/coop/${w.coop.slug}/money/statement?from=${from}&to=${to}`, {
          cookie,
          language: 'en',
        }),
        { slug: w.coop.slug },
      ),
    )
    expect(new Set(statement!.rows.map((r) => r.orderNumber))).toEqual(
      new Set([w.paid.number, w.available.number, w.holding.number, w.unremitted.number]),
    )
    expect(centimesOf(statement!.totals.net)).toBe(
      w.paid.net + w.available.net + w.holding.net + w.unremitted.net,
    )
  })

  test("the CSV is a download of the same lines, with its header in the reader's language", async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const response = (await call(
      csvLoader,
      makeRequest(`/coop/${w.coop.slug}/money/statement.csv?payout=${w.payout.id}`, {
        cookie,
        language: 'fr',
      }),
      { slug: w.coop.slug },
    )) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="statement-${w.payout.reference}.csv"`,
    )
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Date,Commande,Produit,Artisanes,Vente,Commission,Net,Virement')
    expect(lines.filter((l) => l.includes(w.payout.reference))).toHaveLength(3)
    expect(
      lines.some((l) => l.startsWith('Frais de livraison') || l.includes(',Frais de livraison,')),
    ).toBe(true)
    expect(lines).toContain(`Aicha Amrani,${perMakerOf(lines, 'Aicha Amrani')}`)
    const total = lines.find((l) => l.startsWith('Total,'))!
    expect(total.split(',')[6]).toBe((w.payout.amount / 100).toFixed(2))
    expect(lines).toContain('Totaux par artisane,,,,,,,')
    expect(
      lines.some((l) =>
        l.startsWith('"La coopérative (frais de livraison, produits sans artisane)",'),
      ),
    ).toBe(true)
  })

  test('members are refused statements; a payout of another cooperative is not found', async () => {
    const w = await moneyWorld()
    const other = await sellingCooperative()
    const member = await loginAs(w.seller.member)
    for (const loader of [statementLoader, csvLoader]) {
      const suffix = loader === csvLoader ? '.csv' : ''
      const asMember = await call(
        loader,
        makeRequest(`/coop/${w.coop.slug}/money/statement${suffix}`, { cookie: member }),
        { slug: w.coop.slug },
      )
      expect(statusOf(asMember)).toBe(403)
      const otherManager = await loginAs(other.manager)
      const elsewhere = await call(
        loader,
        makeRequest(
          `/coop/${other.cooperative.slug}/money/statement${suffix}?payout=${w.payout.id}`,
          {
            cookie: otherManager,
          },
        ),
        { slug: other.cooperative.slug },
      )
      expect(statusOf(elsewhere)).toBe(404)
    }
  })

  test("a period that cannot be read is a 400 with a message in the reader's language", async () => {
    const w = await moneyWorld()
    const cookie = await loginAs(w.seller.manager)
    const ask = (query: string, language: 'ar' | 'fr' | 'en' = 'fr') =>
      call(
        statementLoader,
        makeRequest(`/coop/${w.coop.slug}/money/statement?${query}`, { cookie, language }),
        { slug: w.coop.slug },
      )
    for (const query of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-01&to=2026-02-01',
      'from=yesterday&to=2026-03-01',
      'from=2026-03-01&to=2026-03-01T00:00',
    ]) {
      const result = await ask(query)
      expect(statusOf(result), query).toBe(400)
      expect(dataOf<StatementPage>(result).error).toBe(
        'Choisissez une période : deux dates, la première avant ou égale à la seconde.',
      )
    }
    const tooLong = await ask('from=2023-01-01&to=2026-01-01', 'ar')
    expect(statusOf(tooLong)).toBe(400)
    expect(dataOf<StatementPage>(tooLong).error).toBe(
      'يغطي الكشف سنتين على الأكثر: اختاروا فترة أقصر.',
    )
    const csv = (await call(
      csvLoader,
      makeRequest(`/coop/${w.coop.slug}/money/statement.csv?from=2026-13-01&to=2026-12-31`, {
        cookie,
        language: 'en',
      }),
      { slug: w.coop.slug },
    )) as Response
    expect(csv.status).toBe(400)
    expect(await csv.text()).toBe('Choose a period: two dates, the first on or before the second.')
  })
})

function perMakerOf(lines: string[], name: string) {
  return lines.find((l) => l.startsWith(`${name},`))!.split(',')[1]
}
