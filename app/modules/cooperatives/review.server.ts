import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import {
  cooperativeDocuments,
  cooperatives,
  type CooperativeStatus,
  memberships,
} from '#db/schema/cooperatives.ts'
import { auditLog } from '#db/schema/audit.ts'
import { users } from '#db/schema/identity.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError, isUniqueViolation } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { type AssociationScope } from '#app/modules/auth/guards.server.ts'
import { type EmailTemplate } from '#app/modules/notifications/outbox.server.ts'
import { emailManagers } from './notify.server.ts'

/**
 * The cooperative state machine, as data: which decision moves a cooperative from which
 * statuses to which, whether a reason is required, and what the managers are told.
 * (A rejected cooperative returns to `applied` when its manager resubmits — see
 * application.server.ts.)
 */
export const cooperativeDecisions = {
  approve: { from: ['applied'], to: 'active', needsReason: false, email: 'cooperativeApproved' },
  reject: { from: ['applied'], to: 'rejected', needsReason: true, email: 'cooperativeRejected' },
  suspend: { from: ['active'], to: 'suspended', needsReason: true, email: 'cooperativeSuspended' },
  reactivate: {
    from: ['suspended'],
    to: 'active',
    needsReason: false,
    email: 'cooperativeReactivated',
  },
} as const satisfies Record<
  string,
  {
    from: readonly CooperativeStatus[]
    to: CooperativeStatus
    needsReason: boolean
    email: EmailTemplate
  }
>

export type CooperativeDecision = keyof typeof cooperativeDecisions

export function isCooperativeDecision(value: unknown): value is CooperativeDecision {
  return typeof value === 'string' && Object.hasOwn(cooperativeDecisions, value)
}

export function decisionsAvailable(status: string): CooperativeDecision[] {
  return (Object.keys(cooperativeDecisions) as CooperativeDecision[]).filter((d) =>
    (cooperativeDecisions[d].from as readonly string[]).includes(status),
  )
}

/** Reviewers may not decide on a cooperative they belong to. */
async function assertNotOwnCooperative(actor: AssociationScope, cooperativeId: string) {
  const [own] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.userId, actor.user.id)))
  if (own) throw new DomainError('forbidden', 'errors.ownCooperative')
}

export async function decideCooperative(input: {
  actor: AssociationScope
  cooperativeId: string
  decision: CooperativeDecision
  reason: string | null
  requestId?: string
}) {
  const rule = cooperativeDecisions[input.decision]
  const reason = input.reason?.trim() || null
  if (rule.needsReason && (!reason || reason.length < 5)) {
    throw new DomainError('invalid', 'errors.reasonRequired', { field: 'reason' })
  }
  await assertNotOwnCooperative(input.actor, input.cooperativeId)
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: cooperatives.status, displayName: cooperatives.displayName })
      .from(cooperatives)
      .where(eq(cooperatives.id, input.cooperativeId))
    if (!before) throw new DomainError('not_found', 'errors.notFound')
    const [updated] = await tx
      .update(cooperatives)
      .set({
        status: rule.to,
        decisionNote: reason,
        reviewedBy: input.actor.user.id,
        decidedAt: sql`now()`,
      })
      .where(
        and(eq(cooperatives.id, input.cooperativeId), inArray(cooperatives.status, [...rule.from])),
      )
      .returning({ id: cooperatives.id })
    if (!updated) throw new DomainError('conflict', 'errors.decisionNotAllowed')
    await recordAudit(tx, {
      actorUserId: input.actor.user.id,
      actorRole: input.actor.role,
      action: `cooperative.${input.decision}`,
      targetType: 'cooperative',
      targetId: input.cooperativeId,
      before: { status: before.status },
      after: { status: rule.to, reason },
      requestId: input.requestId,
    })
    await emailManagers(tx, input.cooperativeId, rule.email, {
      cooperative: before.displayName,
      reason: reason ?? '',
    })
  })
}

export async function decideRibChange(input: {
  actor: AssociationScope
  cooperativeId: string
  approve: boolean
  /** The RIB the reviewer saw: a newer request in the meantime must be reviewed on its own. */
  expectedRib: string
  requestId?: string
}) {
  await assertNotOwnCooperative(input.actor, input.cooperativeId)
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        rib: cooperatives.rib,
        pendingRib: cooperatives.pendingRib,
        pendingAccountHolder: cooperatives.pendingAccountHolder,
        displayName: cooperatives.displayName,
      })
      .from(cooperatives)
      .where(eq(cooperatives.id, input.cooperativeId))
    if (!before?.pendingRib) throw new DomainError('conflict', 'errors.noPendingRib')
    if (before.pendingRib !== input.expectedRib)
      throw new DomainError('conflict', 'errors.ribChangedMeanwhile')
    await tx
      .update(cooperatives)
      .set({
        ...(input.approve
          ? { rib: before.pendingRib, accountHolder: before.pendingAccountHolder }
          : {}),
        pendingRib: null,
        pendingAccountHolder: null,
        pendingRibRequestedAt: null,
      })
      .where(
        and(
          eq(cooperatives.id, input.cooperativeId),
          eq(cooperatives.pendingRib, input.expectedRib),
        ),
      )
    await recordAudit(tx, {
      actorUserId: input.actor.user.id,
      actorRole: input.actor.role,
      action: input.approve ? 'cooperative.rib_approved' : 'cooperative.rib_rejected',
      targetType: 'cooperative',
      targetId: input.cooperativeId,
      before: { rib: before.rib },
      after: { rib: input.approve ? before.pendingRib : before.rib },
      requestId: input.requestId,
    })
    await emailManagers(
      tx,
      input.cooperativeId,
      input.approve ? 'ribChangeApproved' : 'ribChangeRejected',
      {
        cooperative: before.displayName,
      },
    )
  })
}

/**
 * Approve or reject a change of legal identity. `expectedRequestedAt` names the request the
 * reviewer saw: a newer one in the meantime must be reviewed on its own.
 */
export async function decideLegalChange(input: {
  actor: AssociationScope
  cooperativeId: string
  approve: boolean
  expectedRequestedAt: string
  requestId?: string
}) {
  await assertNotOwnCooperative(input.actor, input.cooperativeId)
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({
          legalNameAr: cooperatives.legalNameAr,
          legalNameFr: cooperatives.legalNameFr,
          registerNumber: cooperatives.registerNumber,
          registerCourt: cooperatives.registerCourt,
          ice: cooperatives.ice,
          pendingLegal: cooperatives.pendingLegal,
          pendingLegalRequestedAt: cooperatives.pendingLegalRequestedAt,
          displayName: cooperatives.displayName,
        })
        .from(cooperatives)
        .where(eq(cooperatives.id, input.cooperativeId))
      if (!before?.pendingLegal || !before.pendingLegalRequestedAt) {
        throw new DomainError('conflict', 'legalChange.errors.noPending')
      }
      const requestedAt = before.pendingLegalRequestedAt
      if (requestedAt.toISOString() !== input.expectedRequestedAt) {
        throw new DomainError('conflict', 'legalChange.errors.changedMeanwhile')
      }
      const { pendingLegal, pendingLegalRequestedAt: _at, displayName, ...inForce } = before
      const [updated] = await tx
        .update(cooperatives)
        .set({
          ...(input.approve ? pendingLegal : {}),
          pendingLegal: null,
          pendingLegalRequestedAt: null,
        })
        .where(
          and(
            eq(cooperatives.id, input.cooperativeId),
            eq(cooperatives.pendingLegalRequestedAt, requestedAt),
          ),
        )
        .returning({ id: cooperatives.id })
      if (!updated) throw new DomainError('conflict', 'legalChange.errors.changedMeanwhile')
      await recordAudit(tx, {
        actorUserId: input.actor.user.id,
        actorRole: input.actor.role,
        action: input.approve ? 'cooperative.legal_approved' : 'cooperative.legal_rejected',
        targetType: 'cooperative',
        targetId: input.cooperativeId,
        before: inForce,
        after: input.approve ? pendingLegal : inForce,
        requestId: input.requestId,
      })
      await emailManagers(
        tx,
        input.cooperativeId,
        input.approve ? 'legalChangeApproved' : 'legalChangeRejected',
        { cooperative: displayName },
      )
    })
  } catch (error) {
    if (isUniqueViolation(error, 'cooperatives_ice_unique')) {
      throw new DomainError('conflict', 'errors.iceTaken')
    }
    throw error
  }
}

/** Counters per status and the applications waiting, oldest first. */
export async function getReviewQueue() {
  const [counts, queue, ribChanges, legalChanges] = await Promise.all([
    db
      .select({ status: cooperatives.status, count: sql<number>`count(*)::int` })
      .from(cooperatives)
      .groupBy(cooperatives.status),
    db
      .select({
        id: cooperatives.id,
        displayName: cooperatives.displayName,
        legalNameFr: cooperatives.legalNameFr,
        appliedAt: cooperatives.appliedAt,
        provinceAr: provinces.nameAr,
        provinceFr: provinces.nameFr,
        provinceEn: provinces.nameEn,
      })
      .from(cooperatives)
      .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
      .where(eq(cooperatives.status, 'applied'))
      .orderBy(asc(cooperatives.appliedAt))
      .limit(200),
    db
      .select({
        id: cooperatives.id,
        displayName: cooperatives.displayName,
        requestedAt: cooperatives.pendingRibRequestedAt,
      })
      .from(cooperatives)
      .where(isNotNull(cooperatives.pendingRib))
      .orderBy(asc(cooperatives.pendingRibRequestedAt)),
    db
      .select({
        id: cooperatives.id,
        displayName: cooperatives.displayName,
        requestedAt: cooperatives.pendingLegalRequestedAt,
      })
      .from(cooperatives)
      .where(isNotNull(cooperatives.pendingLegal))
      .orderBy(asc(cooperatives.pendingLegalRequestedAt)),
  ])
  return { counts, queue, ribChanges, legalChanges }
}

export async function listCooperativesByStatus(status: CooperativeStatus) {
  return db
    .select({
      id: cooperatives.id,
      displayName: cooperatives.displayName,
      decidedAt: cooperatives.decidedAt,
      appliedAt: cooperatives.appliedAt,
    })
    .from(cooperatives)
    .where(eq(cooperatives.status, status))
    .orderBy(asc(cooperatives.displayName))
    .limit(500)
}

/** Everything a reviewer needs to decide, with the current documents. */
export async function getCooperativeForReview(id: string) {
  const [cooperative] = await db
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      legalNameAr: cooperatives.legalNameAr,
      legalNameFr: cooperatives.legalNameFr,
      category: cooperatives.category,
      womenOnly: cooperatives.womenOnly,
      memberCount: cooperatives.memberCount,
      womenMemberCount: cooperatives.womenMemberCount,
      foundedYear: cooperatives.foundedYear,
      registerNumber: cooperatives.registerNumber,
      registerCourt: cooperatives.registerCourt,
      ice: cooperatives.ice,
      taxId: cooperatives.taxId,
      vatStatus: cooperatives.vatStatus,
      commune: cooperatives.commune,
      address: cooperatives.address,
      phone: cooperatives.phone,
      email: cooperatives.email,
      storyAr: cooperatives.storyAr,
      storyFr: cooperatives.storyFr,
      storyEn: cooperatives.storyEn,
      rib: cooperatives.rib,
      accountHolder: cooperatives.accountHolder,
      pendingRib: cooperatives.pendingRib,
      pendingAccountHolder: cooperatives.pendingAccountHolder,
      pendingLegal: cooperatives.pendingLegal,
      pendingLegalRequestedAt: cooperatives.pendingLegalRequestedAt,
      status: cooperatives.status,
      decisionNote: cooperatives.decisionNote,
      appliedAt: cooperatives.appliedAt,
      decidedAt: cooperatives.decidedAt,
      regionAr: regions.nameAr,
      regionFr: regions.nameFr,
      regionEn: regions.nameEn,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
    })
    .from(cooperatives)
    .innerJoin(regions, eq(regions.id, cooperatives.regionId))
    .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
    .where(eq(cooperatives.id, id))
  if (!cooperative) return null
  const [documents, managers, history] = await Promise.all([
    db
      .select({
        id: cooperativeDocuments.id,
        kind: cooperativeDocuments.kind,
        contentType: cooperativeDocuments.contentType,
        createdAt: cooperativeDocuments.createdAt,
      })
      .from(cooperativeDocuments)
      .where(
        and(eq(cooperativeDocuments.cooperativeId, id), isNull(cooperativeDocuments.replacedAt)),
      )
      .orderBy(asc(cooperativeDocuments.kind)),
    db
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.cooperativeId, id), eq(memberships.role, 'manager'))),
    db
      .select({
        action: auditLog.action,
        createdAt: auditLog.createdAt,
        after: auditLog.after,
        actor: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.targetType, 'cooperative'), eq(auditLog.targetId, id)))
      .orderBy(desc(auditLog.createdAt))
      .limit(50),
  ])
  return { cooperative, documents, managers, history }
}
