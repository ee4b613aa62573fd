import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { makers } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { releaseImage } from '#app/modules/media/release.server.ts'
import { isUuid } from '#app/utils/ids.ts'

export type MakerInput = {
  name: string
  bioAr: string | null
  bioFr: string | null
  bioEn: string | null
  consent: boolean
}

function requireManager(scope: CooperativeScope) {
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
}

export async function listMakers(
  cooperativeId: string,
  options: { includeArchived?: boolean } = {},
) {
  return db
    .select({
      id: makers.id,
      name: makers.name,
      bioAr: makers.bioAr,
      bioFr: makers.bioFr,
      bioEn: makers.bioEn,
      photo: makers.photo,
      consentAt: makers.consentAt,
      archivedAt: makers.archivedAt,
    })
    .from(makers)
    .where(
      and(
        eq(makers.cooperativeId, cooperativeId),
        options.includeArchived ? undefined : isNull(makers.archivedAt),
      ),
    )
    .orderBy(asc(makers.name))
}

export async function getMaker(scope: CooperativeScope, makerId: string) {
  if (!isUuid(makerId)) throw new DomainError('not_found', 'errors.notFound')
  const [maker] = await db
    .select()
    .from(makers)
    .where(and(eq(makers.id, makerId), eq(makers.cooperativeId, scope.cooperative.id)))
  if (!maker) throw new DomainError('not_found', 'errors.notFound')
  return maker
}

async function photoFrom(bytes: Buffer | null) {
  if (!bytes) return null
  try {
    return await storeImage(bytes)
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(error.code, error.messageKey, {
        details: error.details,
        field: 'photo',
      })
    }
    throw error
  }
}

/** A photo is shown only with the maker's recorded consent; without it, no photo is kept. */
export async function addMaker(input: {
  scope: CooperativeScope
  maker: MakerInput
  photo: Buffer | null
  requestId?: string
}) {
  requireManager(input.scope)
  if (input.photo && !input.maker.consent)
    throw new DomainError('invalid', 'errors.photoNeedsConsent', { field: 'consent' })
  const photo = await photoFrom(input.photo)
  try {
    return await db.transaction(async (tx) => {
      const [maker] = await tx
        .insert(makers)
        .values({
          cooperativeId: input.scope.cooperative.id,
          name: input.maker.name,
          bioAr: input.maker.bioAr,
          bioFr: input.maker.bioFr,
          bioEn: input.maker.bioEn,
          photo,
          consentAt: input.maker.consent ? sql`now()` : null,
        })
        .returning({ id: makers.id })
      await recordAudit(tx, {
        actorUserId: input.scope.user.id,
        actorRole: input.scope.role,
        action: 'maker.added',
        targetType: 'maker',
        targetId: maker!.id,
        after: { name: input.maker.name, consent: input.maker.consent },
        requestId: input.requestId,
      })
      return maker!
    })
  } catch (error) {
    if (photo) await releaseImage(photo).catch(() => {})
    throw error
  }
}

export async function updateMaker(input: {
  scope: CooperativeScope
  makerId: string
  maker: MakerInput
  photo: Buffer | null
  removePhoto: boolean
  requestId?: string
}) {
  requireManager(input.scope)
  const before = await getMaker(input.scope, input.makerId)
  if (input.photo && !input.maker.consent) {
    throw new DomainError('invalid', 'errors.photoNeedsConsent', { field: 'consent' })
  }
  // Without her consent no photo is kept: withdrawing consent removes it.
  const removePhoto = input.removePhoto || !input.maker.consent
  const photo = await photoFrom(input.photo)
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(makers)
        .set({
          name: input.maker.name,
          bioAr: input.maker.bioAr,
          bioFr: input.maker.bioFr,
          bioEn: input.maker.bioEn,
          ...(photo ? { photo } : removePhoto ? { photo: null } : {}),
          consentAt: input.maker.consent ? (before.consentAt ?? sql`now()`) : null,
        })
        .where(
          and(eq(makers.id, input.makerId), eq(makers.cooperativeId, input.scope.cooperative.id)),
        )
      await recordAudit(tx, {
        actorUserId: input.scope.user.id,
        actorRole: input.scope.role,
        action: 'maker.updated',
        targetType: 'maker',
        targetId: input.makerId,
        before: { name: before.name, consent: Boolean(before.consentAt) },
        after: {
          name: input.maker.name,
          consent: input.maker.consent,
          photo: photo ? 'replaced' : removePhoto && before.photo ? 'removed' : 'kept',
        },
        requestId: input.requestId,
      })
    })
  } catch (error) {
    if (photo) await releaseImage(photo).catch(() => {})
    throw error
  }
  // The old photo's files go once nothing shows them.
  if ((photo || removePhoto) && before.photo) await releaseImage(before.photo)
}

export async function setMakerArchived(input: {
  scope: CooperativeScope
  makerId: string
  archived: boolean
  requestId?: string
}) {
  requireManager(input.scope)
  await getMaker(input.scope, input.makerId)
  await db.transaction(async (tx) => {
    await tx
      .update(makers)
      .set({ archivedAt: input.archived ? sql`now()` : null })
      .where(
        and(eq(makers.id, input.makerId), eq(makers.cooperativeId, input.scope.cooperative.id)),
      )
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: input.archived ? 'maker.archived' : 'maker.restored',
      targetType: 'maker',
      targetId: input.makerId,
      requestId: input.requestId,
    })
  })
}
