import crypto from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { emailVerifications, users } from '#db/schema/identity.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'
import { hitRateLimit, rules } from './rate-limit.server.ts'

export const verificationLifetimeSeconds = 24 * 60 * 60

function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * Queue the e-mail with a single-use link that proves the address, in the caller's
 * transaction (sign-up, application) so that the account and its link land together.
 */
export async function issueEmailVerification(
  tx: Queryable,
  user: { id: string; email: string; name: string; locale: string },
  origin: string,
) {
  const token = crypto.randomBytes(32).toString('base64url')
  await tx.insert(emailVerifications).values({
    userId: user.id,
    email: user.email,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + verificationLifetimeSeconds * 1000),
  })
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: 'verifyEmail',
    data: { name: user.name, link: `${origin}/verify-email?token=${token}` },
  })
}

/** "Send the link again", a few times an hour at most. */
export async function resendEmailVerification(
  user: { id: string; email: string; name: string; locale: string; emailVerifiedAt: Date | null },
  origin: string,
) {
  if (user.emailVerifiedAt) return
  const state = await hitRateLimit(`verify:user:${user.id}`, rules.verificationEmailsPerUser)
  if (!state.allowed) {
    throw new DomainError('rate_limited', 'errors.tooManyAttempts', {
      details: { minutes: Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) },
    })
  }
  await db.transaction((tx) => issueEmailVerification(tx, user, origin))
}

/** Spend a verification link. It proves the address it was sent to, and only that address. */
export async function verifyEmailAddress(input: { token: string; requestId?: string }) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) {
    throw new DomainError('invalid', 'verifyEmail.errors.linkInvalid')
  }
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(emailVerifications)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(emailVerifications.tokenHash, hashToken(input.token)),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: emailVerifications.userId, email: emailVerifications.email })
    if (!link) throw new DomainError('invalid', 'verifyEmail.errors.linkInvalid')
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, link.userId), eq(sql`lower(${users.email})`, link.email)))
      .returning({ id: users.id })
    if (!user) throw new DomainError('invalid', 'verifyEmail.errors.linkInvalid')
    await recordAudit(tx, {
      actorUserId: user.id,
      actorRole: null,
      action: 'user.email_verified',
      targetType: 'user',
      targetId: user.id,
      after: { email: link.email },
      requestId: input.requestId,
    })
    return user
  })
}
