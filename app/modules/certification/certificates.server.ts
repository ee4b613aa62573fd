import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import {
  certificateEvents,
  certificateFiles,
  certificateProducts,
  certificates,
  type CertificateStatus,
} from '#db/schema/certification.ts'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { users } from '#db/schema/identity.ts'
import { certificationTypes, type CertificationCode } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import {
  type AssociationScope,
  type CooperativeScope,
  hasAssociationRole,
} from '#app/modules/auth/guards.server.ts'
import { type SessionUser } from '#app/modules/auth/session.server.ts'
import { emailManagers, emailReviewers } from '#app/modules/cooperatives/notify.server.ts'
import { deleteDocument, readDocument, storeDocument } from '#app/modules/media/documents.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { publishableDrafts } from './watch.server.ts'

function appLink(path: string) {
  return `${publicOrigin()}${path}`
}

/**
 * The certificate state machine, as data. "Expired" is not a status: it is read from
 * `expires_at` at the moment of asking. Changes requested end the review (the cooperative
 * sends a corrected certificate), like a rejection but said kindly.
 */
export const certificateDecisions = {
  approve: { from: ['pending_review'], to: 'approved', needsNote: false },
  reject: { from: ['pending_review'], to: 'rejected', needsNote: true },
  requestChanges: { from: ['pending_review'], to: 'rejected', needsNote: true },
  suspend: { from: ['approved'], to: 'suspended', needsNote: true },
  reinstate: { from: ['suspended'], to: 'approved', needsNote: false },
  revoke: { from: ['approved'], to: 'revoked', needsNote: true },
} as const satisfies Record<
  string,
  { from: readonly CertificateStatus[]; to: CertificateStatus; needsNote: boolean }
>

export type CertificateDecision = keyof typeof certificateDecisions

export function isCertificateDecision(value: unknown): value is CertificateDecision {
  return typeof value === 'string' && Object.hasOwn(certificateDecisions, value)
}

export function certificateDecisionsFor(status: string): CertificateDecision[] {
  return (Object.keys(certificateDecisions) as CertificateDecision[]).filter((d) =>
    (certificateDecisions[d].from as readonly string[]).includes(status),
  )
}

import { maxEvidenceFiles } from './limits.ts'
import { isUuid } from '#app/utils/ids.ts'

export { maxEvidenceFiles }

export type CertificateSubmission = {
  type: CertificationCode
  issuingBody: string
  number: string
  signName: string | null
  scope: 'cooperative' | 'products'
  productIds: string[]
  issuedAt: Date
  expiresAt: Date | null
}

/** What each certification type allows: its scope (the form offers only that) and expiry. */
export async function certificationTypeRules(): Promise<
  Record<string, { scope: 'cooperative' | 'product' | 'either'; hasExpiry: boolean }>
> {
  const rows = await db
    .select({
      code: certificationTypes.code,
      scope: certificationTypes.scope,
      hasExpiry: certificationTypes.hasExpiry,
    })
    .from(certificationTypes)
  return Object.fromEntries(
    rows.map((r) => [
      r.code,
      { scope: r.scope as 'cooperative' | 'product' | 'either', hasExpiry: r.hasExpiry },
    ]),
  )
}

async function typeRules(type: string) {
  const [row] = await db
    .select({ scope: certificationTypes.scope, hasExpiry: certificationTypes.hasExpiry })
    .from(certificationTypes)
    .where(eq(certificationTypes.code, type))
  if (!row) throw new DomainError('invalid', 'errors.chooseOne', { field: 'type' })
  return row
}

async function checkSubmission(cooperativeId: string, input: CertificateSubmission) {
  const rules = await typeRules(input.type)
  if (rules.scope === 'cooperative' && input.scope !== 'cooperative') {
    throw new DomainError('invalid', 'errors.scopeMustBeCooperative', { field: 'scope' })
  }
  if (rules.scope === 'product' && input.scope !== 'products') {
    throw new DomainError('invalid', 'errors.scopeMustBeProducts', { field: 'scope' })
  }
  if (input.scope === 'products' && input.productIds.length === 0) {
    throw new DomainError('invalid', 'errors.chooseProducts', { field: 'productIds' })
  }
  if (rules.hasExpiry && !input.expiresAt) {
    throw new DomainError('invalid', 'errors.expiryRequired', { field: 'expiresAt' })
  }
  if (input.type === 'sdoq' && !input.signName)
    throw new DomainError('invalid', 'errors.signNameRequired', { field: 'signName' })
  if (input.expiresAt && input.expiresAt <= input.issuedAt) {
    throw new DomainError('invalid', 'errors.expiryBeforeIssue', { field: 'expiresAt' })
  }
  if (input.productIds.length) {
    const own = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.cooperativeId, cooperativeId), inArray(products.id, input.productIds)))
    if (own.length !== new Set(input.productIds).size)
      throw new DomainError('invalid', 'errors.tampered', { field: 'productIds' })
  }
}

/** A cooperative uploads a certificate with its evidence; it waits for the association. */
export async function submitCertificate(input: {
  scope: CooperativeScope
  certificate: CertificateSubmission
  files: Buffer[]
  requestId?: string
}) {
  const { scope } = input
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
  if (input.files.length === 0)
    throw new DomainError('invalid', 'errors.evidenceRequired', { field: 'files' })
  if (input.files.length > maxEvidenceFiles) {
    throw new DomainError('invalid', 'errors.upload.tooManyFiles', {
      field: 'files',
      details: { maxFiles: maxEvidenceFiles },
    })
  }
  await checkSubmission(scope.cooperative.id, input.certificate)
  const stored: { key: string; contentType: string; size: number }[] = []
  try {
    for (const file of input.files) {
      try {
        stored.push(await storeDocument(file))
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(error.code, error.messageKey, {
            details: error.details,
            field: 'files',
          })
        throw error
      }
    }
    return await db.transaction(async (tx) => {
      const c = input.certificate
      const [certificate] = await tx
        .insert(certificates)
        .values({
          cooperativeId: scope.cooperative.id,
          type: c.type,
          issuingBody: c.issuingBody,
          number: c.number,
          signName: c.signName,
          scope: c.scope,
          issuedAt: c.issuedAt,
          expiresAt: c.expiresAt,
          status: 'pending_review',
          submittedBy: scope.user.id,
        })
        .returning({ id: certificates.id })
      const id = certificate!.id
      if (c.scope === 'products') {
        await tx
          .insert(certificateProducts)
          .values([...new Set(c.productIds)].map((productId) => ({ certificateId: id, productId })))
      }
      await tx.insert(certificateFiles).values(
        stored.map((f) => ({
          certificateId: id,
          storageKey: f.key,
          contentType: f.contentType,
          size: f.size,
        })),
      )
      await tx.insert(certificateEvents).values({
        certificateId: id,
        actorUserId: scope.user.id,
        action: 'submitted',
        toStatus: 'pending_review',
      })
      await recordAudit(tx, {
        actorUserId: scope.user.id,
        actorRole: scope.role,
        action: 'certificate.submitted',
        targetType: 'certificate',
        targetId: id,
        after: { type: c.type, number: c.number, scope: c.scope },
        requestId: input.requestId,
      })
      await emailReviewers(tx, 'certificateSubmitted', {
        cooperative: scope.cooperative.displayName,
        number: c.number,
      })
      return { id }
    })
  } catch (error) {
    for (const file of stored) await deleteDocument(file.key).catch(() => {})
    throw error
  }
}

/** A reviewer may not decide on the certificates of a cooperative she belongs to. */
async function assertNotOwn(actor: AssociationScope, cooperativeId: string) {
  const [own] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.userId, actor.user.id)))
  if (own) throw new DomainError('forbidden', 'errors.ownCooperative')
}

export async function decideCertificate(input: {
  actor: AssociationScope
  certificateId: string
  decision: CertificateDecision
  note: string | null
  corrections?: {
    issuedAt?: Date
    expiresAt?: Date | null
    scope?: 'cooperative' | 'products'
    productIds?: string[]
  }
  requestId?: string
}) {
  const rule = certificateDecisions[input.decision]
  const note = input.note?.trim() || null
  if (rule.needsNote && (!note || note.length < 5))
    throw new DomainError('invalid', 'errors.reasonRequired', { field: 'note' })
  const [current] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.id, input.certificateId))
  if (!current) throw new DomainError('not_found', 'errors.notFound')
  await assertNotOwn(input.actor, current.cooperativeId)
  const corrections = input.decision === 'approve' ? (input.corrections ?? {}) : {}
  const issuedAt = corrections.issuedAt ?? current.issuedAt
  const expiresAt = corrections.expiresAt === undefined ? current.expiresAt : corrections.expiresAt
  const scope = corrections.scope ?? current.scope
  if (corrections.scope || corrections.productIds) {
    await checkSubmission(current.cooperativeId, {
      type: current.type as CertificationCode,
      issuingBody: current.issuingBody,
      number: current.number,
      signName: current.signName,
      scope: scope as 'cooperative' | 'products',
      productIds: corrections.productIds ?? [],
      issuedAt,
      expiresAt,
    })
  } else if (expiresAt && expiresAt <= issuedAt) {
    throw new DomainError('invalid', 'errors.expiryBeforeIssue', { field: 'expiresAt' })
  }
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(certificates)
      .set({
        status: rule.to,
        decisionNote: note,
        reviewerId: input.actor.user.id,
        decidedAt: sql`now()`,
        issuedAt,
        expiresAt,
        scope,
        ...(rule.to === 'approved' && !current.approvedAt ? { approvedAt: sql`now()` } : {}),
      })
      .where(and(eq(certificates.id, current.id), inArray(certificates.status, [...rule.from])))
      .returning({ id: certificates.id })
    if (!updated) throw new DomainError('conflict', 'errors.decisionNotAllowed')
    if (corrections.productIds) {
      await tx.delete(certificateProducts).where(eq(certificateProducts.certificateId, current.id))
      if (scope === 'products' && corrections.productIds.length) {
        await tx.insert(certificateProducts).values(
          [...new Set(corrections.productIds)].map((productId) => ({
            certificateId: current.id,
            productId,
          })),
        )
      }
    }
    await tx.insert(certificateEvents).values({
      certificateId: current.id,
      actorUserId: input.actor.user.id,
      action: input.decision,
      fromStatus: current.status,
      toStatus: rule.to,
      note,
    })
    await recordAudit(tx, {
      actorUserId: input.actor.user.id,
      actorRole: input.actor.role,
      action: `certificate.${input.decision}`,
      targetType: 'certificate',
      targetId: current.id,
      before: {
        status: current.status,
        issuedAt: current.issuedAt,
        expiresAt: current.expiresAt,
        scope: current.scope,
      },
      after: { status: rule.to, issuedAt, expiresAt, scope, note },
      requestId: input.requestId,
    })
    const [cooperative] = await tx
      .select({ displayName: cooperatives.displayName, slug: cooperatives.slug })
      .from(cooperatives)
      .where(eq(cooperatives.id, current.cooperativeId))
    const slug = cooperative?.slug ?? ''
    // After an approval, the drafts it covers that may now be sold: one link to publish them.
    const drafts =
      rule.to === 'approved'
        ? await publishableDrafts(
            current.cooperativeId,
            serverNow(),
            { certificateId: current.id },
            tx,
          )
        : []
    await emailManagers(tx, current.cooperativeId, 'certificateDecision', (t, language) => ({
      cooperative: cooperative?.displayName ?? '',
      number: current.number,
      decision: t(`certificateMail.decision.${input.decision}`),
      details: [
        note ? t('certificateMail.note', { note }) : null,
        drafts.length
          ? t('certificateMail.drafts', {
              count: drafts.length,
              products: drafts.map((p) => `- ${localized(p, 'title', language)}`).join('\n'),
              link: appLink(`/coop/${slug}/products/publish?certificate=${current.id}`),
            })
          : null,
      ]
        .filter(Boolean)
        .map((paragraph) => `${paragraph}\n\n`)
        .join(''),
      link: appLink(`/coop/${slug}/certificates#certificate-${current.id}`),
    }))
  })
}

const certificateColumns = {
  id: certificates.id,
  cooperativeId: certificates.cooperativeId,
  type: certificates.type,
  issuingBody: certificates.issuingBody,
  number: certificates.number,
  signName: certificates.signName,
  scope: certificates.scope,
  issuedAt: certificates.issuedAt,
  expiresAt: certificates.expiresAt,
  status: certificates.status,
  decisionNote: certificates.decisionNote,
  decidedAt: certificates.decidedAt,
  approvedAt: certificates.approvedAt,
  createdAt: certificates.createdAt,
}

/** The cooperative's certificates, newest first, with the products each covers. */
export async function listCooperativeCertificates(cooperativeId: string) {
  const rows = await db
    .select({
      ...certificateColumns,
      productTitles: sql<
        string[]
      >`coalesce((select array_agg(p.title_ar) from ${certificateProducts} cp join ${products} p on p.id = cp.product_id where cp.certificate_id = "certificates"."id"), '{}')`,
    })
    .from(certificates)
    .where(eq(certificates.cooperativeId, cooperativeId))
    .orderBy(desc(certificates.createdAt))
  return rows
}

/** Counters and lists for the association's certificate queue. */
export async function getCertificateQueue(
  filter: 'to_review' | 'expiring' | 'expired' | 'suspended',
) {
  const in30Days = sql`now() + interval '30 days'`
  const conditions = {
    to_review: eq(certificates.status, 'pending_review'),
    expiring: and(
      eq(certificates.status, 'approved'),
      isNotNull(certificates.expiresAt),
      gt(certificates.expiresAt, sql`now()`),
      lte(certificates.expiresAt, in30Days),
    ),
    expired: and(
      eq(certificates.status, 'approved'),
      isNotNull(certificates.expiresAt),
      lte(certificates.expiresAt, sql`now()`),
    ),
    suspended: eq(certificates.status, 'suspended'),
  }
  const [counts] = await db
    .select({
      to_review: sql<number>`count(*) filter (where ${conditions.to_review})::int`,
      expiring: sql<number>`count(*) filter (where ${conditions.expiring})::int`,
      expired: sql<number>`count(*) filter (where ${conditions.expired})::int`,
      suspended: sql<number>`count(*) filter (where ${conditions.suspended})::int`,
    })
    .from(certificates)
  const list = await db
    .select({ ...certificateColumns, cooperativeName: cooperatives.displayName })
    .from(certificates)
    .innerJoin(cooperatives, eq(cooperatives.id, certificates.cooperativeId))
    .where(conditions[filter])
    .orderBy(filter === 'to_review' ? asc(certificates.createdAt) : asc(certificates.expiresAt))
    .limit(200)
  return { counts: counts!, list }
}

export async function getCertificateForReview(id: string) {
  if (!isUuid(id)) return null
  const [certificate] = await db
    .select({
      ...certificateColumns,
      cooperativeName: cooperatives.displayName,
      cooperativeSlug: cooperatives.slug,
    })
    .from(certificates)
    .innerJoin(cooperatives, eq(cooperatives.id, certificates.cooperativeId))
    .where(eq(certificates.id, id))
  if (!certificate) return null
  const [files, events, covered, cooperativeProducts] = await Promise.all([
    db
      .select({ id: certificateFiles.id, contentType: certificateFiles.contentType })
      .from(certificateFiles)
      .where(eq(certificateFiles.certificateId, id)),
    db
      .select({
        action: certificateEvents.action,
        fromStatus: certificateEvents.fromStatus,
        toStatus: certificateEvents.toStatus,
        note: certificateEvents.note,
        createdAt: certificateEvents.createdAt,
        actor: users.name,
      })
      .from(certificateEvents)
      .leftJoin(users, eq(users.id, certificateEvents.actorUserId))
      .where(eq(certificateEvents.certificateId, id))
      .orderBy(asc(certificateEvents.createdAt)),
    db
      .select({ productId: certificateProducts.productId })
      .from(certificateProducts)
      .where(eq(certificateProducts.certificateId, id)),
    db
      .select({ id: products.id, titleAr: products.titleAr })
      .from(products)
      .where(eq(products.cooperativeId, certificate.cooperativeId))
      .orderBy(asc(products.titleAr)),
  ])
  return {
    certificate,
    files,
    events,
    productIds: covered.map((c) => c.productId),
    cooperativeProducts,
  }
}

/** An evidence file, for the certificate's cooperative and the association only. */
export async function readCertificateFile(user: SessionUser, fileId: string) {
  if (!isUuid(fileId)) throw new DomainError('not_found', 'errors.notFound')
  const [file] = await db
    .select({
      storageKey: certificateFiles.storageKey,
      contentType: certificateFiles.contentType,
      member: memberships.userId,
    })
    .from(certificateFiles)
    .innerJoin(certificates, eq(certificates.id, certificateFiles.certificateId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.cooperativeId, certificates.cooperativeId),
        eq(memberships.userId, user.id),
      ),
    )
    .where(eq(certificateFiles.id, fileId))
  const allowed =
    file &&
    (file.member || hasAssociationRole(user, 'reviewer') || hasAssociationRole(user, 'finance'))
  if (!allowed) throw new DomainError('not_found', 'errors.notFound')
  const data = await readDocument(file.storageKey)
  if (!data) throw new DomainError('not_found', 'errors.notFound')
  return { data: data.data, contentType: file.contentType }
}

/** What anyone may verify about a certificate: never its evidence files. */
export async function getPublicCertificate(id: string) {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({
      id: certificates.id,
      type: certificates.type,
      issuingBody: certificates.issuingBody,
      number: certificates.number,
      signName: certificates.signName,
      scope: certificates.scope,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      status: certificates.status,
      approvedAt: certificates.approvedAt,
      decidedAt: certificates.decidedAt,
      expired: sql<boolean>`${certificates.expiresAt} is not null and ${certificates.expiresAt} <= now()`,
      cooperativeName: cooperatives.displayName,
      cooperativeSlug: cooperatives.slug,
      cooperativeLogo: cooperatives.logo,
      cooperativeActive: sql<boolean>`${cooperatives.status} = 'active'`,
      typeNameAr: certificationTypes.nameAr,
      typeNameFr: certificationTypes.nameFr,
      typeNameEn: certificationTypes.nameEn,
      typeDescriptionAr: certificationTypes.descriptionAr,
      typeDescriptionFr: certificationTypes.descriptionFr,
      typeDescriptionEn: certificationTypes.descriptionEn,
    })
    .from(certificates)
    .innerJoin(cooperatives, eq(cooperatives.id, certificates.cooperativeId))
    .innerJoin(certificationTypes, eq(certificationTypes.code, certificates.type))
    .where(eq(certificates.id, id))
  // Certificates never reviewed are not shown: there is nothing the association vouches for.
  if (!row || row.status === 'pending_review' || row.status === 'rejected') return null
  return row
}

export type CertificateState =
  'pending_review' | 'approved' | 'rejected' | 'suspended' | 'revoked' | 'expired'

/** The status a person should read: "expired" when an approved certificate ran out. */
export function certificateState(
  c: { status: string; expiresAt: Date | string | null },
  at = new Date(),
): CertificateState {
  if (c.status === 'approved' && c.expiresAt && new Date(c.expiresAt) <= at) return 'expired'
  return c.status as CertificateState
}
