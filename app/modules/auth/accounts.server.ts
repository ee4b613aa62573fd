import crypto from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { passwordResets, users } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.server.ts'
import {
  clearRateLimit,
  hitRateLimit,
  peekRateLimit,
  type RateLimitState,
  rules,
} from './rate-limit.server.ts'
import { revokeAllSessions } from './session.server.ts'
import { issueEmailVerification } from './email-verification.server.ts'

export const resetTokenLifetimeSeconds = 60 * 60

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase()
}

function tooManyAttempts(state: RateLimitState): never {
  throw new DomainError('rate_limited', 'errors.tooManyAttempts', {
    details: { minutes: Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) },
  })
}

export async function findUserByEmail(email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
  return user
}

export async function signUp(input: {
  email: string
  name: string
  password: string
  locale: string
  clientIp: string
  /** For the verification link. */
  origin: string
}) {
  const ipState = await hitRateLimit(`signup:ip:${input.clientIp}`, rules.signupPerIp)
  if (!ipState.allowed) tooManyAttempts(ipState)
  if (await findUserByEmail(input.email)) {
    throw new DomainError('conflict', 'errors.emailTaken', { field: 'email' })
  }
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        passwordHash,
        locale: input.locale,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    if (!user) throw new DomainError('conflict', 'errors.emailTaken', { field: 'email' })
    // The welcome e-mail is the verification e-mail: one message, with the link.
    await issueEmailVerification(tx, user, input.origin)
    return { id: user.id, email: user.email, name: user.name }
  })
}

/** Check credentials, throttled per client address and per account. */
export async function logIn(input: { email: string; password: string; clientIp: string }) {
  // Wrong passwords are counted per account *and* address: counted per account alone, five
  // guesses from anywhere would lock the real owner out (a cooperative's manager, on the day
  // her orders come in). Guessing from many addresses still meets the per-address limit.
  const accountKey = `login:account-ip:${normalizeEmail(input.email)}:${input.clientIp}`
  const ipState = await hitRateLimit(`login:ip:${input.clientIp}`, rules.loginPerIp)
  if (!ipState.allowed) tooManyAttempts(ipState)
  const accountState = await peekRateLimit(accountKey, rules.loginFailuresPerAccount)
  if (!accountState.allowed) tooManyAttempts(accountState)

  const user = await findUserByEmail(input.email)
  const valid = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  )
  if (!user || !valid || user.disabledAt) {
    const after = await hitRateLimit(accountKey, rules.loginFailuresPerAccount)
    if (!after.allowed) tooManyAttempts(after)
    throw new DomainError('invalid', 'errors.invalidCredentials')
  }
  await clearRateLimit(accountKey)
  return { id: user.id, email: user.email, name: user.name, locale: user.locale }
}

function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * E-mail a single-use reset link when the account exists. The answer is the same either way,
 * so the form does not reveal who has an account.
 */
export async function requestPasswordReset(input: {
  email: string
  clientIp: string
  origin: string
}) {
  const ipState = await hitRateLimit(`reset:ip:${input.clientIp}`, rules.resetPerIp)
  if (!ipState.allowed) tooManyAttempts(ipState)
  const accountState = await hitRateLimit(
    `reset:account:${normalizeEmail(input.email)}`,
    rules.resetPerAccount,
  )
  if (!accountState.allowed) tooManyAttempts(accountState)

  const user = await findUserByEmail(input.email)
  if (!user || user.disabledAt) return
  const token = crypto.randomBytes(32).toString('base64url')
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + resetTokenLifetimeSeconds * 1000),
    })
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'passwordReset',
      data: { name: user.name, link: `${input.origin}/reset-password?token=${token}` },
    })
  })
}

export async function isResetTokenUsable(token: string) {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    )
  return Boolean(row)
}

/** Set a new password with a reset token; the token is spent and every session ends. */
export async function resetPassword(input: {
  token: string
  password: string
  requestId?: string
}) {
  const passwordHash = await hashPassword(input.password)
  const user = await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId })
    if (!reset) throw new DomainError('invalid', 'errors.resetLinkInvalid')
    const [updated] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, reset.userId))
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    if (!updated) throw new DomainError('invalid', 'errors.resetLinkInvalid')
    await recordAudit(tx, {
      actorUserId: updated.id,
      actorRole: null,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: updated.id,
      requestId: input.requestId,
    })
    await enqueueEmail(tx, {
      to: updated.email,
      locale: updated.locale,
      template: 'passwordChanged',
      data: { name: updated.name },
    })
    return updated
  })
  await revokeAllSessions(user.id)
  await clearRateLimit(`login:account:${normalizeEmail(user.email)}`)
  return user
}

export async function updateProfile(userId: string, input: { name: string; locale: string }) {
  await db
    .update(users)
    .set({ name: input.name.trim(), locale: input.locale })
    .where(eq(users.id, userId))
}
