import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id, oneOf, timestamptz, updatedAt } from './columns.ts'
import { cooperatives, makers, type StoredImage } from './cooperatives.ts'
import { users } from './identity.ts'
import { categories } from './reference.ts'

/**
 * A PostgreSQL `tstzmultirange`, written only by the database (see the sale-window
 * triggers), read as its text form.
 */
const tstzmultirange = customType<{ data: string }>({ dataType: () => 'tstzmultirange' })

/** A PostgreSQL `tsvector`, written only by the database (see the search triggers). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const productStatuses = ['draft', 'published', 'archived'] as const
export type ProductStatus = (typeof productStatuses)[number]

/** Facts that depend on the kind of product (food, cosmetic, craft). */
/**
 * A free-text fact in up to three languages; a plain string is older data, written once in
 * the product's own words and shown to every reader (app/modules/catalog/facts.ts).
 */
export type FactText = string | { ar?: string; fr?: string; en?: string }

export type ProductFacts = {
  netQuantity?: string
  ingredients?: FactText
  lot?: string
  bestBefore?: string
  volume?: string
  registrationNumber?: string
  dimensions?: string
  material?: FactText
  leadTimeDays?: number
  careNotes?: FactText
}

export const products = pgTable(
  'products',
  {
    id: id(),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    titleAr: text('title_ar').notNull(),
    titleFr: text('title_fr'),
    titleEn: text('title_en'),
    descriptionAr: text('description_ar').notNull().default(''),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    facts: jsonb('facts').$type<ProductFacts>().notNull().default({}),
    /** Months 1–12 of the season; null when sold all year. May wrap (11 → 1). */
    seasonStartMonth: integer('season_start_month'),
    seasonEndMonth: integer('season_end_month'),
    /** Certification types the product shows as badges (each needs its certificate). */
    claims: text('claims')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    madeToOrder: boolean('made_to_order').notNull().default(false),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamptz('published_at'),
    blockedAt: timestamptz('blocked_at'),
    blockedReason: text('blocked_reason'),
    blockedBy: uuid('blocked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Maintained by triggers (migration 0004), never written by the application: what
    // search, filters and sorts read, so that nothing is computed per row at query time.
    /** Weighted words: A titles, B category and cooperative names, C descriptions. */
    searchDocument: tsvector('search_document')
      .notNull()
      .default(sql`''::tsvector`),
    /** Certification types the product shows: its category's requirements and its claims. */
    badges: text('badges')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Lowest variant price; null while the product has no variant. */
    minPriceCentimes: integer('min_price_centimes'),
    /**
     * Some variant has stock (migration 0016). Written by the database only when it flips, so
     * a sale leaves this wide row alone; the count itself is in `product_stock`.
     */
    inStock: boolean('in_stock').notNull().default(false),
    /**
     * The gate as data (migration 0015, ADR 018): every instant at which rules 1–3 of the
     * gating rule hold — published, not blocked, cooperative active, and every required
     * certificate in force. Empty while any of these fails; `@> now()` is the read.
     */
    onSaleDuring: tstzmultirange('on_sale_during')
      .notNull()
      .default(sql`'{}'::tstzmultirange`),
  },
  (t) => [
    uniqueIndex('products_slug_unique').on(t.slug),
    index('products_cooperative_idx').on(t.cooperativeId, t.status),
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', t.searchDocument),
    index('products_badges_idx').using('gin', t.badges),
    index('products_newest_idx').on(t.publishedAt.desc(), t.id),
    index('products_price_idx').on(t.minPriceCentimes, t.id),
    check('products_status_check', oneOf('status', productStatuses)),
    check(
      'products_season_check',
      sql`(season_start_month is null and season_end_month is null) or (season_start_month between 1 and 12 and season_end_month between 1 and 12)`,
    ),
  ],
)

export const productVariants = pgTable(
  'product_variants',
  {
    id: id(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    labelAr: text('label_ar').notNull().default(''),
    labelFr: text('label_fr'),
    labelEn: text('label_en'),
    priceCentimes: integer('price_centimes').notNull(),
    stockQuantity: integer('stock_quantity').notNull().default(0),
    weightGrams: integer('weight_grams').notNull(),
    position: integer('position').notNull().default(0),
    /**
     * A variant removed from the product form after it was sold: orders still point at it, so
     * it is hidden (not offered, not counted in offers) instead of deleted.
     */
    archivedAt: timestamptz('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('product_variants_product_idx').on(t.productId, t.position),
    uniqueIndex('product_variants_sku_unique')
      .on(t.productId, t.sku)
      .where(sql`archived_at is null`),
    check('product_variants_price_check', sql`price_centimes > 0`),
    check('product_variants_stock_check', sql`stock_quantity >= 0`),
    check('product_variants_weight_check', sql`weight_grams > 0`),
  ],
)

export const productImages = pgTable(
  'product_images',
  {
    id: id(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    image: jsonb('image').$type<StoredImage>().notNull(),
    altAr: text('alt_ar').notNull().default(''),
    altFr: text('alt_fr'),
    altEn: text('alt_en'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
)

export const productMakers = pgTable(
  'product_makers',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    makerId: uuid('maker_id')
      .notNull()
      .references(() => makers.id, { onDelete: 'cascade' }),
    /** Her share of the product's income when several made it (weights; equal by default). */
    share: integer('share').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.makerId] }),
    index('product_makers_maker_idx').on(t.makerId),
    check('product_makers_share_check', sql`share between 1 and 100`),
  ],
)

/**
 * What a search reads of each product that can be on sale (migration 0020, ADR 022): one
 * narrow row per product whose sale window is not empty, copied from `products` (and its
 * cooperative's region) by the database in the transaction of every write that changes them,
 * never written by the application. Counting and ranking the matches of a word read these
 * rows and their own search index instead of the wide product rows. The gate is still read
 * here at the instant asked (`on_sale_during @> now()`), from the same window.
 */
export const listedProducts = pgTable(
  'listed_products',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    cooperativeId: uuid('cooperative_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    regionId: uuid('region_id').notNull(),
    badges: text('badges').array().notNull(),
    minPriceCentimes: integer('min_price_centimes'),
    /** In stock or made to order. */
    available: boolean('available').notNull(),
    publishedAt: timestamptz('published_at'),
    onSaleDuring: tstzmultirange('on_sale_during').notNull(),
    searchDocument: tsvector('search_document').notNull(),
  },
  (t) => [
    index('listed_products_search_idx').using('gin', t.searchDocument),
    index('listed_products_cooperative_idx').on(t.cooperativeId),
  ],
)

/**
 * Every word of the search documents (normalized), kept by the products' search trigger: the
 * vocabulary a misspelt query word is matched against (pg_trgm) to find the words it meant.
 */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
])

/**
 * Units in stock over a product's offered variants, maintained by the database (migration
 * 0016): a narrow row a sale rewrites, instead of the product's wide, indexed one.
 */
export const productStock = pgTable('product_stock', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  stockTotal: integer('stock_total').notNull().default(0),
})

/**
 * A product's revision (migration 0019): moved, from the catalogue's change sequence, by every
 * write to its variants (stock, prices, options), so a rendered product page is reused only
 * while its product's offers are those it showed, and a sale elsewhere leaves it in place.
 */
export const productRevisions = pgTable('product_revisions', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  revision: bigint('revision', { mode: 'number' }).notNull(),
})

/**
 * The version of what listings show (one row, migration 0016), moved in the transaction of
 * every write that changes a listing, so a listing computed in one statement with it is
 * exact for as long as it has not moved (app/modules/catalog/snapshot.server.ts).
 */
export const catalogVersion = pgTable(
  'catalog_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('catalog_version_one_row', sql`${t.id} = 1`)],
)
