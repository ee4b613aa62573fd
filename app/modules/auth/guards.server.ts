import { redirect } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { cooperatives, memberships, type MembershipRole } from '#db/schema/cooperatives.ts'
import { type associationRoles } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { assertSameOrigin } from '#app/utils/security.server.ts'
import { getSessionUser, needsSecondFactor, type SessionUser } from './session.server.ts'

export type AssociationRole = (typeof associationRoles)[number]

function returnPath(request: Request) {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

function loginRedirect(request: Request) {
  return redirect(`/login?${new URLSearchParams({ redirectTo: returnPath(request) })}`)
}

/** Re-authentication is asked for again after this long (payouts and other money actions). */
export const reauthMaxAgeSeconds = 5 * 60

/** For public forms (sign-up, log in…): only the cross-site check. */
export function guardPublicMutation(request: Request) {
  assertSameOrigin(request)
}

/** The signed-in user, or null (also while the second step of logging in is pending). */
export async function getOptionalUser(request: Request) {
  assertSameOrigin(request)
  const user = await getSessionUser(request)
  return user && !needsSecondFactor(user) ? user : null
}

/**
 * The signed-in user. A session that has passed the password but not yet the user's second
 * factor is sent to the code page first.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request)
  const user = await getSessionUser(request)
  if (!user) throw loginRedirect(request)
  if (needsSecondFactor(user)) {
    throw redirect(`/login/two-factor?${new URLSearchParams({ redirectTo: returnPath(request) })}`)
  }
  return user
}

/**
 * A user whose e-mail address is verified: needed to accept an invitation, to act for a
 * cooperative and to place an order that is not a guest order. Others are sent to the page
 * that explains it and sends the link again.
 */
export async function requireVerifiedUser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!isEmailVerified(user)) {
    throw redirect(`/verify-email?${new URLSearchParams({ redirectTo: returnPath(request) })}`)
  }
  return user
}

/** The predicate behind `requireVerifiedUser`, for code that has a user already. */
export function isEmailVerified(user: Pick<SessionUser, 'emailVerifiedAt'>) {
  return user.emailVerifiedAt !== null
}

/** Pages for guests only (log in, sign up) send signed-in users to their account. */
export async function requireAnonymous(request: Request) {
  assertSameOrigin(request)
  const user = await getSessionUser(request)
  // Half signed in (the code not typed yet) may start again, with another account too.
  if (user && !needsSecondFactor(user)) throw redirect('/account')
}

export function hasAssociationRole(user: SessionUser, role: AssociationRole) {
  // Admins may do everything the association does.
  return user.roles.includes(role) || user.roles.includes('admin')
}

export type AssociationScope = { user: SessionUser; role: AssociationRole }

export async function requireAssociationRole(
  request: Request,
  role: AssociationRole | AssociationRole[],
): Promise<AssociationScope> {
  const user = await requireUser(request)
  const wanted = Array.isArray(role) ? role : [role]
  const held = wanted.find((r) => hasAssociationRole(user, r))
  if (!held) throw new Response('Forbidden', { status: 403 })
  // Staff enrol an authenticator before anything else (requireUser has already asked an
  // enrolled user for the code).
  if (!user.twoFactorEnabled) {
    throw redirect(
      `/account/two-factor?${new URLSearchParams({ redirectTo: returnPath(request) })}`,
    )
  }
  return { user, role: user.roles.includes(held) ? held : 'admin' }
}

/**
 * For money actions (payouts): the association role, and a second factor passed within the
 * last few minutes on this session; otherwise the code is asked for again. `now` is for tests.
 */
export async function requireRecentReauth(
  request: Request,
  role: AssociationRole | AssociationRole[],
  options: { maxAgeSeconds?: number; now?: Date } = {},
): Promise<AssociationScope> {
  const scope = await requireAssociationRole(request, role)
  const maxAge = (options.maxAgeSeconds ?? reauthMaxAgeSeconds) * 1000
  const passedAt = scope.user.secondFactorAt?.getTime() ?? 0
  if ((options.now ?? new Date()).getTime() - passedAt > maxAge) {
    const params = new URLSearchParams({ redirectTo: returnPath(request), reauth: '1' })
    throw redirect(`/login/two-factor?${params}`)
  }
  return scope
}

export type CooperativeScope = {
  user: SessionUser
  role: MembershipRole
  cooperative: { id: string; slug: string; displayName: string; status: string }
}

/**
 * The signed-in user acting for one cooperative. A cooperative the user does not belong to
 * answers 404, so that its existence is not revealed; a member asking for a manager's action
 * gets 403.
 */
export async function requireCooperativeMember(
  request: Request,
  cooperativeSlug: string | undefined,
  role?: MembershipRole,
): Promise<CooperativeScope> {
  const user = await requireVerifiedUser(request)
  if (!cooperativeSlug) throw new Response('Not found', { status: 404 })
  const [row] = await db
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      status: cooperatives.status,
      role: memberships.role,
    })
    .from(cooperatives)
    .innerJoin(
      memberships,
      and(eq(memberships.cooperativeId, cooperatives.id), eq(memberships.userId, user.id)),
    )
    .where(eq(cooperatives.slug, cooperativeSlug))
  if (!row) throw new Response('Not found', { status: 404 })
  const memberRole = row.role as MembershipRole
  if (role === 'manager' && memberRole !== 'manager') {
    throw new Response('Forbidden', { status: 403 })
  }
  const { role: _role, ...cooperative } = row
  return { user, role: memberRole, cooperative }
}
