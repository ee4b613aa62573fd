// Helpers to call Remix loaders and actions with real Requests, as the server would.
import { type AppLoadContext } from '@remix-run/node'
import { and, desc, eq } from 'drizzle-orm'
import { userRoles } from '#db/schema/identity.ts'
import { notifications } from '#db/schema/notifications.ts'
import { enrolTotp } from '#db/seed/factories.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { db } from '#app/utils/db.server.ts'
import '#app/utils/load-context.ts'

export const testOrigin = 'http://localhost:3000'

type RouteArgs = {
  request: Request
  params: Record<string, string | undefined>
  context: AppLoadContext
}
type RouteFunction = (args: RouteArgs) => unknown

export function context(overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return { requestId: 'test-request', nonce: 'test-nonce', clientIp: '203.0.113.7', ...overrides }
}

export function makeRequest(
  path: string,
  options: {
    method?: string
    form?: Record<string, string | string[] | Blob> | FormData
    cookie?: string
    language?: 'ar' | 'fr' | 'en'
    headers?: Record<string, string>
  } = {},
) {
  const headers = new Headers(options.headers)
  const method = options.method ?? (options.form ? 'POST' : 'GET')
  if (method !== 'GET' && !headers.has('origin')) headers.set('origin', testOrigin)
  headers.set('host', new URL(testOrigin).host)
  const cookies = [
    options.cookie, // The same encoding as Remix's unsigned createCookie: base64 of the JSON value.
    options.language
      ? `taawun_lang=${Buffer.from(JSON.stringify(options.language)).toString('base64')}`
      : null,
  ]
    .filter(Boolean)
    .join('; ')
  if (cookies) headers.set('cookie', cookies)
  // A plain object is sent like a browser's default form (urlencoded); a FormData as multipart.
  let body: FormData | URLSearchParams | undefined
  if (options.form instanceof FormData) body = options.form
  else if (options.form) {
    const hasFiles = Object.values(options.form).some((v) => v instanceof Blob)
    if (hasFiles) {
      const form = new FormData()
      for (const [key, value] of Object.entries(options.form)) {
        for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
      }
      body = form
    } else {
      const params = new URLSearchParams()
      for (const [key, value] of Object.entries(options.form)) {
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v as string)
      }
      body = params
    }
  }
  return new Request(new URL(path, testOrigin), { method, headers, body })
}

/** Call a loader or action; a thrown Response (redirect, 403, 404) is returned like any other. */
export async function call(
  fn: RouteFunction | undefined,
  request: Request,
  params: Record<string, string> = {},
  ctx = context(),
) {
  if (!fn) throw new Error('route function is missing')
  try {
    return await fn({ request, params, context: ctx })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

type DataWithResponseInit = {
  type: 'DataWithResponseInit'
  data: unknown
  init: ResponseInit | null
}

function isDataWithInit(value: unknown): value is DataWithResponseInit {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: string }).type === 'DataWithResponseInit'
  )
}

/** The status a route result would have on the wire (single-fetch `data()` included). */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status
  if (isDataWithInit(result)) return result.init?.status ?? 200
  return 200
}

/** The payload of a route result. */
export function dataOf<T = Record<string, unknown>>(result: unknown): T {
  if (isDataWithInit(result)) return result.data as T
  if (result instanceof Response) throw new Error(`Expected data, got a ${result.status} Response`)
  return result as T
}

export function headersOf(result: unknown): Headers {
  if (result instanceof Response) return result.headers
  if (isDataWithInit(result)) return new Headers(result.init?.headers)
  return new Headers()
}

/** The name=value pairs a browser would send back after these Set-Cookie headers. */
export function cookiesFrom(result: unknown): string {
  const headers = headersOf(result)
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((pair): pair is string => Boolean(pair) && !pair!.endsWith('='))
    .join('; ')
}

/**
 * A session cookie for this user, as if they had just logged in — by default with the
 * second factor passed, so that association staff reach /admin: a staff user without an
 * authenticator is enrolled on the way (as the first log in would have made them).
 * `secondFactor: false` gives the session of someone who has typed only the password.
 */
export async function loginAs(user: { id: string }, options: { secondFactor?: boolean } = {}) {
  const passed = options.secondFactor ?? true
  if (passed) {
    const [staff] = await db
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, user.id))
      .limit(1)
    if (staff) await enrolTotp(db, { userId: user.id })
  }
  const setCookie = await createSession(
    user.id,
    new Request(testOrigin),
    passed ? { secondFactorAt: new Date() } : {},
  )
  return setCookie.split(';')[0]!
}

/** The single-use link of the last verification e-mail sent to this address. */
export async function verificationLinkFor(email: string) {
  const [mail] = await db
    .select({ body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.recipient, email), eq(notifications.template, 'verifyEmail')))
    .orderBy(desc(notifications.createdAt))
    .limit(1)
  const link = mail?.body.match(/https?:\/\/\S+\/verify-email\?token=[\w-]+/)?.[0]
  if (!link) throw new Error(`No verification e-mail for ${email}`)
  return new URL(link)
}

/** Do what the owner of the address does: open the e-mailed link and press "confirm". */
export async function followVerificationLink(email: string) {
  const { action } = await import('#app/routes/verify-email.tsx')
  const link = await verificationLinkFor(email)
  const token = link.searchParams.get('token')!
  return call(action, makeRequest('/verify-email', { form: { intent: 'verify', token } }))
}
