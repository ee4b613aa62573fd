// One set of factories for the demo seed and the tests: every row they make is valid.
import { eq } from 'drizzle-orm'
import {
  cooperatives,
  makers,
  memberships,
  type MembershipRole,
  type CooperativeStatus,
  type StoredImage,
} from '#db/schema/cooperatives.ts'
import { totpFactors, userRoles, users } from '#db/schema/identity.ts'
import { categories, type CertificationCode, provinces, regions } from '#db/schema/reference.ts'
import {
  productImages,
  productMakers,
  products,
  type ProductFacts,
  type ProductStatus,
  productVariants,
} from '#db/schema/catalog.ts'
import {
  certificateEvents,
  certificateProducts,
  certificates,
  type CertificateStatus,
} from '#db/schema/certification.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { encryptSecret } from '#app/modules/auth/two-factor.server.ts'
import { iceCheckDigits, ribKey } from '#app/modules/cooperatives/identifiers.ts'
import { type AssociationRole } from '#app/modules/auth/guards.server.ts'
import { defaultSettings } from './reference.ts'

let counter = 0
function next() {
  counter += 1
  return `${Date.now().toString(36)}${counter}`
}

/** A valid ICE built from a number, for rows that need a unique one. */
export function makeIce(n: number): string {
  const first13 = String(n).padStart(13, '0').slice(-13)
  return first13 + iceCheckDigits(first13)
}

/** A valid RIB built from a number. */
export function makeRib(n: number): string {
  const first22 = `011780${String(n).padStart(16, '0').slice(-16)}`
  return first22 + ribKey(first22)
}

export const testPassword = 'olive-terrace-2026'
let testPasswordHash: Promise<string> | undefined

export async function createUser(
  db: Queryable,
  input: {
    email?: string
    name?: string
    password?: string
    passwordHash?: string
    locale?: 'ar' | 'fr' | 'en'
    phone?: string | null
    roles?: AssociationRole[]
    /** Seeded and test accounts are verified unless a test says otherwise. */
    emailVerified?: boolean
  } = {},
) {
  const suffix = next()
  let passwordHash = input.passwordHash
  if (!passwordHash) {
    if (input.password && input.password !== testPassword)
      passwordHash = await hashPassword(input.password)
    else passwordHash = await (testPasswordHash ??= hashPassword(testPassword))
  }
  const [user] = await db
    .insert(users)
    .values({
      email: (input.email ?? `user-${suffix}@example.com`).toLowerCase(),
      name: input.name ?? `User ${suffix}`,
      phone: input.phone ?? null,
      passwordHash,
      locale: input.locale ?? 'ar',
      emailVerifiedAt: input.emailVerified === false ? null : new Date(),
    })
    .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })
  if (!user) throw new Error('user not created')
  if (input.roles?.length) {
    await db.insert(userRoles).values(input.roles.map((role) => ({ userId: user.id, role })))
  }
  return user
}

/** A known secret: tests compute codes from it (`generateSync({ secret, epoch })` of otplib). */
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** An authenticator app already confirmed for the user, with a secret the caller knows. */
export async function enrolTotp(
  db: Queryable,
  input: { userId: string; secret?: string; lastTimeStep?: number | null },
) {
  const secret = input.secret ?? testTotpSecret
  await db
    .insert(totpFactors)
    .values({
      userId: input.userId,
      secretEncrypted: await encryptSecret(secret),
      confirmedAt: new Date(),
      lastTimeStep: input.lastTimeStep ?? null,
    })
    .onConflictDoNothing()
  return secret
}

export async function findProvince(db: Queryable, provinceCode: string) {
  const [row] = await db
    .select({ provinceId: provinces.id, regionId: provinces.regionId, regionCode: regions.code })
    .from(provinces)
    .innerJoin(regions, eq(regions.id, provinces.regionId))
    .where(eq(provinces.code, provinceCode))
  if (!row) throw new Error(`Unknown province ${provinceCode}: seed the reference data first`)
  return row
}

export type CooperativeInput = Partial<
  Omit<typeof cooperatives.$inferInsert, 'regionId' | 'provinceId' | 'status'>
> & { provinceCode?: string; status?: CooperativeStatus }

export async function createCooperative(db: Queryable, input: CooperativeInput = {}) {
  const suffix = next()
  const { provinceCode = 'al-hoceima', ...fields } = input
  const place = await findProvince(db, provinceCode)
  counter += 1
  const [cooperative] = await db
    .insert(cooperatives)
    .values({
      slug: `coop-${suffix}`,
      legalNameAr: `تعاونية ${suffix} النسوية`,
      legalNameFr: `Coopérative féminine ${suffix}`,
      displayName: `Coop ${suffix}`,
      category: 'agricultural',
      womenOnly: true,
      memberCount: 12,
      womenMemberCount: 12,
      foundedYear: 2015,
      registerNumber: `2015/${counter}`,
      registerCourt: "Tribunal de première instance d'Al Hoceima",
      ice: makeIce(1000000 + counter),
      taxId: String(40000000 + counter),
      vatStatus: 'exempt',
      commune: 'Imzouren',
      address: 'Douar Centre, près de la mosquée',
      phone: '+212539000000',
      email: `contact-${suffix}@example.com`,
      storyAr: 'نساء يصنعن منتجات من أرض الريف.',
      rib: makeRib(counter),
      accountHolder: `Coopérative féminine ${suffix}`,
      commissionBps: defaultSettings.default_commission_bps,
      status: 'active',
      decidedAt: input.status === 'applied' ? null : new Date(),
      ...fields,
      regionId: place.regionId,
      provinceId: place.provinceId,
    })
    .returning({
      id: cooperatives.id,
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      status: cooperatives.status,
    })
  if (!cooperative) throw new Error('cooperative not created')
  return cooperative
}

export async function addMembership(
  db: Queryable,
  input: { cooperativeId: string; userId: string; role: MembershipRole },
) {
  await db.insert(memberships).values(input)
}

export async function createMaker(
  db: Queryable,
  input: {
    cooperativeId: string
    name?: string
    bioAr?: string | null
    bioFr?: string | null
    bioEn?: string | null
    consent?: boolean
  },
) {
  const [maker] = await db
    .insert(makers)
    .values({
      cooperativeId: input.cooperativeId,
      name: input.name ?? `Maker ${next()}`,
      bioAr: input.bioAr ?? null,
      bioFr: input.bioFr ?? null,
      bioEn: input.bioEn ?? null,
      consentAt: input.consent ? new Date() : null,
    })
    .returning({ id: makers.id, name: makers.name })
  if (!maker) throw new Error('maker not created')
  return maker
}

/** A cooperative with a manager (and optionally a member), as most tests need. */
export async function createCooperativeWithTeam(db: Queryable, input: CooperativeInput = {}) {
  const cooperative = await createCooperative(db, input)
  const manager = await createUser(db, { name: 'Manager' })
  await addMembership(db, { cooperativeId: cooperative.id, userId: manager.id, role: 'manager' })
  const member = await createUser(db, { name: 'Member' })
  await addMembership(db, { cooperativeId: cooperative.id, userId: member.id, role: 'member' })
  return { cooperative, manager, member }
}

export async function findCategory(db: Queryable, slug: string) {
  const [row] = await db
    .select({ id: categories.id, kind: categories.kind })
    .from(categories)
    .where(eq(categories.slug, slug))
  if (!row) throw new Error(`Unknown category ${slug}`)
  return row
}

export type ProductInput = {
  cooperativeId: string
  categorySlug?: string
  slug?: string
  titleAr?: string
  titleFr?: string | null
  titleEn?: string | null
  descriptionAr?: string
  descriptionFr?: string | null
  descriptionEn?: string | null
  status?: ProductStatus
  claims?: CertificationCode[]
  madeToOrder?: boolean
  facts?: ProductFacts
  seasonStartMonth?: number | null
  seasonEndMonth?: number | null
  blockedReason?: string | null
  variants?: {
    sku?: string
    labelAr?: string
    labelFr?: string | null
    labelEn?: string | null
    priceCentimes?: number
    stockQuantity?: number
    weightGrams?: number
  }[]
  images?: { image: StoredImage; altAr?: string; altFr?: string | null; altEn?: string | null }[]
  makerIds?: string[]
  /** Their shares of the income, in the order of makerIds (equal when absent). */
  makerShares?: number[]
}

export async function createProduct(db: Queryable, input: ProductInput) {
  const suffix = next()
  const category = await findCategory(db, input.categorySlug ?? 'honey')
  const [product] = await db
    .insert(products)
    .values({
      cooperativeId: input.cooperativeId,
      slug: input.slug ?? `product-${suffix}`,
      categoryId: category.id,
      titleAr: input.titleAr ?? `منتج ${suffix}`,
      titleFr: input.titleFr ?? null,
      titleEn: input.titleEn ?? null,
      descriptionAr: input.descriptionAr ?? 'منتج من صنع التعاونية.',
      descriptionFr: input.descriptionFr ?? null,
      descriptionEn: input.descriptionEn ?? null,
      status: input.status ?? 'published',
      publishedAt: (input.status ?? 'published') === 'published' ? new Date() : null,
      claims: input.claims ?? [],
      madeToOrder: input.madeToOrder ?? false,
      facts: input.facts ?? {},
      seasonStartMonth: input.seasonStartMonth ?? null,
      seasonEndMonth: input.seasonEndMonth ?? null,
      blockedAt: input.blockedReason ? new Date() : null,
      blockedReason: input.blockedReason ?? null,
    })
    .returning({ id: products.id, slug: products.slug, cooperativeId: products.cooperativeId })
  if (!product) throw new Error('product not created')
  const variants = input.variants ?? [{}]
  const insertedVariants = await db
    .insert(productVariants)
    .values(
      variants.map((v, i) => ({
        productId: product.id,
        sku: v.sku ?? `SKU-${suffix}-${i + 1}`,
        labelAr: v.labelAr ?? '',
        labelFr: v.labelFr ?? null,
        labelEn: v.labelEn ?? null,
        priceCentimes: v.priceCentimes ?? 12000,
        stockQuantity: v.stockQuantity ?? 10,
        weightGrams: v.weightGrams ?? 500,
        position: i,
      })),
    )
    .returning({ id: productVariants.id, sku: productVariants.sku })
  if (input.images?.length) {
    await db.insert(productImages).values(
      input.images.map((img, i) => ({
        productId: product.id,
        image: img.image,
        altAr: img.altAr ?? '',
        altFr: img.altFr ?? null,
        altEn: img.altEn ?? null,
        position: i,
      })),
    )
  }
  if (input.makerIds?.length) {
    await db.insert(productMakers).values(
      input.makerIds.map((makerId, i) => ({
        productId: product.id,
        makerId,
        share: input.makerShares?.[i] ?? 1,
      })),
    )
  }
  return { ...product, variants: insertedVariants }
}

export type CertificateInput = {
  cooperativeId: string
  type: CertificationCode
  status?: CertificateStatus
  scope?: 'cooperative' | 'products'
  productIds?: string[]
  issuingBody?: string
  number?: string
  signName?: string | null
  issuedAt?: Date
  expiresAt?: Date | null
  decisionNote?: string | null
  decidedAt?: Date | null
}

export async function createCertificate(db: Queryable, input: CertificateInput) {
  const status = input.status ?? 'approved'
  const [certificate] = await db
    .insert(certificates)
    .values({
      cooperativeId: input.cooperativeId,
      type: input.type,
      issuingBody: input.issuingBody ?? 'ONSSA',
      number: input.number ?? `N-${next()}`,
      signName: input.signName ?? null,
      scope: input.scope ?? (input.productIds?.length ? 'products' : 'cooperative'),
      issuedAt: input.issuedAt ?? new Date(Date.now() - 365 * 24 * 3600 * 1000),
      expiresAt: input.expiresAt === undefined ? null : input.expiresAt,
      status,
      decisionNote: input.decisionNote ?? null,
      decidedAt: status === 'pending_review' ? null : (input.decidedAt ?? new Date()),
      approvedAt: status === 'pending_review' || status === 'rejected' ? null : new Date(),
    })
    .returning({ id: certificates.id })
  if (!certificate) throw new Error('certificate not created')
  if (input.productIds?.length) {
    await db
      .insert(certificateProducts)
      .values(input.productIds.map((productId) => ({ certificateId: certificate.id, productId })))
  }
  await db.insert(certificateEvents).values({
    certificateId: certificate.id,
    action: 'submitted',
    fromStatus: null,
    toStatus: 'pending_review',
  })
  if (status !== 'pending_review') {
    await db.insert(certificateEvents).values({
      certificateId: certificate.id,
      action: status === 'approved' ? 'approve' : status,
      fromStatus: 'pending_review',
      toStatus: status,
      note: input.decisionNote ?? null,
    })
  }
  return certificate
}
