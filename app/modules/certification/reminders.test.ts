import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { notifications } from '#db/schema/notifications.ts'
import { createCertificate, createCooperativeWithTeam } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { sendCertificateReminders } from './reminders.server.ts'

const day = 24 * 3600 * 1000

async function reminders() {
  return db
    .select({ to: notifications.recipient, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.template, 'certificateExpiring'))
}

describe('expiry reminders', () => {
  test('go to every manager 60, 30 and 7 days before expiry, each once', async () => {
    const { cooperative, manager, member } = await createCooperativeWithTeam(db)
    const start = new Date()
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      expiresAt: new Date(start.getTime() + 75 * day),
    })

    expect(await sendCertificateReminders(start)).toBe(0)
    const at60 = new Date(start.getTime() + 15 * day)
    expect(await sendCertificateReminders(at60)).toBe(1)
    expect(await sendCertificateReminders(at60)).toBe(0)
    expect(await sendCertificateReminders(new Date(start.getTime() + 30 * day))).toBe(0)
    expect(await sendCertificateReminders(new Date(start.getTime() + 45 * day))).toBe(1)
    expect(await sendCertificateReminders(new Date(start.getTime() + 68 * day))).toBe(1)
    expect(await sendCertificateReminders(new Date(start.getTime() + 70 * day))).toBe(0)
    // After expiry there is nothing to remind: the product is already off sale.
    expect(await sendCertificateReminders(new Date(start.getTime() + 80 * day))).toBe(0)

    const sent = await reminders()
    expect(sent).toHaveLength(3)
    expect(sent.every((m) => m.to === manager.email)).toBe(true)
    expect(sent.some((m) => m.to === member.email)).toBe(false)
    expect(sent.map((m) => m.data.days)).toEqual(['60', '30', '7'])
  })

  test('a certificate found 10 days before expiry gets only the closest reminder; pending and revoked ones get none', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const now = new Date()
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      expiresAt: new Date(now.getTime() + 10 * day),
    })
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'halal',
      status: 'pending_review',
      expiresAt: new Date(now.getTime() + 5 * day),
    })
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'sdoq',
      status: 'revoked',
      expiresAt: new Date(now.getTime() + 5 * day),
    })
    expect(await sendCertificateReminders(now)).toBe(1)
    expect((await reminders()).map((m) => m.data.days)).toEqual(['10'])
    expect(await sendCertificateReminders(new Date(now.getTime() + 4 * day))).toBe(1)
    expect(await sendCertificateReminders(new Date(now.getTime() + 5 * day))).toBe(0)
  })
})
