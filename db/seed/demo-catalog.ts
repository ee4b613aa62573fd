import { and, eq, inArray } from 'drizzle-orm'
import sharp from 'sharp'
import { products } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import { cooperatives, makers, type StoredImage } from '#db/schema/cooperatives.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import {
  demoCertificates,
  demoProducts,
  type DemoPicture,
  type DemoProduct,
} from './data/demo-products.ts'
import { createCertificate, createProduct } from './factories.ts'

const day = 24 * 60 * 60 * 1000

/**
 * The demo catalogue: products of the demo cooperatives (one drawn picture each) and their
 * certificates, so that the storefront shows products on sale and products hidden for every
 * reason of the gating rule. Run after `seedDemoWorld`. Idempotent: a product whose slug
 * exists is skipped, and so are the certificates of a cooperative that already has some.
 */
export async function seedDemoCatalog(
  db: Queryable,
): Promise<{ products: number; certificates: number }> {
  const now = Date.now()
  const cooperativeIds = await findCooperatives(db)

  const existing = await db
    .select({ slug: products.slug })
    .from(products)
    .where(
      inArray(
        products.slug,
        demoProducts.map((p) => p.slug),
      ),
    )
  const existingSlugs = new Set(existing.map((row) => row.slug))
  const missing = demoProducts.filter((p) => !existingSlugs.has(p.slug))

  // Pictures first (the slow part, two at a time), then the rows.
  const pictures = await mapWithLimit(missing, 2, async (product) =>
    storeImage(await drawPicture(product.image)),
  )

  let productCount = 0
  for (const [i, product] of missing.entries()) {
    const cooperativeId = cooperativeIds.get(product.cooperativeSlug)!
    const makerIds = await findMakers(db, cooperativeId, product)
    await createProduct(db, productInput(product, cooperativeId, makerIds, pictures[i]!, now))
    productCount++
  }

  let certificateCount = 0
  const slugs = [...cooperativeIds.keys()]
  for (const slug of slugs) {
    const cooperativeId = cooperativeIds.get(slug)!
    const wanted = demoCertificates.filter((c) => c.cooperativeSlug === slug)
    if (wanted.length === 0) continue
    const [already] = await db
      .select({ id: certificates.id })
      .from(certificates)
      .where(eq(certificates.cooperativeId, cooperativeId))
      .limit(1)
    if (already) continue
    for (const certificate of wanted) {
      const productIds = certificate.productSlugs
        ? await findProducts(db, cooperativeId, certificate.productSlugs)
        : []
      const issuedAt = new Date(now - certificate.issuedDaysAgo * day)
      const decidedAt =
        certificate.decidedDaysAgo === null
          ? null
          : new Date(now - certificate.decidedDaysAgo * day)
      const created = await createCertificate(db, {
        cooperativeId,
        type: certificate.type,
        status: certificate.status,
        scope: certificate.productSlugs ? 'products' : 'cooperative',
        productIds,
        issuingBody: certificate.issuingBody,
        number: certificate.number,
        signName: certificate.signName,
        issuedAt,
        expiresAt:
          certificate.expiresInDays === null
            ? null
            : new Date(now + certificate.expiresInDays * day),
        decisionNote: certificate.decisionNote,
        decidedAt,
      })
      // The factory stamps the first approval "now"; the demo dates it like its decision
      // (or, for a certificate since suspended or revoked, shortly after it was issued).
      const approvedAt =
        certificate.status === 'approved'
          ? decidedAt
          : certificate.status === 'suspended' || certificate.status === 'revoked'
            ? new Date(Math.min(now, issuedAt.getTime() + 7 * day))
            : null
      if (approvedAt) {
        await db.update(certificates).set({ approvedAt }).where(eq(certificates.id, created.id))
      }
      certificateCount++
    }
  }

  return { products: productCount, certificates: certificateCount }
}

async function findCooperatives(db: Queryable) {
  const slugs = [
    ...new Set([
      ...demoProducts.map((p) => p.cooperativeSlug),
      ...demoCertificates.map((c) => c.cooperativeSlug),
    ]),
  ]
  const rows = await db
    .select({ id: cooperatives.id, slug: cooperatives.slug })
    .from(cooperatives)
    .where(inArray(cooperatives.slug, slugs))
  const ids = new Map(rows.map((row) => [row.slug, row.id]))
  const unknown = slugs.filter((slug) => !ids.has(slug))
  if (unknown.length > 0) {
    throw new Error(`Unknown cooperatives ${unknown.join(', ')}: run seedDemoWorld first`)
  }
  return ids
}

async function findMakers(db: Queryable, cooperativeId: string, product: DemoProduct) {
  if (product.makerNames.length === 0) return []
  const rows = await db
    .select({ id: makers.id, name: makers.name })
    .from(makers)
    .where(and(eq(makers.cooperativeId, cooperativeId), inArray(makers.name, product.makerNames)))
  const byName = new Map(rows.map((row) => [row.name, row.id]))
  return product.makerNames.map((name) => {
    const id = byName.get(name)
    if (!id) throw new Error(`Maker ${name} not found in ${product.cooperativeSlug}`)
    return id
  })
}

async function findProducts(db: Queryable, cooperativeId: string, slugs: string[]) {
  const rows = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(and(eq(products.cooperativeId, cooperativeId), inArray(products.slug, slugs)))
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]))
  return slugs.map((slug) => {
    const id = bySlug.get(slug)
    if (!id) throw new Error(`Certificate names product ${slug}, which is not in the cooperative`)
    return id
  })
}

function productInput(
  product: DemoProduct,
  cooperativeId: string,
  makerIds: string[],
  image: StoredImage,
  now: number,
) {
  const facts =
    product.bestBeforeInDays === undefined
      ? product.facts
      : {
          ...product.facts,
          bestBefore: new Date(now + product.bestBeforeInDays * day).toISOString().slice(0, 10),
        }
  return {
    cooperativeId,
    categorySlug: product.categorySlug,
    slug: product.slug,
    status: product.status ?? 'published',
    blockedReason: product.blockedReason ?? null,
    titleAr: product.titleAr,
    titleFr: product.titleFr,
    titleEn: product.titleEn,
    descriptionAr: product.descriptionAr,
    descriptionFr: product.descriptionFr,
    descriptionEn: product.descriptionEn,
    claims: product.claims,
    madeToOrder: product.madeToOrder ?? false,
    facts,
    seasonStartMonth: product.seasonStartMonth ?? null,
    seasonEndMonth: product.seasonEndMonth ?? null,
    variants: product.variants,
    images: [{ image, altAr: product.altAr, altFr: product.altFr, altEn: product.altEn }],
    makerIds,
  }
}

/** Runs `task` over `items`, at most `limit` at once, keeping the order of the results. */
async function mapWithLimit<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

// ——— The pictures: flat shapes on a coloured ground, 600 × 600, drawn locally ———

const size = 600

/** A product picture as PNG bytes, drawn from its spec (no text, nothing downloaded). */
export async function drawPicture(picture: DemoPicture): Promise<Buffer> {
  const { background: bg, foreground: fg } = picture
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" fill="${bg}"/>
    <circle cx="300" cy="290" r="235" fill="#ffffff" fill-opacity="0.35"/>
    <ellipse cx="300" cy="522" rx="200" ry="24" fill="#000000" fill-opacity="0.1"/>
    ${shapes[picture.shape](fg, bg)}
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

const light = (opacity: number) => `fill="#ffffff" fill-opacity="${opacity}"`
const dark = (opacity: number) => `fill="#000000" fill-opacity="${opacity}"`

/** A zigzag polyline from x0 to x1 around y, `step` wide and `depth` high. */
function zigzag(x0: number, x1: number, y: number, step: number, depth: number) {
  const points: string[] = []
  for (let x = x0, up = true; x <= x1; x += step, up = !up)
    points.push(`${x},${up ? y : y + depth}`)
  return points.join(' ')
}

const shapes: Record<DemoPicture['shape'], (fg: string, bg: string) => string> = {
  jar: (fg, bg) => `
    <path d="M262 150 H338 L334 196 C420 226 446 330 420 420 C400 486 358 516 300 516 C242 516 200 486 180 420 C154 330 180 226 266 196 Z" fill="${fg}"/>
    <rect x="244" y="126" width="112" height="32" rx="12" fill="${fg}"/>
    <rect x="244" y="126" width="112" height="32" rx="12" ${dark(0.18)}/>
    <polyline points="${zigzag(196, 404, 300, 26, 30)}" fill="none" stroke="${bg}" stroke-width="10" stroke-linejoin="round" stroke-opacity="0.85"/>
    <path d="M186 380 H414" stroke="${bg}" stroke-width="8" stroke-opacity="0.6"/>
    <ellipse cx="232" cy="330" rx="18" ry="72" ${light(0.18)}/>`,

  bottle: (fg, bg) => `
    <rect x="272" y="120" width="56" height="110" fill="${fg}"/>
    <rect x="262" y="90" width="76" height="46" rx="8" fill="${fg}"/>
    <rect x="262" y="90" width="76" height="46" rx="8" ${dark(0.3)}/>
    <path d="M272 210 C272 246 220 254 220 304 V496 C220 510 230 520 244 520 H356 C370 520 380 510 380 496 V304 C380 254 328 246 328 210 Z" fill="${fg}"/>
    <rect x="238" y="330" width="124" height="130" rx="12" fill="${bg}" fill-opacity="0.92"/>
    <circle cx="300" cy="380" r="26" fill="${fg}"/>
    <rect x="262" y="424" width="76" height="10" rx="5" fill="${fg}" fill-opacity="0.6"/>
    <rect x="234" y="300" width="14" height="190" rx="7" ${light(0.22)}/>`,

  bowl: (fg, bg) => `
    <rect x="236" y="470" width="128" height="34" rx="10" fill="${fg}"/>
    <rect x="236" y="470" width="128" height="34" rx="10" ${dark(0.2)}/>
    <path d="M130 300 H470 C470 420 396 488 300 488 C204 488 130 420 130 300 Z" fill="${fg}"/>
    <ellipse cx="300" cy="300" rx="170" ry="42" fill="${fg}"/>
    <ellipse cx="300" cy="300" rx="150" ry="30" ${dark(0.25)}/>
    <polyline points="${zigzag(168, 432, 372, 24, 24)}" fill="none" stroke="${bg}" stroke-width="9" stroke-linejoin="round" stroke-opacity="0.85"/>
    <path d="M190 426 Q300 452 410 426" fill="none" stroke="${bg}" stroke-width="7" stroke-opacity="0.6"/>`,

  weave: (fg, bg) => {
    const stripes = [150, 220, 380, 450]
      .map(
        (y) => `<rect x="150" y="${y}" width="300" height="16" fill="${bg}" fill-opacity="0.9"/>`,
      )
      .join('')
    const thin = [180, 250, 350, 420]
      .map((y) => `<rect x="150" y="${y}" width="300" height="6" ${dark(0.25)}/>`)
      .join('')
    const diamonds = [185, 243, 301, 359, 417]
      .map((x) => `<polygon points="${x},272 ${x + 24},300 ${x},328 ${x - 24},300" fill="${bg}"/>`)
      .join('')
    const fringe = Array.from(
      { length: 21 },
      (_, i) =>
        `<path d="M${160 + i * 14} 490 V528" stroke="${fg}" stroke-width="5" stroke-linecap="round"/>`,
    ).join('')
    return `
    ${fringe}
    <rect x="150" y="100" width="300" height="392" fill="${fg}"/>
    ${stripes}${thin}${diamonds}
    <rect x="150" y="100" width="18" height="392" ${light(0.15)}/>`
  },

  bar: (fg, bg) => `
    <rect x="140" y="330" width="320" height="150" rx="38" fill="${fg}"/>
    <rect x="140" y="420" width="320" height="60" rx="30" ${dark(0.15)}/>
    <rect x="162" y="342" width="276" height="34" rx="17" ${light(0.25)}/>
    <g transform="rotate(-9 300 250)">
      <rect x="170" y="186" width="260" height="126" rx="34" fill="${fg}"/>
      <rect x="170" y="186" width="260" height="126" rx="34" ${light(0.12)}/>
      <ellipse cx="300" cy="249" rx="76" ry="32" fill="none" stroke="${bg}" stroke-width="7" stroke-opacity="0.75"/>
      <ellipse cx="300" cy="249" rx="40" ry="14" fill="${bg}" fill-opacity="0.45"/>
    </g>`,

  pile: (fg) => {
    const r = 34
    const circles: string[] = []
    for (let row = 0; row < 5; row++) {
      const count = 6 - row
      const y = 452 - row * 56
      for (let i = 0; i < count; i++) {
        const x = 300 - (count - 1) * r + i * 2 * r
        circles.push(
          `<circle cx="${x}" cy="${y}" r="${r}" fill="${fg}"/>`,
          (row + i) % 2 === 0 ? `<circle cx="${x}" cy="${y}" r="${r}" ${dark(0.1)}/>` : '',
          `<circle cx="${x - 11}" cy="${y - 11}" r="9" ${light(0.3)}/>`,
        )
      }
    }
    return `
    <ellipse cx="300" cy="492" rx="240" ry="34" ${light(0.6)}/>
    ${circles.join('')}`
  },

  leaf: (fg) => {
    const leaves: string[] = []
    for (let i = 0; i < 6; i++) {
      const side = i % 2 === 0 ? -1 : 1
      const y = 462 - i * 64
      const cx = 300 + side * 64
      const angle = side * -32
      leaves.push(
        `<ellipse cx="${cx}" cy="${y}" rx="72" ry="26" transform="rotate(${angle} ${cx} ${y})" fill="${fg}"/>`,
        `<path d="M${cx - side * 58} ${y + 36} L${cx + side * 58} ${y - 36}" stroke="#000000" stroke-opacity="0.18" stroke-width="4"/>`,
      )
    }
    return `
    <path d="M300 528 C292 420 312 300 300 110" fill="none" stroke="${fg}" stroke-width="11" stroke-linecap="round"/>
    ${leaves.join('')}
    <ellipse cx="300" cy="96" rx="24" ry="52" fill="${fg}"/>`
  },
}
