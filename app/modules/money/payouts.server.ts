// Payouts by bank transfer to the cooperatives' RIBs, in batches made by finance (ADR 016).
// A batch is made from a preview and carries the preview's digest: two people pressing at once
// make one batch, and a preview that no longer matches the ledger is refused, not guessed at.
// Each payout pays exactly the ledger entries it took (payout_entries); a failed payout gives
// them back to the cooperative's available balance.
import crypto from 'node:crypto'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { payoutBatches, payoutEntries, payouts, type PayoutStatus } from '#db/schema/money.ts'
import { db, rowsOf, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { appLink, emailManagers } from '#app/modules/orders/notify.server.ts'
import { dirhams } from './arithmetic.ts'
import { releasableAt } from './balances.server.ts'
import { coopPayable, lockCooperativeAccounts, moneySettings, post } from './ledger.server.ts'

export type PayoutBlock = 'noRib' | 'ribPending' | 'belowMinimum'

export type PayoutCandidate = {
  cooperativeId: string
  slug: string
  displayName: string
  availableCentimes: number
  rib: string | null
  accountHolder: string | null
  blocked: PayoutBlock | null
  /** The last entry of its account: a preview is of the ledger as it was at that entry. */
  lastEntryId: number
}

export type PayoutActor = { userId: string; role: string }

/** Every cooperative with money available now, and whether it can be paid. */
async function candidates(tx: Queryable, now: Date) {
  const settings = await moneySettings(tx)
  const wait = settings.withdrawalDays + settings.holdDays
  const rows = rowsOf<{
    cooperative_id: string
    available: string | number
  }>(
    await tx.execute(sql`
      select e.cooperative_id, -sum(e.amount_centimes)::bigint as available
        from ledger_entries e
        join cooperative_orders co on co.id = e.cooperative_order_id
        join orders o on o.id = co.order_id
       where e.cooperative_id is not null
         and ${releasableAt(now, wait)}
         and not exists (select 1 from payout_entries pe where pe.entry_id = e.id and pe.active)
       group by e.cooperative_id
      having -sum(e.amount_centimes) > 0`),
  )
  if (!rows.length) return { settings, list: [] as PayoutCandidate[] }
  const coops = await tx
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      rib: cooperatives.rib,
      accountHolder: cooperatives.accountHolder,
      pendingRib: cooperatives.pendingRib,
    })
    .from(cooperatives)
    .where(
      inArray(
        cooperatives.id,
        rows.map((r) => r.cooperative_id),
      ),
    )
  const last = rowsOf<{ cooperative_id: string; last: string | number }>(
    await tx.execute(sql`
      select cooperative_id, max(id) as last from ledger_entries
       where ${inArray(
         sql`cooperative_id`,
         rows.map((r) => r.cooperative_id),
       )}
       group by cooperative_id`),
  )
  const list = rows
    .map((r): PayoutCandidate => {
      const c = coops.find((x) => x.id === r.cooperative_id)!
      const available = Number(r.available)
      return {
        lastEntryId: Number(last.find((l) => l.cooperative_id === c.id)?.last ?? 0),
        cooperativeId: c.id,
        slug: c.slug,
        displayName: c.displayName,
        availableCentimes: available,
        rib: c.rib,
        accountHolder: c.accountHolder,
        blocked:
          !c.rib || !c.accountHolder
            ? 'noRib'
            : c.pendingRib
              ? 'ribPending'
              : available < settings.minimumPayoutCentimes
                ? 'belowMinimum'
                : null,
      }
    })
    .sort((a, b) => a.cooperativeId.localeCompare(b.cooperativeId))
  return { settings, list }
}

function digest(list: PayoutCandidate[]) {
  const payable = list
    .filter((c) => !c.blocked)
    .sort((a, b) => a.cooperativeId.localeCompare(b.cooperativeId))
    .map((c) => `${c.cooperativeId}:${c.availableCentimes}:${c.rib}:${c.lastEntryId}`)
  return crypto.createHash('sha256').update(payable.join('|')).digest('hex').slice(0, 32)
}

/** What a batch made now would pay, and the digest that makes it. */
export async function previewPayouts(now: Date = new Date()) {
  const { settings, list } = await candidates(db, now)
  const payable = list.filter((c) => !c.blocked)
  return {
    candidates: [...list].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    payableCount: payable.length,
    totalCentimes: payable.reduce((s, c) => s + c.availableCentimes, 0),
    minimumCentimes: settings.minimumPayoutCentimes,
    key: digest(list),
  }
}

// Batches are made one at a time, whoever presses: the key of this advisory lock.
const batchLock = 734_021

/**
 * Make the batch of a preview: one payout per payable cooperative, each taking the entries
 * of its available balance, posted from its account to `payouts_in_transit`. The same preview
 * key returns the same batch; a preview the ledger no longer matches is refused.
 */
export async function createPayoutBatch(input: {
  actor: PayoutActor
  key: string
  now?: Date
  requestId?: string
}): Promise<{ batchId: string; created: boolean }> {
  const now = input.now ?? new Date()
  if (!/^[0-9a-f]{32}$/.test(input.key)) throw new DomainError('invalid', 'errors.tampered')
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${batchLock})`)
    const [existing] = await tx
      .select({ id: payoutBatches.id })
      .from(payoutBatches)
      .where(eq(payoutBatches.idempotencyKey, input.key))
    if (existing) return { batchId: existing.id, created: false }

    // Lock the accounts of every cooperative that could be paid, then read the balances again
    // under those locks: a refund (which takes the same lock) cannot slip in between.
    const seen = await candidates(tx, now)
    const locked = new Set(seen.list.map((c) => c.cooperativeId))
    await lockCooperativeAccounts(tx, [...locked])
    const { list } = await candidates(tx, now)
    if (digest(list) !== input.key || list.some((c) => !locked.has(c.cooperativeId)))
      throw new DomainError('conflict', 'money.errors.previewChanged')
    const payable = list.filter((c) => !c.blocked)
    if (!payable.length) throw new DomainError('conflict', 'money.errors.nothingToPay')
    const settings = await moneySettings(tx)
    const wait = settings.withdrawalDays + settings.holdDays
    const year = now.getUTCFullYear()
    const [counts] = rowsOf<{ batches: string | number; payouts: string | number }>(
      await tx.execute(
        sql`select (select count(*) from payout_batches) as batches, (select count(*) from payouts) as payouts`,
      ),
    )
    const [batch] = await tx
      .insert(payoutBatches)
      .values({
        number: `TWB-${year}-${String(Number(counts!.batches) + 1).padStart(4, '0')}`,
        idempotencyKey: input.key,
        createdBy: input.actor.userId,
        totalCentimes: payable.reduce((s, c) => s + c.availableCentimes, 0),
        createdAt: now,
      })
      .returning({ id: payoutBatches.id, number: payoutBatches.number })
    let n = Number(counts!.payouts)
    for (const c of payable) {
      const entries = rowsOf<{ id: string | number; amount_centimes: string | number }>(
        await tx.execute(sql`
          select e.id, e.amount_centimes
            from ledger_entries e
            join cooperative_orders co on co.id = e.cooperative_order_id
            join orders o on o.id = co.order_id
           where e.account_id = ${coopPayable(c.cooperativeId)}
             and ${releasableAt(now, wait)}
             and not exists (select 1 from payout_entries pe where pe.entry_id = e.id and pe.active)`),
      )
      const amount = -entries.reduce((s, e) => s + Number(e.amount_centimes), 0)
      // A carrier's remittance recorded this very moment: the preview is no longer the truth.
      if (amount !== c.availableCentimes)
        throw new DomainError('conflict', 'money.errors.previewChanged')
      n += 1
      const [payout] = await tx
        .insert(payouts)
        .values({
          batchId: batch!.id,
          cooperativeId: c.cooperativeId,
          reference: `TWP-${year}-${String(n).padStart(6, '0')}`,
          amountCentimes: amount,
          rib: c.rib!,
          accountHolder: c.accountHolder!,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: payouts.id, reference: payouts.reference })
      await tx
        .insert(payoutEntries)
        .values(entries.map((e) => ({ payoutId: payout!.id, entryId: Number(e.id) })))
      await post(tx, {
        key: `payout:${payout!.id}`,
        kind: 'payout',
        occurredAt: now,
        payoutId: payout!.id,
        entries: [
          { account: coopPayable(c.cooperativeId), amount },
          { account: 'payouts_in_transit', amount: -amount },
        ],
      })
      await tell(tx, c, 'payoutCreated', { reference: payout!.reference, amount })
    }
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      action: 'payout_batch.created',
      targetType: 'payout_batch',
      targetId: batch!.id,
      after: {
        number: batch!.number,
        payouts: payable.map((c) => ({
          cooperativeId: c.cooperativeId,
          amountCentimes: c.availableCentimes,
        })),
      },
      requestId: input.requestId,
    })
    return { batchId: batch!.id, created: true }
  })
}

async function tell(
  tx: Queryable,
  cooperative: { cooperativeId: string; slug: string; displayName: string },
  template: 'payoutCreated' | 'payoutSent' | 'payoutPaid' | 'payoutFailed',
  data: { reference: string; amount: number; bankReference?: string; reason?: string },
) {
  await emailManagers(tx, {
    cooperativeId: cooperative.cooperativeId,
    template,
    data: {
      cooperative: cooperative.displayName,
      reference: data.reference,
      amount: dirhams(data.amount),
      bankReference: data.bankReference ?? '',
      reason: data.reason ?? '',
      link: appLink(`/coop/${cooperative.slug}/money`),
    },
  })
}

export type PayoutAction = 'send' | 'pay' | 'fail'

const moves: Record<PayoutAction, { from: PayoutStatus[]; to: PayoutStatus }> = {
  send: { from: ['pending'], to: 'sent' },
  pay: { from: ['pending', 'sent'], to: 'paid' },
  fail: { from: ['pending', 'sent'], to: 'failed' },
}

/**
 * Mark a payout sent, paid (with the bank's reference) or failed (with the reason). Paid moves
 * the money out of transit to the bank; failed gives it back to the cooperative's balance.
 */
export async function markPayout(input: {
  actor: PayoutActor
  payoutId: string
  action: PayoutAction
  bankReference?: string
  reason?: string
  now?: Date
  requestId?: string
}) {
  const now = input.now ?? new Date()
  if (!isUuid(input.payoutId)) throw new DomainError('not_found', 'errors.notFound')
  const move = moves[input.action]
  if (!move) throw new DomainError('invalid', 'errors.tampered')
  const bankReference = input.bankReference?.trim() ?? ''
  const reason = input.reason?.trim() ?? ''
  if (input.action === 'pay' && !/^[A-Za-z0-9][A-Za-z0-9 ./_-]{2,63}$/.test(bankReference))
    throw new DomainError('invalid', 'money.errors.bankReference', { field: 'bankReference' })
  if (input.action === 'fail' && (reason.length < 3 || reason.length > 300))
    throw new DomainError('invalid', 'money.errors.reason', { field: 'reason' })
  return db.transaction(async (tx) => {
    const [payout] = await tx
      .select({
        id: payouts.id,
        status: payouts.status,
        amountCentimes: payouts.amountCentimes,
        reference: payouts.reference,
        cooperativeId: payouts.cooperativeId,
        slug: cooperatives.slug,
        displayName: cooperatives.displayName,
      })
      .from(payouts)
      .innerJoin(cooperatives, eq(cooperatives.id, payouts.cooperativeId))
      .where(eq(payouts.id, input.payoutId))
      .for('update', { of: payouts })
    if (!payout) throw new DomainError('not_found', 'errors.notFound')
    if (!move.from.includes(payout.status as PayoutStatus))
      throw new DomainError('conflict', 'money.errors.illegalPayoutMove', {
        details: { status: payout.status },
      })
    const amount = Number(payout.amountCentimes)
    await tx
      .update(payouts)
      .set({
        status: move.to,
        updatedAt: now,
        ...(input.action === 'send' ? { sentAt: now } : {}),
        ...(input.action === 'pay' ? { paidAt: now, bankReference } : {}),
        ...(input.action === 'fail' ? { failedAt: now, failureReason: reason } : {}),
      })
      .where(eq(payouts.id, payout.id))
    if (input.action === 'pay')
      await post(tx, {
        key: `payout_paid:${payout.id}`,
        kind: 'payout_paid',
        occurredAt: now,
        payoutId: payout.id,
        entries: [
          { account: 'payouts_in_transit', amount },
          { account: 'bank', amount: -amount },
        ],
      })
    if (input.action === 'fail') {
      await lockCooperativeAccounts(tx, [payout.cooperativeId])
      await tx
        .update(payoutEntries)
        .set({ active: false })
        .where(and(eq(payoutEntries.payoutId, payout.id), eq(payoutEntries.active, true)))
      await post(tx, {
        key: `payout_failed:${payout.id}`,
        kind: 'payout_failed',
        occurredAt: now,
        payoutId: payout.id,
        entries: [
          { account: 'payouts_in_transit', amount },
          { account: coopPayable(payout.cooperativeId), amount: -amount },
        ],
      })
    }
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      action: `payout.${input.action}`,
      targetType: 'payout',
      targetId: payout.id,
      before: { status: payout.status },
      after: {
        status: move.to,
        ...(bankReference && input.action === 'pay' ? { bankReference } : {}),
        ...(reason && input.action === 'fail' ? { reason } : {}),
      },
      requestId: input.requestId,
    })
    const template = ({ send: 'payoutSent', pay: 'payoutPaid', fail: 'payoutFailed' } as const)[
      input.action
    ]
    await tell(
      tx,
      { cooperativeId: payout.cooperativeId, slug: payout.slug, displayName: payout.displayName },
      template,
      { reference: payout.reference, amount, bankReference, reason },
    )
    return move.to
  })
}

/** The batches, newest first, with how many of their payouts are in each state. */
export async function listBatches(limit = 50) {
  const batches = await db
    .select({
      id: payoutBatches.id,
      number: payoutBatches.number,
      totalCentimes: payoutBatches.totalCentimes,
      createdAt: payoutBatches.createdAt,
    })
    .from(payoutBatches)
    .orderBy(desc(payoutBatches.createdAt))
    .limit(limit)
  if (!batches.length) return []
  const statuses = await db
    .select({ batchId: payouts.batchId, status: payouts.status, n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(
      inArray(
        payouts.batchId,
        batches.map((b) => b.id),
      ),
    )
    .groupBy(payouts.batchId, payouts.status)
  return batches.map((b) => ({
    ...b,
    totalCentimes: Number(b.totalCentimes),
    counts: Object.fromEntries(
      statuses.filter((s) => s.batchId === b.id).map((s) => [s.status, s.n]),
    ) as Partial<Record<PayoutStatus, number>>,
  }))
}

/** One batch and its payouts (null when there is no such batch). */
export async function batchDetail(batchId: string) {
  if (!isUuid(batchId)) return null
  const [batch] = await db
    .select({
      id: payoutBatches.id,
      number: payoutBatches.number,
      totalCentimes: payoutBatches.totalCentimes,
      createdAt: payoutBatches.createdAt,
    })
    .from(payoutBatches)
    .where(eq(payoutBatches.id, batchId))
  if (!batch) return null
  const rows = await db
    .select({
      id: payouts.id,
      reference: payouts.reference,
      amountCentimes: payouts.amountCentimes,
      rib: payouts.rib,
      accountHolder: payouts.accountHolder,
      status: payouts.status,
      bankReference: payouts.bankReference,
      failureReason: payouts.failureReason,
      cooperativeId: payouts.cooperativeId,
      cooperativeName: cooperatives.displayName,
      cooperativeSlug: cooperatives.slug,
    })
    .from(payouts)
    .innerJoin(cooperatives, eq(cooperatives.id, payouts.cooperativeId))
    .where(eq(payouts.batchId, batchId))
    .orderBy(asc(payouts.reference))
  return {
    ...batch,
    totalCentimes: Number(batch.totalCentimes),
    payouts: rows.map((r) => ({ ...r, amountCentimes: Number(r.amountCentimes) })),
  }
}

function csvField(value: string) {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * The bank-transfer file of a batch: one line per payout not failed, with the RIB, the account
 * holder, the amount in dirhams with two decimals and the reference (README, "Payouts").
 */
export function transferCsv(batch: NonNullable<Awaited<ReturnType<typeof batchDetail>>>) {
  const lines = [['rib', 'account_holder', 'amount_mad', 'reference']]
  for (const p of batch.payouts) {
    if (p.status === 'failed') continue
    lines.push([p.rib, p.accountHolder, dirhams(p.amountCentimes), p.reference])
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** A cooperative's payouts, newest first, for its money screen. */
export async function payoutsOf(cooperativeId: string, limit = 24) {
  const rows = await db
    .select({
      id: payouts.id,
      reference: payouts.reference,
      amountCentimes: payouts.amountCentimes,
      status: payouts.status,
      bankReference: payouts.bankReference,
      failureReason: payouts.failureReason,
      createdAt: payouts.createdAt,
      paidAt: payouts.paidAt,
    })
    .from(payouts)
    .where(eq(payouts.cooperativeId, cooperativeId))
    .orderBy(desc(payouts.createdAt))
    .limit(limit)
  return rows.map((r) => ({ ...r, amountCentimes: Number(r.amountCentimes) }))
}
