import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { createdAt, id, oneOf, timestamptz, updatedAt } from './columns.ts'
import { users } from './identity.ts'
import { provinces, regions } from './reference.ts'

export const cooperativeStatuses = ['applied', 'active', 'suspended', 'rejected'] as const
export type CooperativeStatus = (typeof cooperativeStatuses)[number]
export const cooperativeCategories = ['agricultural', 'craft', 'mixed'] as const
export const membershipRoles = ['manager', 'member'] as const
export type MembershipRole = (typeof membershipRoles)[number]

/** A stored image: its content-hashed variants, dimensions and a tiny placeholder. */
export type StoredImage = {
  key: string
  width: number
  height: number
  placeholder: string
  variants: { width: number; format: 'webp' | 'avif'; key: string }[]
}

/** The fields that say who the cooperative is in law: changed only after review. */
export type LegalIdentity = {
  legalNameAr: string
  legalNameFr: string
  registerNumber: string
  registerCourt: string
  ice: string
}

export const cooperatives = pgTable(
  'cooperatives',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    legalNameAr: text('legal_name_ar').notNull(),
    legalNameFr: text('legal_name_fr').notNull(),
    displayName: text('display_name').notNull(),
    category: text('category').notNull(),
    womenOnly: boolean('women_only').notNull().default(true),
    memberCount: integer('member_count').notNull(),
    womenMemberCount: integer('women_member_count').notNull(),
    foundedYear: integer('founded_year').notNull(),
    registerNumber: text('register_number').notNull(),
    registerCourt: text('register_court').notNull(),
    ice: text('ice').notNull(),
    taxId: text('tax_id').notNull(),
    vatStatus: text('vat_status').notNull().default('exempt'),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => provinces.id),
    commune: text('commune').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** Call and WhatsApp buttons on the public pages: only when the cooperative chose them. */
    showContactButtons: boolean('show_contact_buttons').notNull().default(false),
    storyAr: text('story_ar').notNull(),
    storyFr: text('story_fr'),
    storyEn: text('story_en'),
    logo: jsonb('logo').$type<StoredImage>(),
    /** The RIB in force for payouts. */
    rib: text('rib'),
    accountHolder: text('account_holder'),
    /** A RIB change waiting for a reviewer; not used until approved. */
    pendingRib: text('pending_rib'),
    pendingAccountHolder: text('pending_account_holder'),
    pendingRibRequestedAt: timestamptz('pending_rib_requested_at'),
    /** A change of legal identity (names, ICE, register) waiting for a reviewer, as for RIBs. */
    pendingLegal: jsonb('pending_legal').$type<LegalIdentity>(),
    pendingLegalRequestedAt: timestamptz('pending_legal_requested_at'),
    commissionBps: integer('commission_bps').notNull(),
    status: text('status').notNull().default('applied'),
    decisionNote: text('decision_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    appliedAt: timestamptz('applied_at').notNull().defaultNow(),
    decidedAt: timestamptz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cooperatives_status_idx').on(t.status, t.appliedAt),
    // One cooperative per ICE (a rejected application may be followed by a new one).
    uniqueIndex('cooperatives_ice_unique')
      .on(t.ice)
      .where(sql`status <> 'rejected'`),
    index('cooperatives_region_idx').on(t.regionId),
    // The home page's cooperatives, the largest first: read in order, stopping at a few.
    index('cooperatives_featured_idx')
      .on(t.womenMemberCount.desc(), t.displayName)
      .where(sql`status = 'active'`),
    check('cooperatives_status_check', oneOf('status', cooperativeStatuses)),
    check('cooperatives_category_check', oneOf('category', cooperativeCategories)),
    check('cooperatives_vat_check', oneOf('vat_status', ['exempt', 'liable'])),
    check(
      'cooperatives_women_check',
      sql`women_member_count <= member_count and women_member_count >= 0`,
    ),
    check('cooperatives_ice_check', sql`ice ~ '^[0-9]{15}$'`),
    check('cooperatives_rib_check', sql`rib is null or rib ~ '^[0-9]{24}$'`),
    check(
      'cooperatives_pending_rib_check',
      sql`pending_rib is null or pending_rib ~ '^[0-9]{24}$'`,
    ),
    check('cooperatives_commission_check', sql`commission_bps between 0 and 10000`),
  ],
)

export const memberships = pgTable(
  'memberships',
  {
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cooperativeId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', oneOf('role', membershipRoles)),
  ],
)

export const makers = pgTable(
  'makers',
  {
    id: id(),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    bioAr: text('bio_ar'),
    bioFr: text('bio_fr'),
    bioEn: text('bio_en'),
    photo: jsonb('photo').$type<StoredImage>(),
    /** When the maker agreed to her name and photo being shown publicly; null = not shown. */
    consentAt: timestamptz('consent_at'),
    archivedAt: timestamptz('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('makers_cooperative_idx').on(t.cooperativeId)],
)

export const documentKinds = ['statutes', 'register_extract', 'bank_attestation'] as const
export type DocumentKind = (typeof documentKinds)[number]

/** Legal papers of a cooperative, kept in the private storage area. */
export const cooperativeDocuments = pgTable(
  'cooperative_documents',
  {
    id: id(),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    /** A newer upload of the same kind replaces this one. */
    replacedAt: timestamptz('replaced_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('cooperative_documents_cooperative_idx').on(t.cooperativeId, t.kind),
    check('cooperative_documents_kind_check', oneOf('kind', documentKinds)),
  ],
)

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    /** SHA-256 of the token in the invitation link. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_cooperative_idx').on(t.cooperativeId),
    check('invitations_role_check', oneOf('role', membershipRoles)),
  ],
)
