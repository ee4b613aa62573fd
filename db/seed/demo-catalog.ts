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
 * exists is skipped, and so is a certificate whose number the cooperative already holds (so
 * products and certificates added to the demo later reach a database seeded before).
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
    const known = await db
      .select({ number: certificates.number })
      .from(certificates)
      .where(eq(certificates.cooperativeId, cooperativeId))
    const numbers = new Set(known.map((row) => row.number))
    for (const certificate of wanted) {
      if (numbers.has(certificate.number)) continue
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

/**
 * A product picture as PNG bytes, drawn from its spec (nothing downloaded). With a label, the
 * drawing is shrunk to leave room for the product's name in Arabic and French underneath, in
 * the system's sans-serif font.
 */
export async function drawPicture(picture: DemoPicture): Promise<Buffer> {
  const { background: bg, foreground: fg, label } = picture
  const drawing = `
    <circle cx="300" cy="290" r="235" fill="#ffffff" fill-opacity="0.35"/>
    <ellipse cx="300" cy="522" rx="200" ry="24" fill="#000000" fill-opacity="0.1"/>
    ${shapes[picture.shape](fg, bg)}`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" fill="${bg}"/>
    ${
      label
        ? `<g transform="translate(60 0) scale(0.8)">${drawing}</g>
    <rect x="50" y="448" width="500" height="132" rx="24" fill="#ffffff" fill-opacity="0.92"/>
    <text x="300" y="507" font-family="DejaVu Sans, sans-serif" font-size="44" font-weight="bold" fill="#3b2a1a" text-anchor="middle">${escapeXml(label.ar)}</text>
    <text x="300" y="555" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#5a4632" text-anchor="middle">${escapeXml(label.fr)}</text>`
        : drawing
    }
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

function escapeXml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Small dots scattered over a region (grains, seeds), the same on every run. */
function grains(
  inside: (x: number, y: number) => boolean,
  box: { x0: number; x1: number; y0: number; y1: number },
  /** Fill attributes, used in turn. */
  fills: string[],
  step = 13,
) {
  const dots: string[] = []
  let n = 0
  for (let y = box.y0; y <= box.y1; y += step) {
    for (let x = box.x0 + ((y / step) % 2) * (step / 2); x <= box.x1; x += step) {
      n++
      const dx = ((n * 37) % 7) - 3
      const dy = ((n * 53) % 5) - 2
      if (!inside(x + dx, y + dy)) continue
      dots.push(
        `<circle cx="${x + dx}" cy="${y + dy}" r="${3 + (n % 3)}" ${fills[n % fills.length]}/>`,
      )
    }
  }
  return dots.join('')
}

/** An almond (or an argan nut) centred on x, y, turned by `angle` degrees. */
function nut(x: number, y: number, angle: number, color: string, length = 34) {
  const w = length * 0.62
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
      <path d="M0 ${-length} C${w} ${-length * 0.55} ${w} ${length * 0.6} 0 ${length} C${-w} ${length * 0.6} ${-w} ${-length * 0.55} 0 ${-length} Z" fill="${color}"/>
      <path d="M0 ${-length * 0.7} C${w * 0.35} ${-length * 0.2} ${w * 0.35} ${length * 0.3} 0 ${length * 0.75}" fill="none" stroke="#000000" stroke-opacity="0.18" stroke-width="3"/>
      <ellipse cx="${-w * 0.35}" cy="${-length * 0.3}" rx="${w * 0.18}" ry="${length * 0.25}" fill="#ffffff" fill-opacity="0.25"/>
    </g>`
}

/** A leaf centred on x, y, turned by `angle` degrees. */
function leaf(x: number, y: number, angle: number, color: string, length = 44) {
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
      <path d="M${-length} 0 Q0 ${-length * 0.45} ${length} 0 Q0 ${length * 0.45} ${-length} 0 Z" fill="${color}"/>
      <path d="M${-length} 0 H${length * 0.9}" stroke="#000000" stroke-opacity="0.18" stroke-width="3"/>
    </g>`
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

  // A jar of honey under its cloth cover, honeycomb on the label, the dipper dripping.
  honey: (fg, bg) => {
    const hex = (cx: number, cy: number) => {
      const r = 24
      const points = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6
        return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`
      }).join(' ')
      return `<polygon points="${points}" fill="#f6c453" stroke="#a8620f" stroke-width="5"/>`
    }
    const comb = [
      [300, 360],
      [258, 360],
      [342, 360],
      [279, 324],
      [321, 324],
      [279, 396],
      [321, 396],
    ]
      .map(([x, y]) => hex(x!, y!))
      .join('')
    return `
    <path d="M196 214 H404 C432 214 446 236 446 262 V478 C446 504 426 522 398 522 H202 C174 522 154 504 154 478 V262 C154 236 168 214 196 214 Z" fill="${fg}"/>
    <path d="M154 300 H446" stroke="#ffffff" stroke-opacity="0.25" stroke-width="4"/>
    <rect x="176" y="250" width="22" height="236" rx="11" ${light(0.3)}/>
    <rect x="214" y="296" width="172" height="132" rx="16" fill="${bg}" fill-opacity="0.95"/>
    ${comb}
    <path d="M164 222 Q300 246 436 222 L452 168 Q300 128 148 168 Z" fill="#b23a2e"/>
    <path d="M190 170 L206 226 M250 156 L258 236 M300 150 V238 M350 156 L342 236 M410 170 L394 226" stroke="#ffffff" stroke-opacity="0.5" stroke-width="6"/>
    <path d="M168 216 Q300 240 432 216" fill="none" stroke="#6e2119" stroke-width="9" stroke-linecap="round"/>
    <g transform="rotate(28 470 330)">
      <rect x="462" y="110" width="16" height="230" rx="8" fill="#8a5a2b"/>
      <ellipse cx="470" cy="352" rx="34" ry="16" fill="#8a5a2b"/>
      <ellipse cx="470" cy="380" rx="40" ry="18" fill="#7a4c22"/>
      <ellipse cx="470" cy="408" rx="34" ry="16" fill="#8a5a2b"/>
      <path d="M470 420 C474 450 478 462 470 480 C462 462 466 450 470 420 Z" fill="${fg}"/>
    </g>`
  },

  // A wide earthenware dish (gsaa) heaped with grains of couscous.
  couscous: (fg, bg) => {
    const inMound = (x: number, y: number) => {
      if (y > 376) return false
      const t = (x - 300) / 176
      return Math.abs(t) < 1 && y > 376 - 166 * Math.sqrt(1 - t * t)
    }
    return `
    <path d="M84 378 H516 C504 462 420 510 300 510 C180 510 96 462 84 378 Z" fill="#a0522d"/>
    <polyline points="${zigzag(128, 472, 420, 24, 22)}" fill="none" stroke="${bg}" stroke-width="8" stroke-linejoin="round" stroke-opacity="0.85"/>
    <path d="M150 466 Q300 496 450 466" fill="none" stroke="${bg}" stroke-width="6" stroke-opacity="0.6"/>
    <ellipse cx="300" cy="378" rx="216" ry="34" fill="#7f3f22"/>
    <path d="M124 378 C132 270 214 210 300 210 C386 210 468 270 476 378 Z" fill="${fg}"/>
    ${grains(inMound, { x0: 124, x1: 476, y0: 214, y1: 376 }, [light(0.45), dark(0.18), dark(0.08)], 14)}
    <path d="M176 300 C214 256 262 236 300 234" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="12" stroke-linecap="round"/>`
  },

  // A jar of amlou (almonds, argan oil, honey), its lid, almonds in front.
  amlou: (fg, bg) => `
    <rect x="184" y="226" width="232" height="290" rx="44" fill="${fg}"/>
    <path d="M196 262 Q250 240 300 262 T404 262" fill="none" stroke="#000000" stroke-opacity="0.2" stroke-width="10" stroke-linecap="round"/>
    <rect x="200" y="262" width="20" height="220" rx="10" ${light(0.25)}/>
    <rect x="172" y="176" width="256" height="60" rx="16" fill="#c9a227"/>
    <rect x="172" y="214" width="256" height="22" rx="8" ${dark(0.15)}/>
    <rect x="226" y="318" width="148" height="110" rx="14" fill="${bg}" fill-opacity="0.95"/>
    ${nut(270, 372, -20, '#c68a4a', 30)}${nut(328, 372, 20, '#b5773a', 30)}
    ${nut(140, 470, -35, '#c68a4a')}${nut(176, 500, 15, '#b5773a')}${nut(452, 480, 30, '#c68a4a')}${nut(492, 446, -10, '#b5773a', 30)}`,

  // A small bottle of argan oil with its dropper, argan nuts and leaves at its foot.
  argan: (fg, bg) => `
    <rect x="274" y="110" width="52" height="76" rx="26" fill="#2f2a26"/>
    <rect x="256" y="176" width="88" height="46" rx="8" fill="#3d3631"/>
    <path d="M266 218 H334 V244 C380 256 392 282 392 312 V488 C392 508 378 520 358 520 H242 C222 520 208 508 208 488 V312 C208 282 220 256 266 244 Z" fill="${fg}"/>
    <rect x="226" y="300" width="16" height="190" rx="8" ${light(0.3)}/>
    <rect x="240" y="340" width="120" height="120" rx="12" fill="${bg}" fill-opacity="0.94"/>
    <path d="M300 360 C300 360 272 396 272 414 A28 28 0 0 0 328 414 C328 396 300 360 300 360 Z" fill="${fg}"/>
    ${leaf(118, 436, -30, '#5b7a3a')}${leaf(486, 430, 30, '#4f6e33')}
    ${nut(130, 488, -25, '#7a4a22', 28)}${nut(178, 500, 20, '#8c5a2c', 26)}${nut(440, 498, 25, '#7a4a22', 28)}${nut(488, 482, -15, '#8c5a2c', 26)}`,

  // A bottle of olive oil beside a sprig of olives.
  'olive-oil': (fg, bg) => {
    const sprig = [
      leaf(132, 300, -55, '#5d7b46', 40),
      leaf(178, 268, 35, '#4e6b3a', 40),
      leaf(124, 378, -40, '#5d7b46', 40),
      leaf(182, 350, 40, '#4e6b3a', 40),
      leaf(140, 450, -35, '#5d7b46', 38),
    ].join('')
    const olives = [
      [170, 408],
      [118, 420],
      [158, 320],
    ]
      .map(
        ([x, y]) =>
          `<ellipse cx="${x}" cy="${y}" rx="17" ry="23" fill="#3f4a1c"/><ellipse cx="${x! - 5}" cy="${y! - 8}" rx="5" ry="7" ${light(0.35)}/>`,
      )
      .join('')
    return `
    <path d="M150 520 C146 420 160 320 156 236" fill="none" stroke="#6b5a3a" stroke-width="7" stroke-linecap="round"/>
    ${sprig}${olives}
    <g transform="translate(70 0)">${shapes.bottle(fg, bg)}</g>`
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
