import { and, desc, eq, lt } from 'drizzle-orm'
import { createTransport, type Transporter } from 'nodemailer'
import { notifications } from '#db/schema/notifications.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { isLanguage, type Language } from '#app/modules/i18n/config.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'

export type EmailTemplate =
  | 'passwordReset'
  | 'welcome'
  | 'passwordChanged'
  | 'applicationReceived'
  | 'cooperativeApplied'
  | 'cooperativeApproved'
  | 'cooperativeRejected'
  | 'cooperativeSuspended'
  | 'cooperativeReactivated'
  | 'ribChangeRequested'
  | 'ribChangeToReview'
  | 'ribChangeApproved'
  | 'ribChangeRejected'
  | 'invitation'
  | 'certificateSubmitted'
  | 'certificateDecision'
  | 'certificateExpiring'
  | 'orderReceived'
  | 'orderConfirmed'
  | 'orderShipped'
  | 'orderDelivered'
  | 'orderCancelled'
  | 'orderRefunded'
  | 'cooperativeNewOrder'
  | 'cooperativeOrderCancelled'
  | 'verifyEmail'
  | 'twoFactorEnabled'
  | 'twoFactorDisabled'
  | 'recoveryCodeUsed'
  | 'legalChangeRequested'
  | 'legalChangeToReview'
  | 'legalChangeApproved'
  | 'legalChangeRejected'
  | 'payoutCreated'
  | 'payoutSent'
  | 'payoutPaid'
  | 'payoutFailed'

/**
 * Queue an e-mail in the outbox, in the caller's transaction. Subject and body come from the
 * catalogue (`emails.<template>.subject|body`) in the recipient's language.
 */
export async function enqueueEmail(
  tx: Queryable,
  message: { to: string; locale: string; template: EmailTemplate; data: Record<string, string> },
) {
  const language: Language = isLanguage(message.locale) ? message.locale : 'ar'
  const t = await translatorFor(language)
  await tx.insert(notifications).values({
    recipient: message.to,
    locale: language,
    template: message.template,
    data: message.data,
    subject: t(`emails.${message.template}.subject`, message.data),
    body: t(`emails.${message.template}.body`, message.data),
  })
}

let transport: Transporter | undefined

/**
 * Send what waits in the outbox through SMTP. Without SMTP_URL nothing is sent and the
 * messages stay readable on the development mailbox page.
 */
export async function deliverPendingEmails(limit = 50): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = getEnv()
  if (!SMTP_URL) return 0
  transport ??= createTransport(SMTP_URL)
  const pending = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.status, 'pending'), lt(notifications.attempts, 5)))
    .orderBy(notifications.createdAt)
    .limit(limit)
  let sent = 0
  for (const message of pending) {
    try {
      await transport.sendMail({
        from: MAIL_FROM,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      })
      await db
        .update(notifications)
        .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1 })
        .where(eq(notifications.id, message.id))
      sent++
    } catch (error) {
      const attempts = message.attempts + 1
      await db
        .update(notifications)
        .set({
          attempts,
          status: attempts >= 5 ? 'failed' : 'pending',
          lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        })
        .where(eq(notifications.id, message.id))
    }
  }
  return sent
}

export function listOutbox(limit = 100) {
  return db
    .select({
      id: notifications.id,
      recipient: notifications.recipient,
      subject: notifications.subject,
      body: notifications.body,
      status: notifications.status,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
}
