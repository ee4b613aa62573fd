// The finance pages, called as the browser would: the payout preview and its batch, the
// bank-transfer file, marking payouts, cash remittances and the guards in front of them.
// Money is made by the real modules: an order checked out, moved to delivered with an
// injected clock (weeks ago, so that the hold period has passed), its cash remitted.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cashRemittances, payoutBatches, payouts } from '#db/schema/money.ts'
import { cooperativeOrders, orders } from '#db/schema/orders.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { createUser, enrolTotp, makeRib } from '#db/seed/factories.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { casablancaDay } from '#app/modules/money/finance-forms.server.ts'
import { recordRemittance } from '#app/modules/money/remittances.server.ts'
import { moveCooperativeOrder, type MoveActor } from '#app/modules/orders/fulfilment.server.ts'
import { checkout, guestCartWith, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { db } from '#app/utils/db.server.ts'
import { call, dataOf, loginAs, makeRequest, statusOf, testOrigin } from '#tests/helpers.ts'
import { action as batchAction, loader as batchLoader } from './admin.payouts.$batchId.tsx'
import { loader as csvLoader } from './admin.payouts.$batchId_.transfers[.]csv.ts'
import { action as payoutsAction, loader as payoutsLoader } from './admin.payouts._index.tsx'
import { loader as reconciliationLoader } from './admin.reconciliation.tsx'
import { action as remittancesAction, loader as remittancesLoader } from './admin.remittances.tsx'

const day = 86_400_000
let parcels = 0

/** A cash-on-delivery order of a new cooperative, delivered `daysAgo` days ago. */
async function deliveredCashOrder(daysAgo = 20, priceCentimes = 30_000) {
  const seller = await sellingCooperative({ priceCentimes })
  const placed = await checkout(await guestCartWith([{ variantId: seller.variantId, quantity: 1 }]))
  const [part] = await db
    .select({ id: cooperativeOrders.id, total: cooperativeOrders.totalCentimes })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .where(eq(orders.number, placed.number))
  const actor: MoveActor = {
    kind: 'manager',
    userId: seller.manager.id,
    cooperativeId: seller.cooperative.id,
  }
  const start = Date.now() - daysAgo * day
  parcels += 1
  const tracking = `RR${String(100_000_000 + parcels)}MA`
  const steps = [
    ['confirm', {}],
    ['accept', {}],
    ['ship', { carrier: 'amana', trackingNumber: tracking }],
    ['deliver', {}],
  ] as const
  for (const [i, [action, details]] of steps.entries())
    await moveCooperativeOrder({
      actor,
      cooperativeOrderId: part!.id,
      action,
      details,
      now: new Date(start + i * 3_600_000),
    })
  return { seller, partId: part!.id, tracking, totalCentimes: Number(part!.total), start }
}

/** The carrier remits the cash of these parcels (the day after the first was delivered). */
async function remit(
  finance: { id: string },
  parts: { tracking: string; totalCentimes: number; start: number }[],
) {
  const result = await recordRemittance({
    actor: { userId: finance.id, role: 'finance' },
    carrier: 'amana',
    reference: `AM-${parts[0]!.tracking}`,
    receivedOn: casablancaDay(new Date(parts[0]!.start + day)),
    lines: parts.map((p) => ({ trackingNumber: p.tracking, amountCentimes: p.totalCentimes })),
  })
  expect(result.ok).toBe(true)
}

type Preview = {
  key: string
  total: string
  payableCount: number
  candidates: { id: string; name: string; available: string; rib: string; blocked: string | null }[]
}

async function financeUser() {
  const finance = await createUser(db, { roles: ['finance'] })
  return { finance, cookie: await loginAs(finance) }
}

async function previewAs(cookie: string) {
  const result = await call(
    payoutsLoader,
    makeRequest('/admin/payouts', { cookie, language: 'en' }),
  )
  expect(statusOf(result)).toBe(200)
  return dataOf<{ preview: Preview }>(result).preview
}

describe('payout batches', () => {
  test('the preview lists a cooperative once its money is releasable; one key makes one batch', async () => {
    const { finance, cookie } = await financeUser()
    const recent = await deliveredCashOrder(2)
    const old = await deliveredCashOrder(20)
    await remit(finance, [old, recent])

    const preview = await previewAs(cookie)
    // Delivered two days ago: still in the withdrawal window and hold period.
    expect(preview.candidates.map((c) => c.id)).toEqual([old.seller.cooperative.id])
    const [candidate] = preview.candidates
    expect(candidate).toMatchObject({
      blocked: null,
      rib: expect.stringMatching(/^RIB: •••• \d{4}$/),
    })
    expect(preview.payableCount).toBe(1)

    const create = () =>
      call(payoutsAction, makeRequest('/admin/payouts', { cookie, form: { key: preview.key } }))
    const first = await create()
    expect(statusOf(first)).toBe(302)
    const location = (first as Response).headers.get('location')!
    expect(location).toMatch(/^\/admin\/payouts\/[0-9a-f-]{36}$/)
    // Pressed again (another tab, a double click): the same batch, not a second one.
    const second = await create()
    expect((second as Response).headers.get('location')).toBe(location)
    expect(await db.select({ id: payoutBatches.id }).from(payoutBatches)).toHaveLength(1)
    const [payout] = await db.select().from(payouts)
    expect(payout).toMatchObject({ cooperativeId: old.seller.cooperative.id, status: 'pending' })
    // The commission is the platform's: the payout is what the cooperative is owed.
    expect(payout!.amountCentimes).toBeGreaterThan(0)
    expect(payout!.amountCentimes).toBeLessThanOrEqual(old.totalCentimes)

    // The money is in the batch now: a new preview has nobody to pay, and the old key is refused
    // with the fresh preview rather than an error page.
    expect((await previewAs(cookie)).candidates).toEqual([])
    const stale = await call(
      payoutsAction,
      makeRequest('/admin/payouts', { cookie, form: { key: 'f'.repeat(32) }, language: 'fr' }),
    )
    expect(statusOf(stale)).toBe(409)
    expect(dataOf<{ formError: string; preview: Preview }>(stale)).toMatchObject({
      formError: expect.stringContaining('ont changé'),
      preview: { candidates: [] },
    })
  })

  test('a cooperative below the minimum or with a RIB change pending is shown with the reason', async () => {
    const { finance, cookie } = await financeUser()
    const small = await deliveredCashOrder(20, 5_000)
    await remit(finance, [small])
    const [candidate] = (await previewAs(cookie)).candidates
    expect(candidate!.blocked).toMatch(/^Not paid: below the minimum of MAD\s200\.00$/)
    const refused = await call(
      payoutsAction,
      makeRequest('/admin/payouts', {
        cookie,
        form: { key: (await previewAs(cookie)).key },
        language: 'en',
      }),
    )
    expect(statusOf(refused)).toBe(409)
    expect(dataOf<{ formError: string }>(refused).formError).toMatch(/No cooperative can be paid/)

    const waiting = await deliveredCashOrder(20)
    await remit(finance, [waiting])
    await db
      .update(cooperatives)
      .set({ pendingRib: makeRib(4242) })
      .where(eq(cooperatives.id, waiting.seller.cooperative.id))
    const shown = (await previewAs(cookie)).candidates.find(
      (c) => c.id === waiting.seller.cooperative.id,
    )
    expect(shown!.blocked).toMatch(/RIB change is waiting for review/)
  })

  test('the bank-transfer file, and marking a payout paid, sent or failed', async () => {
    const { finance, cookie } = await financeUser()
    const a = await deliveredCashOrder(20, 45_050)
    const b = await deliveredCashOrder(19)
    await remit(finance, [a, b])
    const { key } = await previewAs(cookie)
    const made = await call(payoutsAction, makeRequest('/admin/payouts', { cookie, form: { key } }))
    // Two cooperatives: the key of the page (sorted by name) is the key the batch checks.
    expect(statusOf(made)).toBe(302)
    const batchId = (made as Response).headers.get('location')!.split('/').pop()!

    const csv = (await call(
      csvLoader,
      makeRequest(`/admin/payouts/${batchId}/transfers.csv`, { cookie }),
      { batchId },
    )) as Response
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const [batch] = await db.select().from(payoutBatches)
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="${batch!.number}.csv"`,
    )
    const text = await csv.text()
    expect(text.endsWith('\r\n')).toBe(true)
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('rib,account_holder,amount_mad,reference')
    const rows = await db.select().from(payouts).where(eq(payouts.batchId, batchId))
    expect(lines).toHaveLength(1 + rows.length)
    for (const row of rows) {
      const amount = `${Math.floor(row.amountCentimes / 100)}.${String(row.amountCentimes % 100).padStart(2, '0')}`
      expect(lines).toContain(`${row.rib},${row.accountHolder},${amount},${row.reference}`)
    }
    for (const line of lines.slice(1))
      expect(line).toMatch(/^\d{24},[^,]+,\d+\.\d{2},TWP-\d{4}-\d{6}$/)

    const [first, second] = rows
    const move = (form: Record<string, string>) =>
      call(
        batchAction,
        makeRequest(`/admin/payouts/${batchId}`, { cookie, form, language: 'fr' }),
        { batchId },
      )
    // Paid without the bank's reference: the field says what is missing; nothing moves.
    const missing = await move({ intent: 'pay', payoutId: first!.id, bankReference: '' })
    expect(statusOf(missing)).toBe(400)
    expect(dataOf<{ fieldErrors: Record<string, string> }>(missing).fieldErrors).toEqual({
      bankReference: expect.stringContaining('référence bancaire'),
    })
    expect((await db.select().from(payouts).where(eq(payouts.id, first!.id)))[0]!.status).toBe(
      'pending',
    )

    expect(statusOf(await move({ intent: 'send', payoutId: first!.id }))).toBe(302)
    expect(
      statusOf(await move({ intent: 'pay', payoutId: first!.id, bankReference: 'VIR 2026/118' })),
    ).toBe(302)
    // Paid already: sending it now is a move it cannot make.
    const illegal = await move({ intent: 'send', payoutId: first!.id })
    expect(statusOf(illegal)).toBe(409)
    expect(dataOf<{ formError: string }>(illegal).formError).toMatch(/ne peut pas passer/)

    const noReason = await move({ intent: 'fail', payoutId: second!.id, reason: ' ' })
    expect(statusOf(noReason)).toBe(400)
    expect(Object.keys(dataOf<{ fieldErrors: object }>(noReason).fieldErrors)).toEqual(['reason'])
    expect(
      statusOf(await move({ intent: 'fail', payoutId: second!.id, reason: 'RIB clôturé' })),
    ).toBe(302)

    const page = dataOf<{ payouts: { id: string; status: string; outcome: string | null }[] }>(
      await call(batchLoader, makeRequest(`/admin/payouts/${batchId}`, { cookie }), { batchId }),
    )
    expect(page.payouts.find((p) => p.id === first!.id)).toMatchObject({
      status: 'paid',
      outcome: expect.stringContaining('VIR 2026/118'),
    })
    expect(page.payouts.find((p) => p.id === second!.id)).toMatchObject({ status: 'failed' })
  })

  test('payout actions want a second factor passed in the last five minutes', async () => {
    const finance = await createUser(db, { roles: ['finance'] })
    await enrolTotp(db, { userId: finance.id })
    const setCookie = await createSession(finance.id, new Request(testOrigin), {
      secondFactorAt: new Date(Date.now() - 10 * 60_000),
    })
    const cookie = setCookie.split(';')[0]!
    // Looking is allowed…
    expect(statusOf(await call(payoutsLoader, makeRequest('/admin/payouts', { cookie })))).toBe(200)
    // …creating a batch asks for the code again, and comes back here.
    const result = (await call(
      payoutsAction,
      makeRequest('/admin/payouts', { cookie, form: { key: 'a'.repeat(32) } }),
    )) as Response
    expect(result.status).toBe(302)
    const location = new URL(result.headers.get('location')!, testOrigin)
    expect(location.pathname).toBe('/login/two-factor')
    expect(location.searchParams.get('reauth')).toBe('1')
    expect(location.searchParams.get('redirectTo')).toBe('/admin/payouts')
  })

  test('a reviewer is refused the money pages', async () => {
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const cookie = await loginAs(reviewer)
    expect(statusOf(await call(payoutsLoader, makeRequest('/admin/payouts', { cookie })))).toBe(403)
    expect(
      statusOf(
        await call(
          payoutsAction,
          makeRequest('/admin/payouts', { cookie, form: { key: 'a'.repeat(32) } }),
        ),
      ),
    ).toBe(403)
    expect(
      statusOf(await call(reconciliationLoader, makeRequest('/admin/reconciliation', { cookie }))),
    ).toBe(403)
  })
})

describe('cash remittances', () => {
  test('an unknown tracking number is reported on its line and nothing is written', async () => {
    const { cookie } = await financeUser()
    const parcel = await deliveredCashOrder(3)
    const form = {
      carrier: 'amana',
      reference: 'AM-2026-77',
      receivedOn: casablancaDay(new Date()),
      lines: `tracking,amount\n${parcel.tracking},${parcel.totalCentimes / 100}\n\nRR999999999MA,10.00`,
    }
    const result = await call(
      remittancesAction,
      makeRequest('/admin/remittances', { cookie, form, language: 'fr' }),
    )
    expect(statusOf(result)).toBe(400)
    const reply = dataOf<{ lineErrors: string[]; values: Record<string, string> }>(result)
    // The line as the person counts them: the header and the blank line included.
    expect(reply.lineErrors).toEqual([
      expect.stringMatching(/^Ligne 4 \(RR999999999MA\) : Aucun colis/),
    ])
    expect(reply.values).toMatchObject({ reference: 'AM-2026-77', lines: form.lines })
    expect(await db.select().from(cashRemittances)).toEqual([])
  })

  test('an unreadable line is named; an uploaded file is read like typed lines', async () => {
    const { cookie } = await financeUser()
    const parcel = await deliveredCashOrder(3)
    const bad = await call(
      remittancesAction,
      makeRequest('/admin/remittances', {
        cookie,
        language: 'en',
        form: {
          carrier: 'amana',
          reference: 'AM-1',
          receivedOn: casablancaDay(new Date()),
          lines: `${parcel.tracking}`,
        },
      }),
    )
    expect(statusOf(bad)).toBe(400)
    expect(dataOf<{ lineErrors: string[] }>(bad).lineErrors).toEqual([
      expect.stringMatching(/^Line 1\b/),
    ])

    const upload = (content: BlobPart) =>
      call(
        remittancesAction,
        makeRequest('/admin/remittances', {
          cookie,
          language: 'en',
          form: {
            carrier: 'amana',
            reference: 'AM-2',
            receivedOn: casablancaDay(new Date()),
            lines: '',
            file: new File([content], 'amana.csv', { type: 'text/csv' }),
          },
        }),
      )
    const notText = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]))
    expect(statusOf(notText)).toBe(400)
    expect(dataOf<{ fieldErrors: Record<string, string> }>(notText).fieldErrors.file).toMatch(
      /text CSV/,
    )
    const ok = await upload(`${parcel.tracking};${(parcel.totalCentimes / 100).toFixed(2)}\r\n`)
    expect(statusOf(ok)).toBe(302)
    expect(await db.select({ id: cashRemittances.id }).from(cashRemittances)).toHaveLength(1)
    const listed = dataOf<{ remittances: { reference: string; lines: number }[] }>(
      await call(remittancesLoader, makeRequest('/admin/remittances', { cookie })),
    )
    expect(listed.remittances).toMatchObject([{ reference: 'AM-2', lines: 1 }])
  })
})

describe('reconciliation', () => {
  test('shows what was checked and the trial balance; a bad period is a message, not a 500', async () => {
    const { finance, cookie } = await financeUser()
    const parcel = await deliveredCashOrder(5)
    await remit(finance, [parcel])
    const result = await call(
      reconciliationLoader,
      makeRequest('/admin/reconciliation', { cookie, language: 'fr' }),
    )
    const page = dataOf<{
      error: string | null
      report: { checked: { n: string }[]; differences: unknown[]; balanced: boolean }
    }>(result)
    expect(page.error).toBeNull()
    expect(page.report.checked[0]!.n).toBe('1')
    expect(page.report.differences).toEqual([])
    expect(page.report.balanced).toBe(true)

    const bad = await call(
      reconciliationLoader,
      makeRequest('/admin/reconciliation?from=2026-05-10&to=2026-01-01', {
        cookie,
        language: 'fr',
      }),
    )
    expect(statusOf(bad)).toBe(200)
    expect(dataOf<{ error: string; report: null }>(bad)).toMatchObject({
      error: expect.stringContaining('période'),
      report: null,
    })
  })
})
