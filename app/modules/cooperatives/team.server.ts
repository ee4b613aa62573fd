import crypto from 'node:crypto'
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import {
  cooperatives,
  invitations,
  memberships,
  type MembershipRole,
} from '#db/schema/cooperatives.ts'
import { users } from '#db/schema/identity.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { normalizeEmail } from '#app/modules/auth/accounts.server.ts'
import { type CooperativeScope, isEmailVerified } from '#app/modules/auth/guards.server.ts'
import { type SessionUser } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'

export const invitationLifetimeDays = 7

function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

function requireManager(scope: CooperativeScope) {
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
}

export async function listTeam(cooperativeId: string) {
  const [members, pending] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.cooperativeId, cooperativeId))
      .orderBy(asc(memberships.role), asc(users.name)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.cooperativeId, cooperativeId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .orderBy(asc(invitations.createdAt)),
  ])
  return { members, pending }
}

/** Invite someone by e-mail; the link works once, for 7 days. */
export async function inviteMember(input: {
  scope: CooperativeScope
  email: string
  role: MembershipRole
  locale: string
  origin: string
  requestId?: string
}) {
  requireManager(input.scope)
  const email = normalizeEmail(input.email)
  const [already] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.cooperativeId, input.scope.cooperative.id),
        eq(sql`lower(${users.email})`, email),
      ),
    )
  if (already) throw new DomainError('conflict', 'errors.alreadyMember', { field: 'email' })
  const token = crypto.randomBytes(32).toString('base64url')
  await db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        cooperativeId: input.scope.cooperative.id,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: input.scope.user.id,
        expiresAt: new Date(Date.now() + invitationLifetimeDays * 24 * 60 * 60 * 1000),
      })
      .returning({ id: invitations.id })
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'cooperative.member_invited',
      targetType: 'cooperative',
      targetId: input.scope.cooperative.id,
      after: { email, role: input.role, invitationId: invitation?.id },
      requestId: input.requestId,
    })
    await enqueueEmail(tx, {
      to: email,
      locale: input.locale,
      template: 'invitation',
      data: {
        cooperative: input.scope.cooperative.displayName,
        inviter: input.scope.user.name,
        link: `${input.origin}/invitations/${token}`,
      },
    })
  })
}

export async function revokeInvitation(
  scope: CooperativeScope,
  invitationId: string,
  requestId?: string,
) {
  requireManager(scope)
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.cooperativeId, scope.cooperative.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ email: invitations.email })
    if (!revoked) throw new DomainError('not_found', 'errors.notFound')
    await recordAudit(tx, {
      actorUserId: scope.user.id,
      actorRole: scope.role,
      action: 'cooperative.invitation_revoked',
      targetType: 'cooperative',
      targetId: scope.cooperative.id,
      after: { email: revoked.email },
      requestId,
    })
  })
}

/** What an invitation link shows before it is accepted. Null when used, revoked or expired. */
export async function findInvitation(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const [invitation] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.displayName,
    })
    .from(invitations)
    .innerJoin(cooperatives, eq(cooperatives.id, invitations.cooperativeId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
  return invitation ?? null
}

/** The signed-in user joins the cooperative with the invited role; the link is spent. */
export async function acceptInvitation(input: {
  token: string
  user: SessionUser
  requestId?: string
}) {
  // The link works only for the address it was sent to: a forwarded link grants nothing.
  const invited = await findInvitation(input.token)
  if (!invited) throw new DomainError('invalid', 'errors.invitationInvalid')
  if (normalizeEmail(invited.email) !== normalizeEmail(input.user.email)) {
    throw new DomainError('forbidden', 'errors.invitationOtherAccount', {
      details: { email: invited.email },
    })
  }
  // The same address is not enough: anyone can sign up with an address that is not theirs.
  // Only the owner, who followed the verification link, joins.
  if (!isEmailVerified(input.user)) {
    throw new DomainError('forbidden', 'verifyEmail.errors.notVerified')
  }
  return db.transaction(async (tx) => {
    const [already] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(invitations, eq(invitations.cooperativeId, memberships.cooperativeId))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          eq(memberships.userId, input.user.id),
        ),
      )
    if (already) throw new DomainError('conflict', 'errors.alreadyMember')
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: input.user.id })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning({
        cooperativeId: invitations.cooperativeId,
        role: invitations.role,
        email: invitations.email,
      })
    if (!invitation) throw new DomainError('invalid', 'errors.invitationInvalid')
    await tx
      .insert(memberships)
      .values({
        cooperativeId: invitation.cooperativeId,
        userId: input.user.id,
        role: invitation.role,
      })
      .onConflictDoNothing()
    await recordAudit(tx, {
      actorUserId: input.user.id,
      actorRole: invitation.role,
      action: 'cooperative.member_joined',
      targetType: 'cooperative',
      targetId: invitation.cooperativeId,
      after: { userId: input.user.id, role: invitation.role, invitedEmail: invitation.email },
      requestId: input.requestId,
    })
    const [cooperative] = await tx
      .select({ slug: cooperatives.slug })
      .from(cooperatives)
      .where(eq(cooperatives.id, invitation.cooperativeId))
    return { slug: cooperative!.slug }
  })
}

async function managerCount(tx: Queryable, cooperativeId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.role, 'manager')))
  return row?.count ?? 0
}

/** Change a member's role. The last manager can never be demoted. */
export async function changeMemberRole(input: {
  scope: CooperativeScope
  userId: string
  role: MembershipRole
  requestId?: string
}) {
  requireManager(input.scope)
  await db.transaction(async (tx) => {
    // Lock the cooperative's memberships so two managers demoting each other cannot both win.
    await tx.execute(
      sql`select 1 from ${memberships} where ${memberships.cooperativeId} = ${input.scope.cooperative.id} for update`,
    )
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.cooperativeId, input.scope.cooperative.id),
          eq(memberships.userId, input.userId),
        ),
      )
    if (!current) throw new DomainError('not_found', 'errors.notFound')
    if (current.role === input.role) return
    if (current.role === 'manager' && (await managerCount(tx, input.scope.cooperative.id)) <= 1) {
      throw new DomainError('conflict', 'errors.lastManager')
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(
        and(
          eq(memberships.cooperativeId, input.scope.cooperative.id),
          eq(memberships.userId, input.userId),
        ),
      )
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'cooperative.member_role_changed',
      targetType: 'cooperative',
      targetId: input.scope.cooperative.id,
      before: { userId: input.userId, role: current.role },
      after: { userId: input.userId, role: input.role },
      requestId: input.requestId,
    })
  })
}

/** Remove someone from the team. The last manager can never be removed. */
export async function removeMember(input: {
  scope: CooperativeScope
  userId: string
  requestId?: string
}) {
  requireManager(input.scope)
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${memberships} where ${memberships.cooperativeId} = ${input.scope.cooperative.id} for update`,
    )
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.cooperativeId, input.scope.cooperative.id),
          eq(memberships.userId, input.userId),
        ),
      )
    if (!current) throw new DomainError('not_found', 'errors.notFound')
    if (current.role === 'manager' && (await managerCount(tx, input.scope.cooperative.id)) <= 1) {
      throw new DomainError('conflict', 'errors.lastManager')
    }
    await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.cooperativeId, input.scope.cooperative.id),
          eq(memberships.userId, input.userId),
        ),
      )
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'cooperative.member_removed',
      targetType: 'cooperative',
      targetId: input.scope.cooperative.id,
      before: { userId: input.userId, role: current.role },
      requestId: input.requestId,
    })
  })
}
