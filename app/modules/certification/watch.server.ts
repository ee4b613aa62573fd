// What a cooperative's managers should act on about their certificates: the ones about to
// expire (with the products that would then leave the shop) and the drafts a certificate now
// allows to publish. Every "may it be sold" question is asked of the gate (gate.server.ts).
import { and, asc, eq, gt, isNotNull, isNull, lte, not, sql } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import { publishProduct } from '#app/modules/catalog/products.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { coveredByCertificate, productPurchasable, publishable } from './gate.server.ts'
import { type ReminderThreshold, reminderDays, reminderThreshold } from './reminders.server.ts'

const day = 24 * 3600 * 1000

const productTitles = {
  id: products.id,
  titleAr: products.titleAr,
  titleFr: products.titleFr,
  titleEn: products.titleEn,
}

export type ProductTitles = {
  id: string
  titleAr: string
  titleFr: string | null
  titleEn: string | null
}

export type ExpiryWarning = {
  certificateId: string
  type: string
  number: string
  signName: string | null
  expiresAt: Date
  /** Whole days left, at least 1 on the last day. */
  daysLeft: number
  /** The reminder threshold reached (60, 30 or 7 days): the closer, the more urgent. */
  tier: ReminderThreshold
  /** On sale at `now`, off sale once it expires (unless another certificate takes over). */
  productsGoingOffSale: ProductTitles[]
}

/**
 * The cooperative's approved certificates that expire within 60 days of `now`, soonest
 * first, with the tier the e-mail reminders use.
 */
export async function expiryWarnings(
  cooperativeId: string,
  now: Date,
  tx: Queryable = db,
): Promise<ExpiryWarning[]> {
  const horizon = new Date(now.getTime() + reminderDays[0] * day)
  const rows = await tx
    .select({
      id: certificates.id,
      cooperativeId: certificates.cooperativeId,
      type: certificates.type,
      scope: certificates.scope,
      number: certificates.number,
      signName: certificates.signName,
      expiresAt: certificates.expiresAt,
    })
    .from(certificates)
    .where(
      and(
        eq(certificates.cooperativeId, cooperativeId),
        eq(certificates.status, 'approved'),
        lte(certificates.issuedAt, sql`${now.toISOString()}::timestamptz`),
        isNotNull(certificates.expiresAt),
        gt(certificates.expiresAt, sql`${now.toISOString()}::timestamptz`),
        lte(certificates.expiresAt, sql`${horizon.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(asc(certificates.expiresAt))
  const warnings: ExpiryWarning[] = []
  for (const row of rows) {
    const expiresAt = row.expiresAt!
    const left = (expiresAt.getTime() - now.getTime()) / day
    const tier = reminderThreshold(left)
    if (tier === undefined) continue
    const goingOff = await tx
      .select(productTitles)
      .from(products)
      .where(
        and(coveredByCertificate(row), productPurchasable(now), not(productPurchasable(expiresAt))),
      )
      .orderBy(asc(products.titleAr))
    warnings.push({
      certificateId: row.id,
      type: row.type,
      number: row.number,
      signName: row.signName,
      expiresAt,
      daysLeft: Math.max(1, Math.ceil(left)),
      tier,
      productsGoingOffSale: goingOff,
    })
  }
  return warnings
}

/**
 * The cooperative's drafts that need a certificate and that publishing would now put on
 * sale; only those a given certificate covers when one is named.
 */
export async function publishableDrafts(
  cooperativeId: string,
  now: Date,
  options: { certificateId?: string; approvedSinceEdit?: boolean } = {},
  tx: Queryable = db,
): Promise<ProductTitles[]> {
  let certificate
  if (options.certificateId) {
    ;[certificate] = await tx
      .select({
        id: certificates.id,
        type: certificates.type,
        scope: certificates.scope,
        cooperativeId: certificates.cooperativeId,
      })
      .from(certificates)
      .where(
        and(
          eq(certificates.id, options.certificateId),
          eq(certificates.cooperativeId, cooperativeId),
        ),
      )
    if (!certificate) return []
  }
  return tx
    .select(productTitles)
    .from(products)
    .where(
      and(
        eq(products.cooperativeId, cooperativeId),
        eq(products.status, 'draft'),
        isNull(products.blockedAt),
        sql`cardinality(${products.badges}) > 0`,
        publishable(now),
        certificate ? coveredByCertificate(certificate) : undefined,
        // "Can now be published": a certificate covering it was approved after the draft was
        // last touched (a draft kept back on purpose is not announced again and again).
        options.approvedSinceEdit
          ? sql`exists (select 1 from ${certificates} where ${certificates.status} = 'approved'
              and ${certificates.decidedAt} > ${products.updatedAt}
              and ${coveredByCertificate(certificates)})`
          : undefined,
      ),
    )
    .orderBy(asc(products.titleAr))
}

/**
 * Publish the chosen drafts among those `publishableDrafts` offers; each goes through the
 * ordinary publish rule again. Returns the ids published.
 */
export async function publishReadyDrafts(input: {
  scope: CooperativeScope
  productIds: string[]
  now: Date
  requestId?: string
}): Promise<string[]> {
  if (input.scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
  const ready = new Set(
    (await publishableDrafts(input.scope.cooperative.id, input.now)).map((p) => p.id),
  )
  const chosen = [...new Set(input.productIds)].filter((id) => ready.has(id))
  const published: string[] = []
  for (const productId of chosen) {
    const result = await publishProduct({
      scope: input.scope,
      productId,
      requestId: input.requestId,
    })
    if (result.ok) published.push(productId)
  }
  return published
}

/** The warnings made ready for a page: names translated, dates formatted. */
export function viewExpiryWarnings(
  warnings: ExpiryWarning[],
  names: Record<string, string>,
  language: Language,
) {
  return warnings.map((w) => ({
    certificateId: w.certificateId,
    type: w.type,
    name: w.signName ? `${names[w.type] ?? w.type} — ${w.signName}` : (names[w.type] ?? w.type),
    number: w.number,
    date: formatDate(w.expiresAt, language),
    daysLeft: w.daysLeft,
    tier: w.tier,
    products: w.productsGoingOffSale.map((p) => localized(p, 'title', language)),
  }))
}
