import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import {
  cooperativeDocuments,
  cooperatives,
  type LegalIdentity,
  memberships,
} from '#db/schema/cooperatives.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError, isUniqueViolation } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { type CooperativeScope, hasAssociationRole } from '#app/modules/auth/guards.server.ts'
import { type SessionUser } from '#app/modules/auth/session.server.ts'
import { readDocument } from '#app/modules/media/documents.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { releaseImage } from '#app/modules/media/release.server.ts'
import { assertIceFree, profileValues, resolvePlace } from './application.server.ts'
import { emailManagers, emailReviewers } from './notify.server.ts'
import { type ProfileInput } from './profile-schema.ts'
import { isUuid } from '#app/utils/ids.ts'

/** The whole profile of the scope's cooperative, as its members see it. */
export async function getCooperativeProfile(scope: CooperativeScope) {
  const [profile] = await db
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      status: cooperatives.status,
      decisionNote: cooperatives.decisionNote,
      decidedAt: cooperatives.decidedAt,
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
      regionCode: regions.code,
      provinceCode: provinces.code,
      commune: cooperatives.commune,
      address: cooperatives.address,
      phone: cooperatives.phone,
      email: cooperatives.email,
      showContactButtons: cooperatives.showContactButtons,
      storyAr: cooperatives.storyAr,
      storyFr: cooperatives.storyFr,
      storyEn: cooperatives.storyEn,
      logo: cooperatives.logo,
      rib: cooperatives.rib,
      accountHolder: cooperatives.accountHolder,
      pendingRib: cooperatives.pendingRib,
      pendingAccountHolder: cooperatives.pendingAccountHolder,
      pendingRibRequestedAt: cooperatives.pendingRibRequestedAt,
      pendingLegal: cooperatives.pendingLegal,
      pendingLegalRequestedAt: cooperatives.pendingLegalRequestedAt,
    })
    .from(cooperatives)
    .innerJoin(regions, eq(regions.id, cooperatives.regionId))
    .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
    .where(eq(cooperatives.id, scope.cooperative.id))
  if (!profile) throw new DomainError('not_found', 'errors.notFound')
  return profile
}

export async function listCooperativeDocuments(cooperativeId: string) {
  return db
    .select({
      id: cooperativeDocuments.id,
      kind: cooperativeDocuments.kind,
      contentType: cooperativeDocuments.contentType,
      createdAt: cooperativeDocuments.createdAt,
    })
    .from(cooperativeDocuments)
    .where(
      and(
        eq(cooperativeDocuments.cooperativeId, cooperativeId),
        isNull(cooperativeDocuments.replacedAt),
      ),
    )
    .orderBy(asc(cooperativeDocuments.kind))
}

/** Managers edit the profile; members only read it. */
export async function updateCooperativeProfile(input: {
  scope: CooperativeScope
  fields: ProfileInput
  logo: Buffer | null
  requestId?: string
}) {
  const { scope, fields } = input
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
  const place = await resolvePlace(db, fields.regionCode, fields.provinceCode)
  await assertIceFree(db, fields.ice, scope.cooperative.id)
  let logo = null
  if (input.logo) {
    try {
      logo = await storeImage(input.logo)
    } catch (error) {
      if (error instanceof DomainError) {
        throw new DomainError(error.code, error.messageKey, {
          details: error.details,
          field: 'logo',
        })
      }
      throw error
    }
  }
  try {
    const { replacedLogo, legalChangeRequested } = await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(cooperatives)
        .where(eq(cooperatives.id, scope.cooperative.id))
      if (!before) throw new DomainError('not_found', 'errors.notFound')
      const allValues = {
        ...profileValues(fields),
        ...place,
        showContactButtons: fields.showContactButtons,
      }
      // Who the cooperative is in law changes only after review, once it has been approved:
      // the values in force stay until then (as for the RIB).
      const legal = legalIdentityOf(allValues)
      const legalChanged = legalIdentityFields.some((key) => legal[key] !== before[key])
      const reviewed = before.status === 'active' || before.status === 'suspended'
      const values = reviewed ? withoutLegalIdentity(allValues) : allValues
      await tx
        .update(cooperatives)
        .set({ ...values, ...(logo ? { logo } : {}) })
        .where(eq(cooperatives.id, scope.cooperative.id))
      if (reviewed && legalChanged) {
        await requestLegalChange(tx, { scope, before, legal, requestId: input.requestId })
      }
      const changed = Object.fromEntries(
        Object.entries(values).filter(
          ([key, value]) => before[key as keyof typeof before] !== value,
        ),
      )
      await recordAudit(tx, {
        actorUserId: scope.user.id,
        actorRole: scope.role,
        action: 'cooperative.profile_updated',
        targetType: 'cooperative',
        targetId: scope.cooperative.id,
        before: Object.fromEntries(
          Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]),
        ),
        after: { ...changed, ...(logo ? { logo: logo.key } : {}) },
        requestId: input.requestId,
      })
      return {
        replacedLogo: logo ? before.logo : null,
        legalChangeRequested: reviewed && legalChanged,
      }
    })
    await releaseImage(replacedLogo)
    return { legalChangeRequested }
  } catch (error) {
    if (logo) await releaseImage(logo).catch(() => {})
    if (isUniqueViolation(error, 'cooperatives_ice_unique')) {
      throw new DomainError('conflict', 'errors.iceTaken', { field: 'ice' })
    }
    throw error
  }
}

export const legalIdentityFields = [
  'legalNameAr',
  'legalNameFr',
  'registerNumber',
  'registerCourt',
  'ice',
] as const satisfies readonly (keyof LegalIdentity)[]

function legalIdentityOf(values: LegalIdentity): LegalIdentity {
  return Object.fromEntries(legalIdentityFields.map((k) => [k, values[k]])) as LegalIdentity
}

function withoutLegalIdentity<T extends LegalIdentity>(values: T) {
  const rest: Partial<T> = { ...values }
  for (const key of legalIdentityFields) delete rest[key]
  return rest
}

/**
 * A change of legal identity waits for a reviewer, like a RIB change: the managers are told
 * and the reviewers get it in their queue. A newer request replaces one still waiting.
 */
async function requestLegalChange(
  tx: Queryable,
  input: {
    scope: CooperativeScope
    before: LegalIdentity & { displayName: string }
    legal: LegalIdentity
    requestId?: string
  },
) {
  const { scope, before, legal } = input
  await tx
    .update(cooperatives)
    // Milliseconds only, so that the reviewer's form can name this exact request.
    .set({ pendingLegal: legal, pendingLegalRequestedAt: new Date() })
    .where(eq(cooperatives.id, scope.cooperative.id))
  await recordAudit(tx, {
    actorUserId: scope.user.id,
    actorRole: scope.role,
    action: 'cooperative.legal_change_requested',
    targetType: 'cooperative',
    targetId: scope.cooperative.id,
    before: legalIdentityOf(before),
    after: legal,
    requestId: input.requestId,
  })
  await emailManagers(tx, scope.cooperative.id, 'legalChangeRequested', {
    cooperative: before.displayName,
    requestedBy: scope.user.name,
  })
  await emailReviewers(tx, 'legalChangeToReview', { cooperative: before.displayName })
}

/**
 * A new RIB is not used until a reviewer approves it: the old one stays in force, and every
 * manager is told, so that a hijacked account cannot quietly divert payouts.
 */
export async function requestRibChange(input: {
  scope: CooperativeScope
  rib: string
  accountHolder: string
  requestId?: string
}) {
  const { scope } = input
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ rib: cooperatives.rib, displayName: cooperatives.displayName })
      .from(cooperatives)
      .where(eq(cooperatives.id, scope.cooperative.id))
    if (!before) throw new DomainError('not_found', 'errors.notFound')
    if (before.rib === input.rib)
      throw new DomainError('invalid', 'errors.ribUnchanged', { field: 'rib' })
    await tx
      .update(cooperatives)
      .set({
        pendingRib: input.rib,
        pendingAccountHolder: input.accountHolder,
        pendingRibRequestedAt: sql`now()`,
      })
      .where(eq(cooperatives.id, scope.cooperative.id))
    await recordAudit(tx, {
      actorUserId: scope.user.id,
      actorRole: scope.role,
      action: 'cooperative.rib_change_requested',
      targetType: 'cooperative',
      targetId: scope.cooperative.id,
      before: { rib: before.rib },
      after: { pendingRib: input.rib, accountHolder: input.accountHolder },
      requestId: input.requestId,
    })
    await emailManagers(tx, scope.cooperative.id, 'ribChangeRequested', {
      cooperative: before.displayName,
      requestedBy: scope.user.name,
      ending: input.rib.slice(-4),
    })
    await emailReviewers(tx, 'ribChangeToReview', { cooperative: before.displayName })
  })
}

/**
 * A private document, for the members of its cooperative and the association only.
 * Anyone else gets "not found", whether or not it exists.
 */
export async function readCooperativeDocument(user: SessionUser, documentId: string) {
  if (!isUuid(documentId)) throw new DomainError('not_found', 'errors.notFound')
  const [document] = await db
    .select({
      storageKey: cooperativeDocuments.storageKey,
      contentType: cooperativeDocuments.contentType,
      kind: cooperativeDocuments.kind,
      member: memberships.userId,
    })
    .from(cooperativeDocuments)
    .leftJoin(
      memberships,
      and(
        eq(memberships.cooperativeId, cooperativeDocuments.cooperativeId),
        eq(memberships.userId, user.id),
      ),
    )
    .where(eq(cooperativeDocuments.id, documentId))
  const allowed =
    document &&
    (document.member || hasAssociationRole(user, 'reviewer') || hasAssociationRole(user, 'finance'))
  if (!allowed) throw new DomainError('not_found', 'errors.notFound')
  const file = await readDocument(document.storageKey)
  if (!file) throw new DomainError('not_found', 'errors.notFound')
  return { data: file.data, contentType: document.contentType, kind: document.kind }
}
