import crypto from 'node:crypto'
import { createCookie, createCookieSessionStorage, type Cookie } from '@remix-run/node'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { platformSettings } from '#db/schema/reference.ts'
import { sessions, totpFactors, userRoles, users } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { getEnv, secureCookiesEnabled } from '#app/utils/env.server.ts'

export const sessionLifetimeSeconds = 60 * 60 * 24 * 30

/**
 * Cookie secrets: SESSION_SECRET (comma-separated, newest first — rotate by prepending), or
 * else one generated at first start and kept in the database so every app server shares it.
 */
let secretsPromise: Promise<string[]> | undefined
async function loadSecrets(): Promise<string[]> {
  const fromEnv = getEnv().SESSION_SECRET
  if (fromEnv)
    return fromEnv
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  const generated = crypto.randomBytes(32).toString('base64url')
  await db
    .insert(platformSettings)
    .values({ key: 'session_secret', value: generated })
    .onConflictDoNothing()
  const [row] = await db
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, 'session_secret'))
  return [String(row?.value ?? generated)]
}

/** The cookie secrets, newest first (also the fallback key material for TOTP secrets). */
export function getSessionSecrets(): Promise<string[]> {
  secretsPromise ??= loadSecrets()
  return secretsPromise
}

/** A user with an authenticator whose session has not passed it yet is only half signed in. */
export function needsSecondFactor(user: Pick<SessionUser, 'twoFactorEnabled' | 'secondFactorAt'>) {
  return user.twoFactorEnabled && !user.secondFactorAt
}

export function resetSessionSecretsCache() {
  secretsPromise = undefined
  cookiePromise = undefined
  toastStoragePromise = undefined
}

let cookiePromise: Promise<Cookie> | undefined
async function sessionCookie(): Promise<Cookie> {
  cookiePromise ??= (async () => {
    secretsPromise ??= loadSecrets()
    const secure = secureCookiesEnabled()
    return createCookie(secure ? '__Host-taawun_session' : 'taawun_session', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      secrets: await secretsPromise,
      maxAge: sessionLifetimeSeconds,
    })
  })()
  return cookiePromise
}

export type SessionUser = {
  id: string
  email: string
  name: string
  locale: string
  sessionId: string
  roles: string[]
  /** Null until the owner followed the verification link: see `requireVerifiedUser`. */
  emailVerifiedAt: Date | null
  /** The user has confirmed an authenticator app. */
  twoFactorEnabled: boolean
  /** When this session last passed the second factor; null if it never did. */
  secondFactorAt: Date | null
}

const resolved = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user of this request, or null. Looked up once per request. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let pending = resolved.get(request)
  if (!pending) {
    pending = lookUpSessionUser(request)
    resolved.set(request, pending)
  }
  return pending
}

async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const cookie = await sessionCookie()
  const sessionId: unknown = await cookie.parse(request.headers.get('cookie'))
  if (typeof sessionId !== 'string' || sessionId.length < 20) return null
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      secondFactorAt: sessions.secondFactorAt,
      twoFactorEnabled: sql<boolean>`exists (select 1 from ${totpFactors} where ${totpFactors.userId} = "users"."id" and ${totpFactors.confirmedAt} is not null)`,
      roles: sql<
        string[]
      >`coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = "users"."id"), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
  if (!row) return null
  return {
    ...row,
    roles: row.roles ?? [],
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    sessionId,
  }
}

/** Start a new session (a new id every time: sessions rotate at log in). */
export async function createSession(
  userId: string,
  request: Request,
  options: { secondFactorAt?: Date } = {},
): Promise<string> {
  const previous = await getSessionUser(request)
  if (previous) await revokeSession(previous.sessionId)
  const id = crypto.randomBytes(32).toString('base64url')
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt: new Date(Date.now() + sessionLifetimeSeconds * 1000),
    userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
    secondFactorAt: options.secondFactorAt ?? null,
  })
  return (await sessionCookie()).serialize(id)
}

/** The session passed the second factor at `at` (log in, enrolment or re-authentication). */
export async function markSecondFactorPassed(sessionId: string, at: Date) {
  await db.update(sessions).set({ secondFactorAt: at }).where(eq(sessions.id, sessionId))
}

export async function revokeSession(sessionId: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId))
}

export async function revokeAllSessions(userId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
}

export async function clearSessionCookie(): Promise<string> {
  return (await sessionCookie()).serialize('', { maxAge: 0 })
}

// Flash messages ("toasts") shown once after a redirect.
type ToastData = { toast: { type: 'success' | 'error'; message: string } }
let toastStoragePromise:
  Promise<ReturnType<typeof createCookieSessionStorage<ToastData>>> | undefined
async function toastStorage() {
  toastStoragePromise ??= (async () => {
    secretsPromise ??= loadSecrets()
    return createCookieSessionStorage<ToastData>({
      cookie: {
        name: 'taawun_toast',
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: secureCookiesEnabled(),
        secrets: await secretsPromise,
      },
    })
  })()
  return toastStoragePromise
}

/** A Set-Cookie header that shows `messageKey` (a catalogue key) on the next page. */
export async function toastCookie(messageKey: string, type: 'success' | 'error' = 'success') {
  const storage = await toastStorage()
  const session = await storage.getSession()
  session.flash('toast', { type, message: messageKey })
  return storage.commitSession(session)
}

export async function readToast(request: Request) {
  const storage = await toastStorage()
  const session = await storage.getSession(request.headers.get('cookie'))
  const toast = session.get('toast') ?? null
  return { toast, setCookie: toast ? await storage.destroySession(session) : null }
}

/** The secrets that sign this application's cookies (the cart cookie uses them too). */
export async function cookieSecrets(): Promise<string[]> {
  secretsPromise ??= loadSecrets()
  return secretsPromise
}
