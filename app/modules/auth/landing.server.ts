// Where people land after signing in: where their work is. An explicit (safe) redirectTo
// wins for everyone — it is the page a guard sent them away from; then association staff go
// to their queue, cooperative managers and members to their cooperative's dashboard, and
// customers back to the page they were reading.
import { asc, eq, sql } from 'drizzle-orm'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { userRoles } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'

/** Each association role's queue: admins see every queue on /admin. */
const staffQueues = [
  ['admin', '/admin'],
  ['reviewer', '/admin/certificates'],
  ['finance', '/admin/payouts'],
] as const

/** Pages that make no sense to come back to once signed in. */
const authPages = /^\/(login|signup|logout|forgot-password|reset-password)(\/|\?|$)/

/**
 * The same-origin page the visitor came from (the Referer), as a safe path; null when there
 * is none, it is another site, or it is one of the sign-in pages themselves.
 */
export function cameFrom(request: Request): string | null {
  const referer = request.headers.get('referer')
  if (!referer) return null
  let url: URL
  try {
    url = new URL(referer)
  } catch {
    return null
  }
  if (url.host !== new URL(request.url).host) return null
  const path = safeRedirectPath(`${url.pathname}${url.search}`, '')
  return path && !authPages.test(path) ? path : null
}

/** A safe path from a form value, or null (blank, another site). */
function safePath(value: unknown): string | null {
  return safeRedirectPath(value, '') || null
}

/** Where a customer was, unless it was a sign-in page itself. */
function pageReadBefore(value: unknown): string | null {
  const path = safePath(value)
  return path && !authPages.test(path) ? path : null
}

/** The page of the user's work, or null for customers. */
export async function workPlaceOf(userId: string) {
  const roles = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
  for (const [role, path] of staffQueues) if (roles.some((r) => r.role === role)) return path
  // An active cooperative before one still applying; the oldest membership first.
  const [membership] = await db
    .select({ slug: cooperatives.slug })
    .from(memberships)
    .innerJoin(cooperatives, eq(cooperatives.id, memberships.cooperativeId))
    .where(eq(memberships.userId, userId))
    .orderBy(sql`${cooperatives.status} = 'active' desc`, asc(memberships.createdAt))
    .limit(1)
  return membership ? `/coop/${membership.slug}` : null
}

/**
 * Where to send someone who has just signed in. `redirectTo` is the explicit destination
 * (from a guard, or a link); `from` is the page a customer was reading when she chose to
 * sign in. Both are refused unless they are plain paths of this site.
 */
export async function landingPath(
  userId: string,
  { redirectTo, from }: { redirectTo?: unknown; from?: unknown } = {},
): Promise<string> {
  return safePath(redirectTo) ?? (await workPlaceOf(userId)) ?? pageReadBefore(from) ?? '/account'
}
