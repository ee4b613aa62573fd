import { redirect } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { cooperatives, memberships, type MembershipRole } from '#db/schema/cooperatives.ts'
import { type associationRoles } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { assertSameOrigin } from '#app/utils/security.server.ts'
import { getSessionUser, type SessionUser } from './session.server.ts'

export type AssociationRole = (typeof associationRoles)[number]

function loginRedirect(request: Request) {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  return redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** For public forms (sign-up, log in…): only the cross-site check. */
export function guardPublicMutation(request: Request) {
  assertSameOrigin(request)
}

export async function getOptionalUser(request: Request) {
  assertSameOrigin(request)
  return getSessionUser(request)
}

export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request)
  const user = await getSessionUser(request)
  if (!user) throw loginRedirect(request)
  return user
}

/** Pages for guests only (log in, sign up) send signed-in users to their account. */
export async function requireAnonymous(request: Request) {
  assertSameOrigin(request)
  const user = await getSessionUser(request)
  if (user) throw redirect('/account')
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
  return { user, role: user.roles.includes(held) ? held : 'admin' }
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
  const user = await requireUser(request)
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
