// The world the authorisation matrix runs in: two cooperatives (A and B) with their teams,
// the association's staff, and one of each kind of resource of A (and what B needs).
import crypto from 'node:crypto'
import { certificateFiles } from '#db/schema/certification.ts'
import { cooperativeDocuments, invitations } from '#db/schema/cooperatives.ts'
import {
  addMembership,
  createCertificate,
  createCooperativeWithTeam,
  createMaker,
  createProduct,
  createUser,
  makeRib,
} from '#db/seed/factories.ts'
import { payoutBatches, payouts } from '#db/schema/money.ts'
import { cooperativeOrders } from '#db/schema/orders.ts'
import { addToCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import { storeDocument } from '#app/modules/media/documents.server.ts'
import { checkout } from '#app/modules/orders/testing.server.ts'
import { db } from '#app/utils/db.server.ts'
import { loginAs } from '#tests/helpers.ts'
import { pdfFile } from '#tests/files.ts'
import { type Identity } from './authorization-matrix.table.ts'

async function pdfBytes() {
  return Buffer.from(await pdfFile().arrayBuffer())
}

export async function buildWorld() {
  const a = await createCooperativeWithTeam(db)
  const b = await createCooperativeWithTeam(db)
  const customer = await createUser(db)
  const reviewer = await createUser(db, { roles: ['reviewer'] })
  const reviewerMemberB = await createUser(db, { roles: ['reviewer'] })
  await addMembership(db, {
    cooperativeId: b.cooperative.id,
    userId: reviewerMemberB.id,
    role: 'member',
  })
  const finance = await createUser(db, { roles: ['finance'] })
  const admin = await createUser(db, { roles: ['admin'] })

  // In force, so that A's honey is on sale and the certificate is public.
  const approvedCertificateA = await createCertificate(db, {
    cooperativeId: a.cooperative.id,
    type: 'onssa',
  })
  const productA = await createProduct(db, { cooperativeId: a.cooperative.id })
  const makerA = await createMaker(db, { cooperativeId: a.cooperative.id })
  const certificateA = await createCertificate(db, {
    cooperativeId: a.cooperative.id,
    type: 'onssa',
    status: 'pending_review',
  })
  const certificateB = await createCertificate(db, {
    cooperativeId: b.cooperative.id,
    type: 'onssa',
    status: 'pending_review',
  })
  const evidence = await storeDocument(await pdfBytes())
  const [certificateFileA] = await db
    .insert(certificateFiles)
    .values({
      certificateId: certificateA.id,
      storageKey: evidence.key,
      contentType: evidence.contentType,
      size: evidence.size,
    })
    .returning({ id: certificateFiles.id })
  const statutes = await storeDocument(await pdfBytes())
  const [documentA] = await db
    .insert(cooperativeDocuments)
    .values({
      cooperativeId: a.cooperative.id,
      kind: 'statutes',
      storageKey: statutes.key,
      contentType: statutes.contentType,
      size: statutes.size,
    })
    .returning({ id: cooperativeDocuments.id })
  // An order of the customer's with a parcel from A and one from B.
  await createCertificate(db, { cooperativeId: b.cooperative.id, type: 'onssa' })
  const productB = await createProduct(db, { cooperativeId: b.cooperative.id })
  let cart: CartOwner = { userId: customer.id, guestCartId: null }
  for (const product of [productA, productB])
    await addToCart({ owner: cart, variantId: product.variants[0]!.id, quantity: 1 })
  cart = { userId: customer.id, guestCartId: null }
  const placed = await checkout(cart)
  const parts = await db
    .select({ id: cooperativeOrders.id, cooperativeId: cooperativeOrders.cooperativeId })
    .from(cooperativeOrders)
  const orderPartA = parts.find((p) => p.cooperativeId === a.cooperative.id)!
  const orderPartB = parts.find((p) => p.cooperativeId === b.cooperative.id)!
  const invitationToken = crypto.randomBytes(24).toString('base64url')
  await db.insert(invitations).values({
    cooperativeId: a.cooperative.id,
    email: 'someone-invited@example.com',
    role: 'member',
    tokenHash: crypto.createHash('sha256').update(invitationToken).digest('hex'),
    expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  })

  // A payout batch paying A (rows only: the probes never move money).
  const [payoutBatch] = await db
    .insert(payoutBatches)
    .values({
      number: 'TWB-2026-9001',
      idempotencyKey: 'matrix-batch',
      createdBy: finance.id,
      totalCentimes: 25000,
    })
    .returning({ id: payoutBatches.id })
  await db.insert(payouts).values({
    batchId: payoutBatch!.id,
    cooperativeId: a.cooperative.id,
    reference: 'TWP-2026-900001',
    amountCentimes: 25000,
    rib: makeRib(9001),
    accountHolder: 'Coopérative A',
  })

  const users: Record<Exclude<Identity, 'guest'>, { id: string }> = {
    customer,
    memberA: a.member,
    managerA: a.manager,
    managerB: b.manager,
    reviewer,
    reviewerMemberB,
    finance,
    admin,
  }
  return {
    coopA: a.cooperative,
    coopB: b.cooperative,
    productA,
    makerA,
    certificateA,
    approvedCertificateA,
    certificateB,
    certificateFileA: certificateFileA!,
    documentA: documentA!,
    invitationToken,
    order: { number: placed.number, token: placed.token },
    orderPartA,
    orderPartB,
    payoutBatch: payoutBatch!,
    users,
  }
}

export type World = Awaited<ReturnType<typeof buildWorld>>

const staffIdentities = new Set<Identity>(['reviewer', 'reviewerMemberB', 'finance', 'admin'])

/**
 * A session for a member of the association's staff. The one place to change when staff
 * sessions need more than a log-in (a verified second factor, for instance).
 */
export async function staffSession(user: { id: string }) {
  return loginAs(user)
}

/** The cookie of this identity's session (none for a guest). */
export async function sessionOf(world: World, who: Identity): Promise<string | undefined> {
  if (who === 'guest') return undefined
  const user = world.users[who]
  return staffIdentities.has(who) ? staffSession(user) : loginAs(user)
}
