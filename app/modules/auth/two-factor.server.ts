import crypto from 'node:crypto'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { recoveryCodes, totpFactors, userRoles } from '#db/schema/identity.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'
import {
  clearRateLimit,
  hitRateLimit,
  peekRateLimit,
  type RateLimitState,
  rules,
} from './rate-limit.server.ts'
import { getSessionSecrets, markSecondFactorPassed, type SessionUser } from './session.server.ts'

export const totpPeriodSeconds = 30
export const recoveryCodeCount = 10
const issuer = 'Taawun'
// No 0/o/1/l/i: codes are copied from paper.
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Association staff must use a second factor; for everyone else it is a choice. */
export function secondFactorRequired(user: Pick<SessionUser, 'roles'>) {
  return user.roles.length > 0
}

type Actor = Pick<SessionUser, 'id' | 'email' | 'name' | 'locale' | 'roles'>

function tooManyAttempts(state: RateLimitState): never {
  throw new DomainError('rate_limited', 'errors.tooManyAttempts', {
    details: { minutes: Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) },
  })
}

// ── Secrets at rest: AES-256-GCM under a key from TOTP_ENCRYPTION_KEY, else from the session
// secrets. Every configured key is tried when decrypting, so keys can be rotated by prepending.

async function encryptionKeys(): Promise<Buffer[]> {
  const configured = getEnv().TOTP_ENCRYPTION_KEY
  const material = configured
    ? configured.split(',').map((k) => k.trim())
    : await getSessionSecrets()
  return material.map((m) =>
    Buffer.from(crypto.hkdfSync('sha256', m, 'taawun', 'totp-secret-v1', 32)),
  )
}

/** Exported for the test factories, which enrol users with a known secret. */
export async function encryptSecret(secret: string) {
  const [key] = await encryptionKeys()
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key!, iv)
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

async function decryptSecret(stored: string) {
  const [version, iv, tag, body] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown TOTP secret format')
  for (const key of await encryptionKeys()) {
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    } catch {
      // Not this key: try the next one.
    }
  }
  throw new Error('No configured key decrypts this TOTP secret')
}

// ── Codes

function hashRecoveryCode(code: string) {
  return crypto.createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex')
}

function normalizeRecoveryCode(code: string) {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function newRecoveryCode() {
  const bytes = crypto.randomBytes(10)
  const chars = Array.from(bytes, (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** The time step a TOTP code belongs to, if it is valid now and newer than `afterTimeStep`. */
async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
  now: Date,
) {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    // One step either side, for clocks that drift and codes typed as they change.
    epochTolerance: totpPeriodSeconds,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

async function issueRecoveryCodes(tx: Queryable, userId: string) {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode)
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
  return codes
}

async function findFactor(userId: string) {
  const [factor] = await db
    .select({
      secretEncrypted: totpFactors.secretEncrypted,
      confirmedAt: totpFactors.confirmedAt,
      lastTimeStep: totpFactors.lastTimeStep,
    })
    .from(totpFactors)
    .where(eq(totpFactors.userId, userId))
  return factor ?? null
}

// ── Enrolment

/** A new secret for the user's authenticator app, replacing an enrolment left unfinished. */
export async function startTotpEnrolment(user: Pick<SessionUser, 'id'>) {
  const secretEncrypted = await encryptSecret(generateSecret())
  const [row] = await db
    .insert(totpFactors)
    .values({ userId: user.id, secretEncrypted })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretEncrypted, lastTimeStep: null, createdAt: new Date() },
      // An app already confirmed is never silently replaced.
      setWhere: isNull(totpFactors.confirmedAt),
    })
    .returning({ userId: totpFactors.userId })
  if (!row) throw new DomainError('conflict', 'twoFactor.errors.alreadyOn')
}

/** The enrolment under way, with the QR code (SVG, drawn here) and the key to type by hand. */
export async function getPendingEnrolment(user: Pick<SessionUser, 'id' | 'email'>) {
  const factor = await findFactor(user.id)
  if (!factor || factor.confirmedAt) return null
  const secret = await decryptSecret(factor.secretEncrypted)
  const uri = generateURI({ issuer, label: user.email, secret, period: totpPeriodSeconds })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { secret, qrSvg }
}

/**
 * The first code from the app confirms the enrolment. Returns the recovery codes: they are
 * shown once, and only their hashes are kept.
 */
export async function confirmTotpEnrolment(input: {
  user: Actor
  sessionId: string
  code: string
  clientIp: string
  now?: Date
  requestId?: string
}) {
  const now = input.now ?? new Date()
  await throttle(input.user.id, input.clientIp)
  const factor = await findFactor(input.user.id)
  if (!factor) throw new DomainError('invalid', 'twoFactor.errors.noEnrolment')
  if (factor.confirmedAt) throw new DomainError('conflict', 'twoFactor.errors.alreadyOn')
  const step = await acceptedTimeStep(
    await decryptSecret(factor.secretEncrypted),
    input.code.replace(/\s/g, ''),
    null,
    now,
  )
  if (step === null) await failed(input.user.id)
  await clearRateLimit(failureKey(input.user.id))
  const codes = await db.transaction(async (tx) => {
    const [confirmed] = await tx
      .update(totpFactors)
      .set({ confirmedAt: now, lastTimeStep: step })
      .where(and(eq(totpFactors.userId, input.user.id), isNull(totpFactors.confirmedAt)))
      .returning({ userId: totpFactors.userId })
    if (!confirmed) throw new DomainError('conflict', 'twoFactor.errors.alreadyOn')
    const codes = await issueRecoveryCodes(tx, input.user.id)
    await recordAudit(tx, {
      actorUserId: input.user.id,
      actorRole: input.user.roles[0] ?? null,
      action: 'user.two_factor_enabled',
      targetType: 'user',
      targetId: input.user.id,
      requestId: input.requestId,
    })
    await enqueueEmail(tx, {
      to: input.user.email,
      locale: input.user.locale,
      template: 'twoFactorEnabled',
      data: { name: input.user.name },
    })
    return codes
  })
  await markSecondFactorPassed(input.sessionId, now)
  return codes
}

// ── Log in and re-authentication

function failureKey(userId: string) {
  return `2fa:user:${userId}`
}

async function throttle(userId: string, clientIp: string) {
  const ipState = await hitRateLimit(`2fa:ip:${clientIp}`, rules.secondFactorPerIp)
  if (!ipState.allowed) tooManyAttempts(ipState)
  const userState = await peekRateLimit(failureKey(userId), rules.secondFactorFailuresPerUser)
  if (!userState.allowed) tooManyAttempts(userState)
}

async function failed(userId: string): Promise<never> {
  const after = await hitRateLimit(failureKey(userId), rules.secondFactorFailuresPerUser)
  if (!after.allowed) tooManyAttempts(after)
  throw new DomainError('invalid', 'twoFactor.errors.codeInvalid', { field: 'code' })
}

/**
 * Check a code from the app, or a recovery code (each works once), against the user's
 * confirmed authenticator. Failures are counted per user and per address.
 */
async function checkSecondFactor(input: {
  user: Actor
  code: string
  clientIp: string
  now: Date
  requestId?: string
}): Promise<'totp' | 'recovery'> {
  await throttle(input.user.id, input.clientIp)
  const factor = await findFactor(input.user.id)
  if (!factor?.confirmedAt) throw new DomainError('invalid', 'twoFactor.errors.noEnrolment')
  const code = input.code.trim()
  const step = await acceptedTimeStep(
    await decryptSecret(factor.secretEncrypted),
    code.replace(/\s/g, ''),
    factor.lastTimeStep,
    input.now,
  )
  if (step !== null) {
    // Compare-and-set: of two requests with the same code, one wins.
    const [updated] = await db
      .update(totpFactors)
      .set({ lastTimeStep: step })
      .where(
        and(
          eq(totpFactors.userId, input.user.id),
          or(isNull(totpFactors.lastTimeStep), lt(totpFactors.lastTimeStep, step)),
        ),
      )
      .returning({ userId: totpFactors.userId })
    if (!updated) return failed(input.user.id)
    await clearRateLimit(failureKey(input.user.id))
    return 'totp'
  }
  if (normalizeRecoveryCode(code).length !== 10) return failed(input.user.id)
  const used = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(recoveryCodes)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(recoveryCodes.userId, input.user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id })
    if (!spent) return false
    await recordAudit(tx, {
      actorUserId: input.user.id,
      actorRole: input.user.roles[0] ?? null,
      action: 'user.recovery_code_used',
      targetType: 'user',
      targetId: input.user.id,
      requestId: input.requestId,
    })
    await enqueueEmail(tx, {
      to: input.user.email,
      locale: input.user.locale,
      template: 'recoveryCodeUsed',
      data: { name: input.user.name },
    })
    return true
  })
  if (!used) return failed(input.user.id)
  await clearRateLimit(failureKey(input.user.id))
  return 'recovery'
}

/** The second step of logging in, and the re-authentication before sensitive actions. */
export async function verifySecondFactor(input: {
  user: Actor & { sessionId: string }
  code: string
  clientIp: string
  now?: Date
  requestId?: string
}) {
  const now = input.now ?? new Date()
  const method = await checkSecondFactor({ ...input, now })
  await markSecondFactorPassed(input.user.sessionId, now)
  return method
}

/** How many unused recovery codes the user has left. */
export async function remainingRecoveryCodes(userId: string) {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return rows.length
}

/** New recovery codes (the old ones stop working), after a fresh code from the app. */
export async function regenerateRecoveryCodes(input: {
  user: Actor
  code: string
  clientIp: string
  now?: Date
  requestId?: string
}) {
  await checkSecondFactor({ ...input, now: input.now ?? new Date() })
  return db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, input.user.id)
    await recordAudit(tx, {
      actorUserId: input.user.id,
      actorRole: input.user.roles[0] ?? null,
      action: 'user.recovery_codes_regenerated',
      targetType: 'user',
      targetId: input.user.id,
      requestId: input.requestId,
    })
    return codes
  })
}

/** Turn the second factor off (not for association staff, who must keep it). */
export async function disableTwoFactor(input: {
  user: Actor
  code: string
  clientIp: string
  now?: Date
  requestId?: string
}) {
  if (secondFactorRequired(input.user)) {
    throw new DomainError('forbidden', 'twoFactor.errors.requiredForStaff')
  }
  await checkSecondFactor({ ...input, now: input.now ?? new Date() })
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.user.id))
    await tx.delete(totpFactors).where(eq(totpFactors.userId, input.user.id))
    await recordAudit(tx, {
      actorUserId: input.user.id,
      actorRole: null,
      action: 'user.two_factor_disabled',
      targetType: 'user',
      targetId: input.user.id,
      requestId: input.requestId,
    })
    await enqueueEmail(tx, {
      to: input.user.email,
      locale: input.user.locale,
      template: 'twoFactorDisabled',
      data: { name: input.user.name },
    })
  })
}

/** Where a user goes after the password: the code page, the enrolment page, or on. */
export async function secondStepAfterPassword(userId: string): Promise<'verify' | 'enrol' | null> {
  const [row] = await db
    .select({
      confirmed: sql<boolean>`exists (select 1 from ${totpFactors} where ${totpFactors.userId} = ${userId} and ${totpFactors.confirmedAt} is not null)`,
      staff: sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${userId})`,
    })
    .from(sql`(select 1) as one`)
  if (row?.confirmed) return 'verify'
  if (row?.staff) return 'enrol'
  return null
}
