// What a statement's address asks for: a period of days (Casablanca days, both ends included,
// the current month by default, at most two years) or one payout of the cooperative's own.
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { payouts } from '#db/schema/money.ts'
import { db } from '#app/utils/db.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { casablancaDay, casablancaMidnight, isCalendarDay } from './days.ts'
import { type StatementSelection } from './statements.server.ts'

const dayMs = 24 * 3600 * 1000
/** Two years of days, a leap day included. */
export const maxStatementDays = 731

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'moneyScreen.errors.period')
  .refine(isCalendarDay, 'moneyScreen.errors.period')

export const statementQuerySchema = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, 'moneyScreen.errors.period')
  .refine(
    (p) => (Date.parse(p.to) - Date.parse(p.from)) / dayMs + 1 <= maxStatementDays,
    'moneyScreen.errors.periodTooLong',
  )

/** The first and last day of the month `at` falls in (Casablanca). */
export function currentMonth(at: Date) {
  const today = casablancaDay(at)
  const [year, month] = today.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
  return { from: `${today.slice(0, 7)}-01`, to: last }
}

export type PayoutSummary = {
  id: string
  reference: string
  amountCentimes: number
  status: string
  bankReference: string | null
  createdAt: Date
}

export type StatementChoice =
  | {
      ok: true
      selection: StatementSelection
      period: { from: string; to: string } | null
      payout: PayoutSummary | null
    }
  | { ok: false; status: 400; error: string; period: { from: string; to: string } }
  | { ok: false; status: 404 }

/**
 * Read a statement's query (`from`/`to`, or `payout`). A payout of another cooperative — or
 * none — is "not found"; a period that cannot be read gives the key of the message to show.
 */
export async function chooseStatement(
  cooperativeId: string,
  query: { from?: string | null; to?: string | null; payout?: string | null },
  now: Date,
): Promise<StatementChoice> {
  if (query.payout !== undefined && query.payout !== null) {
    if (!isUuid(query.payout)) return { ok: false, status: 404 }
    const [payout] = await db
      .select({
        id: payouts.id,
        reference: payouts.reference,
        amountCentimes: payouts.amountCentimes,
        status: payouts.status,
        bankReference: payouts.bankReference,
        createdAt: payouts.createdAt,
      })
      .from(payouts)
      .where(and(eq(payouts.id, query.payout), eq(payouts.cooperativeId, cooperativeId)))
    if (!payout) return { ok: false, status: 404 }
    return {
      ok: true,
      selection: { kind: 'payout', payoutId: payout.id },
      period: null,
      payout: { ...payout, amountCentimes: Number(payout.amountCentimes) },
    }
  }
  const fallback = currentMonth(now)
  const asked = { from: query.from || fallback.from, to: query.to || fallback.to }
  const parsed = statementQuerySchema.safeParse(asked)
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? ''
    return {
      ok: false,
      status: 400,
      error: /^(\w+\.)?errors\./.test(message) ? message : 'moneyScreen.errors.period',
      period: { from: asked.from.slice(0, 10), to: asked.to.slice(0, 10) },
    }
  }
  const { from, to } = parsed.data
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + dayMs).toISOString().slice(0, 10)
  return {
    ok: true,
    selection: { kind: 'period', from: casablancaMidnight(from), to: casablancaMidnight(end) },
    period: { from, to },
    payout: null,
  }
}

export { casablancaDay, casablancaMidnight }
