import {
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
  boolean,
  index,
} from 'drizzle-orm/pg-core'
import { type AnyPgColumn } from 'drizzle-orm/pg-core'
import { id, oneOf } from './columns.ts'

export const regions = pgTable('regions', {
  id: id(),
  code: text('code').notNull().unique(),
  number: integer('number').notNull(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
})

export const provinces = pgTable(
  'provinces',
  {
    id: id(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    code: text('code').notNull().unique(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [index('provinces_region_idx').on(t.regionId)],
)

export const certificationCodes = [
  'onssa',
  'cosmetic_reg',
  'organic',
  'sdoq',
  'halal',
  'fair_trade',
  'handmade',
] as const
export type CertificationCode = (typeof certificationCodes)[number]

export const certificationTypes = pgTable(
  'certification_types',
  {
    code: text('code').primaryKey(),
    scope: text('scope').notNull(),
    gates: text('gates').notNull(),
    hasExpiry: boolean('has_expiry').notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionAr: text('description_ar').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
  },
  () => [
    check('certification_types_scope_check', oneOf('scope', ['cooperative', 'product', 'either'])),
    check('certification_types_gates_check', oneOf('gates', ['listing', 'claim'])),
  ],
)

export const categories = pgTable(
  'categories',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    kind: text('kind').notNull(),
    icon: text('icon').notNull(),
    position: integer('position').notNull().default(0),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [
    index('categories_parent_idx').on(t.parentId),
    check('categories_kind_check', oneOf('kind', ['food', 'cosmetic', 'craft'])),
  ],
)

/** The certification types a category requires before any of its products may be listed. */
export const categoryRequirements = pgTable(
  'category_requirements',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    certificationType: text('certification_type')
      .notNull()
      .references(() => certificationTypes.code),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.certificationType] })],
)

export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
})
