import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, oneOf, timestamptz, updatedAt } from './columns.ts'
import { products } from './catalog.ts'
import { cooperatives } from './cooperatives.ts'
import { users } from './identity.ts'
import { certificationTypes } from './reference.ts'

export const certificateStatuses = [
  'pending_review',
  'approved',
  'rejected',
  'suspended',
  'revoked',
] as const
export type CertificateStatus = (typeof certificateStatuses)[number]

export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    type: text('type')
      .notNull()
      .references(() => certificationTypes.code),
    issuingBody: text('issuing_body').notNull(),
    number: text('number').notNull(),
    /** The sign's name, for origin and quality signs (e.g. "IGP Huile d'olive de Tafersite"). */
    signName: text('sign_name'),
    /** `cooperative`: covers every product; `products`: only those in certificate_products. */
    scope: text('scope').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    /** Null for authorisations without expiry (ONSSA); "expired" is derived, never stored. */
    expiresAt: timestamptz('expires_at'),
    status: text('status').notNull().default('pending_review'),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    decisionNote: text('decision_note'),
    decidedAt: timestamptz('decided_at'),
    /** When the association first approved it (shown on the verification page). */
    approvedAt: timestamptz('approved_at'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('certificates_cooperative_type_idx').on(t.cooperativeId, t.type, t.status),
    index('certificates_status_idx').on(t.status, t.createdAt),
    index('certificates_expires_idx').on(t.expiresAt),
    index('certificates_issued_idx').on(t.issuedAt),
    check('certificates_status_check', oneOf('status', certificateStatuses)),
    check('certificates_scope_check', oneOf('scope', ['cooperative', 'products'])),
    check('certificates_dates_check', sql`expires_at is null or expires_at > issued_at`),
  ],
)

export const certificateProducts = pgTable(
  'certificate_products',
  {
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.certificateId, t.productId] }),
    index('certificate_products_product_idx').on(t.productId),
  ],
)

/** Evidence files, in the private storage area. */
export const certificateFiles = pgTable(
  'certificate_files',
  {
    id: id(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('certificate_files_certificate_idx').on(t.certificateId)],
)

/** The history of a certificate: every transition, who made it, when, and why. */
export const certificateEvents = pgTable(
  'certificate_events',
  {
    id: id(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('certificate_events_certificate_idx').on(t.certificateId, t.createdAt)],
)

/** Expiry reminders already sent (60, 30, 7 days before), so each goes out once. */
export const certificateReminders = pgTable(
  'certificate_reminders',
  {
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    /** The expiry the reminder was about: a corrected expiry date gets its own reminders. */
    expiresAt: timestamptz('expires_at').notNull(),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.daysBefore, t.expiresAt] })],
)
