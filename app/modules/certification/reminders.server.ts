import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm'
import { certificateReminders, certificates } from '#db/schema/certification.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'
import { emailManagers } from '#app/modules/cooperatives/notify.server.ts'

export const reminderDays = [60, 30, 7] as const

const day = 24 * 3600 * 1000

export type ReminderThreshold = (typeof reminderDays)[number]

/** The closest threshold reached this many days before expiry (none past 60 days or after it). */
export function reminderThreshold(daysLeft: number): ReminderThreshold | undefined {
  if (daysLeft <= 0) return undefined
  const due = reminderDays.filter((d) => daysLeft <= d)
  return due[due.length - 1]
}

/**
 * E-mail the managers of cooperatives whose approved certificates expire within 60, 30 or
 * 7 days. Each reminder goes out once per expiry date (a later reminder that is already
 * due replaces the earlier ones). Safe to run as often as wanted, from several servers.
 */
export async function sendCertificateReminders(now: Date = new Date()): Promise<number> {
  const soon = await db
    .select({
      id: certificates.id,
      number: certificates.number,
      expiresAt: certificates.expiresAt,
      cooperativeId: certificates.cooperativeId,
      cooperativeName: cooperatives.displayName,
    })
    .from(certificates)
    .innerJoin(cooperatives, eq(cooperatives.id, certificates.cooperativeId))
    .where(
      and(
        eq(certificates.status, 'approved'),
        isNotNull(certificates.expiresAt),
        gt(certificates.expiresAt, sql`${now.toISOString()}::timestamptz`),
        lte(
          certificates.expiresAt,
          sql`${new Date(now.getTime() + reminderDays[0] * day).toISOString()}::timestamptz`,
        ),
      ),
    )
  let sent = 0
  for (const certificate of soon) {
    const expiresAt = certificate.expiresAt!
    const daysLeft = (expiresAt.getTime() - now.getTime()) / day
    const threshold = reminderThreshold(daysLeft)
    if (threshold === undefined) continue
    const due = reminderDays.filter((d) => d >= threshold)
    const wrote = await db.transaction(async (tx) => {
      // Claim every due threshold at once: whoever inserts the closest one sends the e-mail.
      const claimed = await tx
        .insert(certificateReminders)
        .values(due.map((daysBefore) => ({ certificateId: certificate.id, daysBefore, expiresAt })))
        .onConflictDoNothing()
        .returning({ daysBefore: certificateReminders.daysBefore })
      if (!claimed.some((c) => c.daysBefore === threshold)) return false
      await emailManagers(tx, certificate.cooperativeId, 'certificateExpiring', {
        cooperative: certificate.cooperativeName,
        number: certificate.number,
        days: String(Math.max(1, Math.ceil(daysLeft))),
      })
      return true
    })
    if (wrote) sent++
  }
  return sent
}
