import { and, eq, inArray, isNull, like, ne, sql } from 'drizzle-orm'
import {
  cooperativeDocuments,
  cooperatives,
  type DocumentKind,
  documentKinds,
  memberships,
  type StoredImage,
} from '#db/schema/cooperatives.ts'
import { users } from '#db/schema/identity.ts'
import { platformSettings, provinces, regions } from '#db/schema/reference.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError, isUniqueViolation } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { findUserByEmail, normalizeEmail } from '#app/modules/auth/accounts.server.ts'
import { type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import { issueEmailVerification } from '#app/modules/auth/email-verification.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'
import { deleteDocument, storeDocument } from '#app/modules/media/documents.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { releaseImage } from '#app/modules/media/release.server.ts'
import { slugify } from './identifiers.ts'
import { emailReviewers } from './notify.server.ts'
import { type ApplicationInput, type ProfileInput } from './profile-schema.ts'

export type ApplicationFiles = {
  logo: Buffer | null
  documents: Partial<Record<DocumentKind, Buffer>>
}

export type Applicant =
  | { kind: 'existing'; userId: string }
  | { kind: 'new'; name: string; email: string; password: string; locale: string }

/** The province must lie in the chosen region; returns both ids. */
export async function resolvePlace(tx: Queryable, regionCode: string, provinceCode: string) {
  const [place] = await tx
    .select({ regionId: regions.id, provinceId: provinces.id, provinceRegion: provinces.regionId })
    .from(provinces)
    .innerJoin(regions, eq(regions.code, regionCode))
    .where(eq(provinces.code, provinceCode))
  if (!place) throw new DomainError('invalid', 'errors.chooseOne', { field: 'provinceCode' })
  if (place.provinceRegion !== place.regionId) {
    throw new DomainError('invalid', 'errors.provinceNotInRegion', { field: 'provinceCode' })
  }
  return { regionId: place.regionId, provinceId: place.provinceId }
}

export async function assertIceFree(tx: Queryable, ice: string, exceptCooperativeId?: string) {
  const [taken] = await tx
    .select({ id: cooperatives.id })
    .from(cooperatives)
    .where(
      and(
        eq(cooperatives.ice, ice),
        ne(cooperatives.status, 'rejected'),
        exceptCooperativeId ? ne(cooperatives.id, exceptCooperativeId) : undefined,
      ),
    )
  if (taken) throw new DomainError('conflict', 'errors.iceTaken', { field: 'ice' })
}

async function freeSlug(tx: Queryable, displayName: string) {
  const base = slugify(displayName)
  const rows = await tx
    .select({ slug: cooperatives.slug })
    .from(cooperatives)
    .where(like(cooperatives.slug, `${base}%`))
  const taken = new Set(rows.map((r) => r.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

type StoredFiles = {
  logo: StoredImage | null
  documents: { kind: DocumentKind; key: string; contentType: string; size: number }[]
}

/** Process and store the files first; if anything later fails, they are deleted again. */
async function storeFiles(files: ApplicationFiles): Promise<StoredFiles> {
  const stored: StoredFiles = { logo: null, documents: [] }
  try {
    if (files.logo) stored.logo = await storeImage(files.logo)
    for (const kind of documentKinds) {
      const bytes = files.documents[kind]
      if (!bytes) continue
      try {
        stored.documents.push({ kind, ...(await storeDocument(bytes)) })
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(error.code, error.messageKey, {
            details: error.details,
            field: kind,
          })
        }
        throw error
      }
    }
    return stored
  } catch (error) {
    await discardFiles(stored)
    if (error instanceof DomainError && !error.field && files.logo) {
      throw new DomainError(error.code, error.messageKey, { details: error.details, field: 'logo' })
    }
    throw error
  }
}

async function discardFiles(stored: StoredFiles) {
  if (stored.logo) await releaseImage(stored.logo).catch(() => {})
  for (const document of stored.documents) await deleteDocument(document.key).catch(() => {})
}

async function defaultCommission(tx: Queryable) {
  const [row] = await tx
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, 'default_commission_bps'))
  return Number(row?.value ?? 1000)
}

/** The columns a manager may set from the profile form (legal identity and public face). */
export function profileValues(fields: Omit<ProfileInput, 'showContactButtons'>) {
  return {
    legalNameAr: fields.legalNameAr,
    legalNameFr: fields.legalNameFr,
    displayName: fields.displayName,
    category: fields.category,
    womenOnly: fields.womenOnly,
    memberCount: fields.memberCount,
    womenMemberCount: fields.womenMemberCount,
    foundedYear: fields.foundedYear,
    registerNumber: fields.registerNumber,
    registerCourt: fields.registerCourt,
    ice: fields.ice,
    taxId: fields.taxId,
    vatStatus: fields.vatStatus,
    commune: fields.commune,
    address: fields.address,
    phone: fields.phone,
    email: normalizeEmail(fields.email),
    storyAr: fields.storyAr,
    storyFr: fields.storyFr,
    storyEn: fields.storyEn,
  }
}

/** An application also sets the bank account directly: it is reviewed with the rest. */
function cooperativeValues(fields: ApplicationInput) {
  return { ...profileValues(fields), rib: fields.rib, accountHolder: fields.accountHolder }
}

export const requiredDocuments: readonly DocumentKind[] = documentKinds

/**
 * A cooperative applies to join. The applicant (a new or existing account) becomes its first
 * manager; the cooperative waits in the association's queue as `applied`.
 */
export async function submitApplication(input: {
  applicant: Applicant
  fields: ApplicationInput
  files: ApplicationFiles
  requestId?: string
  /** For the verification link of an account created with the application. */
  origin: string
}): Promise<{ slug: string; cooperativeId: string; userId: string; createdUser: boolean }> {
  const missing = requiredDocuments.find((kind) => !input.files.documents[kind])
  if (missing) throw new DomainError('invalid', 'errors.documentRequired', { field: missing })
  await resolvePlace(db, input.fields.regionCode, input.fields.provinceCode)
  await assertIceFree(db, input.fields.ice)
  if (input.applicant.kind === 'new' && (await findUserByEmail(input.applicant.email))) {
    throw new DomainError('conflict', 'errors.emailTakenLogIn', { field: 'applicantEmail' })
  }
  const passwordHash =
    input.applicant.kind === 'new' ? await hashPassword(input.applicant.password) : null

  const stored = await storeFiles(input.files)
  try {
    return await db.transaction(async (tx) => {
      const applicant = input.applicant
      let userId: string
      let applicantEmail: { email: string; name: string; locale: string }
      if (applicant.kind === 'new') {
        const [user] = await tx
          .insert(users)
          .values({
            email: normalizeEmail(applicant.email),
            name: applicant.name,
            passwordHash: passwordHash!,
            locale: applicant.locale,
          })
          .onConflictDoNothing()
          .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        if (!user)
          throw new DomainError('conflict', 'errors.emailTakenLogIn', { field: 'applicantEmail' })
        userId = user.id
        applicantEmail = user
        await issueEmailVerification(tx, user, input.origin)
      } else {
        const [user] = await tx
          .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
          .from(users)
          .where(eq(users.id, applicant.userId))
        if (!user) throw new DomainError('not_found', 'errors.invalid')
        userId = user.id
        applicantEmail = user
      }
      const place = await resolvePlace(tx, input.fields.regionCode, input.fields.provinceCode)
      const slug = await freeSlug(tx, input.fields.displayName)
      const [cooperative] = await tx
        .insert(cooperatives)
        .values({
          ...cooperativeValues(input.fields),
          ...place,
          slug,
          logo: stored.logo,
          commissionBps: await defaultCommission(tx),
          status: 'applied',
        })
        .returning({
          id: cooperatives.id,
          slug: cooperatives.slug,
          displayName: cooperatives.displayName,
        })
      if (!cooperative) throw new Error('cooperative not inserted')
      await tx
        .insert(memberships)
        .values({ cooperativeId: cooperative.id, userId, role: 'manager' })
      if (stored.documents.length) {
        await tx.insert(cooperativeDocuments).values(
          stored.documents.map((d) => ({
            cooperativeId: cooperative.id,
            kind: d.kind,
            storageKey: d.key,
            contentType: d.contentType,
            size: d.size,
            uploadedBy: userId,
          })),
        )
      }
      await recordAudit(tx, {
        actorUserId: userId,
        actorRole: 'applicant',
        action: 'cooperative.applied',
        targetType: 'cooperative',
        targetId: cooperative.id,
        after: { slug, displayName: cooperative.displayName, ice: input.fields.ice },
        requestId: input.requestId,
      })
      await enqueueEmail(tx, {
        to: applicantEmail.email,
        locale: applicantEmail.locale,
        template: 'applicationReceived',
        data: { name: applicantEmail.name, cooperative: cooperative.displayName },
      })
      await emailReviewers(tx, 'cooperativeApplied', { cooperative: cooperative.displayName })
      return { slug, cooperativeId: cooperative.id, userId, createdUser: applicant.kind === 'new' }
    })
  } catch (error) {
    await discardFiles(stored)
    if (isUniqueViolation(error, 'cooperatives_ice_unique')) {
      throw new DomainError('conflict', 'errors.iceTaken', { field: 'ice' })
    }
    throw error
  }
}

/**
 * A rejected cooperative corrects its application and sends it again; it returns to the
 * association's queue. Documents that are sent again replace the earlier ones.
 */
export async function resubmitApplication(input: {
  scope: CooperativeScope
  fields: ApplicationInput
  files: ApplicationFiles
  requestId?: string
}) {
  const { scope } = input
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
  await resolvePlace(db, input.fields.regionCode, input.fields.provinceCode)
  await assertIceFree(db, input.fields.ice, scope.cooperative.id)
  const stored = await storeFiles(input.files)
  let replacedLogo: StoredImage | null = null
  try {
    replacedLogo = await db.transaction(async (tx) => {
      const place = await resolvePlace(tx, input.fields.regionCode, input.fields.provinceCode)
      const [before] = await tx
        .select({ status: cooperatives.status, logo: cooperatives.logo })
        .from(cooperatives)
        .where(eq(cooperatives.id, scope.cooperative.id))
      const [updated] = await tx
        .update(cooperatives)
        .set({
          ...cooperativeValues(input.fields),
          ...place,
          ...(stored.logo ? { logo: stored.logo } : {}),
          status: 'applied',
          appliedAt: sql`now()`,
          decidedAt: null,
        })
        .where(and(eq(cooperatives.id, scope.cooperative.id), eq(cooperatives.status, 'rejected')))
        .returning({ id: cooperatives.id })
      if (!updated) throw new DomainError('conflict', 'errors.notRejected')
      if (stored.documents.length) {
        await tx
          .update(cooperativeDocuments)
          .set({ replacedAt: sql`now()` })
          .where(
            and(
              eq(cooperativeDocuments.cooperativeId, scope.cooperative.id),
              inArray(
                cooperativeDocuments.kind,
                stored.documents.map((d) => d.kind),
              ),
              isNull(cooperativeDocuments.replacedAt),
            ),
          )
        await tx.insert(cooperativeDocuments).values(
          stored.documents.map((d) => ({
            cooperativeId: scope.cooperative.id,
            kind: d.kind,
            storageKey: d.key,
            contentType: d.contentType,
            size: d.size,
            uploadedBy: scope.user.id,
          })),
        )
      }
      await recordAudit(tx, {
        actorUserId: scope.user.id,
        actorRole: scope.role,
        action: 'cooperative.resubmitted',
        targetType: 'cooperative',
        targetId: scope.cooperative.id,
        before: { status: before?.status },
        after: { status: 'applied' },
        requestId: input.requestId,
      })
      await emailReviewers(tx, 'cooperativeApplied', { cooperative: input.fields.displayName })
      return stored.logo ? (before?.logo ?? null) : null
    })
  } catch (error) {
    await discardFiles(stored)
    if (isUniqueViolation(error, 'cooperatives_ice_unique')) {
      throw new DomainError('conflict', 'errors.iceTaken', { field: 'ice' })
    }
    throw error
  }
  // Committed: the old logo's files go once nothing shows them (a failure here loses nothing).
  await releaseImage(replacedLogo).catch(() => {})
}
