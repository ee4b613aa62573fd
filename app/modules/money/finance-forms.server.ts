// The finance pages' forms (ADR 016): the payout moves, a carrier's cash remittance and the
// reconciliation period, each one zod schema whose messages are catalogue keys.
import { z } from 'zod'
import { carriers } from '#db/schema/orders.ts'
import { casablancaDay, casablancaMidnight, isCalendarDay } from './days.ts'
import { westernDigits } from '#app/modules/orders/phone.server.ts'
import { parseRemittanceCsv } from './remittances.server.ts'

/** A preview's key: the digest `previewPayouts` returns. */
export const batchSchema = z.object({
  key: z.string({ error: 'errors.tampered' }).regex(/^[0-9a-f]{32}$/, { error: 'errors.tampered' }),
})

const payoutId = z.uuid({ error: 'errors.tampered' })

/** Mark a payout sent, paid (the bank's reference) or failed (the reason). */
export const payoutMoveSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('send'), payoutId }),
    z.object({
      intent: z.literal('pay'),
      payoutId,
      bankReference: z
        .string({ error: 'money.errors.bankReference' })
        .trim()
        .transform(westernDigits)
        .pipe(
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{2,63}$/, { error: 'money.errors.bankReference' }),
        ),
    }),
    z.object({
      intent: z.literal('fail'),
      payoutId,
      reason: z
        .string({ error: 'money.errors.reason' })
        .trim()
        .min(3, { error: 'money.errors.reason' })
        .max(300, { error: 'money.errors.reason' }),
    }),
  ],
  { error: 'errors.tampered' },
)

/** A carrier's remittance; its lines (typed or uploaded) are read by `readRemittanceText`. */
export const remittanceSchema = z.object({
  carrier: z.enum(carriers, { error: 'orders.errors.carrier' }),
  reference: z
    .string({ error: 'money.errors.remittanceReference' })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{1,63}$/, { error: 'money.errors.remittanceReference' }),
  receivedOn: z
    .string({ error: 'money.errors.receivedOn' })
    .trim()
    .refine(isCalendarDay, { error: 'money.errors.receivedOn' }),
  lines: z.string().optional().default(''),
})

/** An uploaded remittance file: small, and text. */
export const remittanceFileLimits = {
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 512 * 1024,
  maxFiles: 1,
}

/** The text of an uploaded file, or null when it is not UTF-8 text (a spreadsheet, a PDF…). */
export function textOfUpload(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * `parseRemittanceCsv`, and for each line it read, the line of the text it came from: the
 * errors of `recordRemittance` count the lines read, the person counts the lines written.
 */
export function readRemittanceText(text: string) {
  const parsed = parseRemittanceCsv(text)
  const refused = new Set(parsed.errors.map((e) => e.line))
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = (() => {
    const first = parseRemittanceCsv(rows[0] ?? '')
    return first.lines.length === 0 && first.errors.length === 0
  })()
  const sourceLines = rows
    .map((row, index) => ({ row, line: index + 1 }))
    .filter(({ row, line }) => row.trim() && !refused.has(line) && !(line === 1 && header))
    .map(({ line }) => line)
  return {
    ...parsed,
    sourceLineOf: (readLine: number) =>
      sourceLines.length === parsed.lines.length
        ? (sourceLines[readLine - 1] ?? readLine)
        : readLine,
  }
}

function monthBefore(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const lastOfPrevious = new Date(Date.UTC(y, m - 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m - 2, Math.min(d, lastOfPrevious))).toISOString().slice(0, 10)
}

const maxPeriodDays = 2 * 366

const periodSchema = z
  .object({
    from: z.string().trim().refine(isCalendarDay, { error: 'money.errors.period' }),
    to: z.string().trim().refine(isCalendarDay, { error: 'money.errors.period' }),
  })
  .refine(
    (p) => p.from <= p.to && (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 <= maxPeriodDays,
    { error: 'money.errors.period' },
  )

/**
 * The reconciliation period from the query string: `from` and `to` days, both included, in
 * Casablanca time; by default the month up to today.
 */
export function periodFromQuery(search: URLSearchParams, now: Date) {
  const today = casablancaDay(now)
  const from = westernDigits(search.get('from') ?? '') || monthBefore(today)
  const to = westernDigits(search.get('to') ?? '') || today
  const parsed = periodSchema.safeParse({ from, to })
  if (!parsed.success) return { ok: false as const, from, to, error: 'money.errors.period' }
  const end = new Date(Date.parse(`${parsed.data.to}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
  return {
    ok: true as const,
    from: parsed.data.from,
    to: parsed.data.to,
    period: { from: casablancaMidnight(parsed.data.from), to: casablancaMidnight(end) },
  }
}

/** A RIB with all but its last four digits hidden, for lists. */
export function maskedRib(rib: string | null) {
  return rib ? `•••• ${rib.slice(-4)}` : null
}

/** A RIB in full, grouped as printed on a bank's RIB slip: bank, town, account, key. */
export function groupedRib(rib: string) {
  return /^\d{24}$/.test(rib)
    ? `${rib.slice(0, 3)} ${rib.slice(3, 6)} ${rib.slice(6, 22)} ${rib.slice(22)}`
    : rib
}

export { casablancaDay, casablancaMidnight }
