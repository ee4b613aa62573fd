// The gating rule (DESIGN §4), in one place: what may be sold is decided here. The rule in
// row form (from the certificates) is the definition; reads use the sale window the database
// maintains from it (ADR 018), exact at every instant, so that an expired or revoked
// certificate takes a product off sale at once.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { listedProducts, productVariants, products } from '#db/schema/catalog.ts'
import { certificateProducts, certificates } from '#db/schema/certification.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { categoryRequirements } from '#db/schema/reference.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'

/** The moment a rule is evaluated at: now, or a given instant (tests, previews). */
function instant(at?: Date): SQL {
  return at ? sql`${at.toISOString()}::timestamptz` : sql`now()`
}

/**
 * Rule 3: for every type required by the product's category and every claim it shows, an
 * approved certificate of its cooperative, issued and not expired at `at`, that covers it
 * (the whole cooperative, or this product).
 */
export function certificationsSatisfied(at?: Date): SQL {
  const t = instant(at)
  return sql`not exists (
    select 1 from (
      select cr.certification_type as type from ${categoryRequirements} cr where cr.category_id = ${products.categoryId}
      union
      select unnest(${products.claims}) as type
    ) as required
    where not exists (
      select 1 from ${certificates} c
      where c.cooperative_id = ${products.cooperativeId}
        and c.type = required.type
        and c.status = 'approved'
        and c.issued_at <= ${t}
        and (c.expires_at is null or ${t} < c.expires_at)
        and (c.scope = 'cooperative' or exists (
          select 1 from ${certificateProducts} cp where cp.certificate_id = c.id and cp.product_id = ${products.id}
        ))
    )
  )`
}

/** Rule 2: the product's cooperative is active. */
export function cooperativeActive(): SQL {
  return sql`exists (select 1 from ${cooperatives} co where co.id = ${products.cooperativeId} and co.status = 'active')`
}

/**
 * Rules 1–3, read from the maintained sale window (migration 0015, ADR 018): the product may
 * be offered for sale at `at` (use with `products` in the FROM clause). The window is kept
 * by the database in the transaction of every write that changes it, and holds validity
 * ranges rather than a flag, so an expiry needs no job.
 */
export function productPurchasable(at?: Date): SQL {
  return sql`(${products.onSaleDuring} @> ${instant(at)})`
}

/**
 * Rules 1–3 in row form, derived from the certificates themselves: the definition the sale
 * window is tested against (property test), and what publishing asks of a draft.
 */
export function productPurchasableByRows(at?: Date): SQL {
  return sql`(${products.status} = 'published' and ${products.blockedAt} is null and ${cooperativeActive()} and ${certificationsSatisfied(at)})`
}

/** Rules 1–4: a variant (joined with its product) can be bought in this quantity. */
export function variantPurchasable(quantity = 1, at?: Date): SQL {
  return sql`(${productPurchasable(at)} and ${productVariants.archivedAt} is null and (${productVariants.stockQuantity} >= ${quantity} or ${products.madeToOrder}))`
}

/**
 * The same rules for listings over many products (catalog, search, category and cooperative
 * pages): the sale window, read from the listing index. `from` joins the cooperative as
 * `gate_co` (its region is a filter). Published and not blocked are implied by a non-empty
 * window; they are stated so that the partial listing index applies.
 */
export function purchasableListing(
  at?: Date,
  // Kept for callers that still say how much of the catalog they span; the window makes
  // both the same statement.
  _options: { broad?: boolean } = {},
): { from: SQL; where: SQL } {
  return {
    from: sql`${products} join ${cooperatives} gate_co on gate_co.id = ${products.cooperativeId}`,
    where: sql`(${products.status} = 'published' and ${products.blockedAt} is null
      and ${productPurchasable(at)})`,
  }
}

/**
 * The same rules for searches (ADR 022), read from `listed_products`: the narrow copy of the
 * products whose sale window is not empty, each with its window, kept by the database in
 * the transaction of every write that changes it. The window is read at `at` as above.
 */
export function purchasableListed(at?: Date): { from: SQL; where: SQL } {
  return {
    from: sql`${listedProducts}`,
    where: sql`(${listedProducts.onSaleDuring} @> ${instant(at)})`,
  }
}

/** Which of these products may be sold at `at`. One query, whatever their number. */
export async function purchasableProductIds(productIds: string[], at?: Date): Promise<Set<string>> {
  if (productIds.length === 0) return new Set()
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.id, productIds), productPurchasable(at)))
  return new Set(rows.map((r) => r.id))
}

/** Rules 2 and 3: publishing would put the product on sale, whatever its current status. */
export function publishable(at?: Date): SQL {
  return sql`(${cooperativeActive()} and ${certificationsSatisfied(at)})`
}

/**
 * The products a certificate speaks for: those that need its type (their category's
 * requirement or their claim), over the whole cooperative or the products it names.
 */
export function coveredByCertificate(certificate: {
  id: string | typeof certificates.id
  type: string | typeof certificates.type
  scope: string | typeof certificates.scope
  cooperativeId: string | typeof certificates.cooperativeId
}): SQL {
  return sql`(${products.cooperativeId} = ${certificate.cooperativeId}
    and ${products.badges} @> array[${certificate.type}]::text[]
    and (${certificate.scope} = 'cooperative' or exists (
      select 1 from ${certificateProducts} cp where cp.certificate_id = ${certificate.id} and cp.product_id = ${products.id}
    )))`
}

/** Whether publishing is allowed: rules 2 and 3, whatever the product's current status. */
export async function canBePublished(productId: string, at?: Date): Promise<boolean> {
  const [row] = await db
    .select({ ok: sql<boolean>`${publishable(at)}` })
    .from(products)
    .where(eq(products.id, productId))
  return Boolean(row?.ok)
}

// ——— Explanations, in words, for the cooperative's dashboard and the publish refusal ———

export type CertificateGap =
  | { state: 'missing' }
  | { state: 'pending'; certificateId: string }
  | { state: 'rejected'; certificateId: string; date: Date | null }
  | { state: 'suspended'; certificateId: string; date: Date | null }
  | { state: 'revoked'; certificateId: string; date: Date | null }
  | { state: 'expired'; certificateId: string; date: Date }
  | { state: 'not_yet_issued'; certificateId: string; date: Date }
  | { state: 'other_products'; certificateId: string }

export type GateReason =
  | { kind: 'draft' | 'archived' }
  | { kind: 'blocked'; reason: string | null; date: Date | null }
  | { kind: 'cooperative_inactive'; status: string }
  | ({ kind: 'certificate'; type: string; requiredBy: 'category' | 'claim' } & CertificateGap)

// When several certificates of a type exist, the most useful one to talk about comes first.
const gapPriority: CertificateGap['state'][] = [
  'pending',
  'suspended',
  'revoked',
  'expired',
  'not_yet_issued',
  'other_products',
  'rejected',
  'missing',
]

type CandidateCertificate = {
  id: string
  cooperativeId: string
  type: string
  status: string
  scope: string
  issuedAt: Date
  expiresAt: Date | null
  decidedAt: Date | null
  productIds: string[]
}

function gapOf(
  certificate: CandidateCertificate,
  productId: string,
  at: Date,
): CertificateGap | null {
  const covers = certificate.scope === 'cooperative' || certificate.productIds.includes(productId)
  // A certificate for other products says nothing about this one, whatever its status.
  if (!covers) return { state: 'other_products', certificateId: certificate.id }
  switch (certificate.status) {
    case 'pending_review':
      return { state: 'pending', certificateId: certificate.id }
    case 'rejected':
      return { state: 'rejected', certificateId: certificate.id, date: certificate.decidedAt }
    case 'suspended':
      return { state: 'suspended', certificateId: certificate.id, date: certificate.decidedAt }
    case 'revoked':
      return { state: 'revoked', certificateId: certificate.id, date: certificate.decidedAt }
  }
  if (certificate.issuedAt > at)
    return { state: 'not_yet_issued', certificateId: certificate.id, date: certificate.issuedAt }
  if (certificate.expiresAt && certificate.expiresAt <= at) {
    return { state: 'expired', certificateId: certificate.id, date: certificate.expiresAt }
  }
  return null
}

/**
 * Why each product is or is not on sale, for the people who run it. An empty list means on
 * sale; it agrees with `productPurchasable` (tested case by case).
 */
export async function explainProducts(
  productIds: string[],
  at: Date = new Date(),
  tx: Queryable = db,
): Promise<Map<string, GateReason[]>> {
  const result = new Map<string, GateReason[]>()
  if (productIds.length === 0) return result
  const rows = await tx
    .select({
      id: products.id,
      status: products.status,
      blockedAt: products.blockedAt,
      blockedReason: products.blockedReason,
      claims: products.claims,
      cooperativeId: products.cooperativeId,
      cooperativeStatus: cooperatives.status,
      required: sql<
        string[]
      >`coalesce((select array_agg(cr.certification_type order by cr.certification_type) from ${categoryRequirements} cr where cr.category_id = "products"."category_id"), '{}')`,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(inArray(products.id, productIds))
  const cooperativeIds = [...new Set(rows.map((r) => r.cooperativeId))]
  const candidates = cooperativeIds.length
    ? await tx
        .select({
          id: certificates.id,
          cooperativeId: certificates.cooperativeId,
          type: certificates.type,
          status: certificates.status,
          scope: certificates.scope,
          issuedAt: certificates.issuedAt,
          expiresAt: certificates.expiresAt,
          decidedAt: certificates.decidedAt,
          productIds: sql<
            string[]
          >`coalesce((select array_agg(cp.product_id) from ${certificateProducts} cp where cp.certificate_id = "certificates"."id"), '{}')`,
        })
        .from(certificates)
        .where(inArray(certificates.cooperativeId, cooperativeIds))
    : []
  for (const row of rows) {
    const reasons: GateReason[] = []
    if (row.status === 'draft' || row.status === 'archived') reasons.push({ kind: row.status })
    if (row.blockedAt)
      reasons.push({ kind: 'blocked', reason: row.blockedReason, date: row.blockedAt })
    if (row.cooperativeStatus !== 'active')
      reasons.push({ kind: 'cooperative_inactive', status: row.cooperativeStatus })
    const needed = new Map<string, 'category' | 'claim'>()
    for (const type of row.required ?? []) needed.set(type, 'category')
    for (const type of row.claims) if (!needed.has(type)) needed.set(type, 'claim')
    for (const [type, requiredBy] of needed) {
      const ofType = candidates.filter(
        (c) => c.cooperativeId === row.cooperativeId && c.type === type,
      )
      const gaps = ofType.map((c) => gapOf({ ...c, productIds: c.productIds ?? [] }, row.id, at))
      if (gaps.some((g) => g === null)) continue
      const best = (gaps as CertificateGap[]).sort(
        (a, b) => gapPriority.indexOf(a.state) - gapPriority.indexOf(b.state),
      )[0] ?? { state: 'missing' as const }
      reasons.push({ kind: 'certificate', type, requiredBy, ...best })
    }
    result.set(row.id, reasons)
  }
  return result
}
