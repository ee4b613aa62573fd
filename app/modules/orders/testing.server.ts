// Helpers shared by the order tests, the demo seed and the benchmark: a selling cooperative,
// a cart filled through the cart module, and a checkout through the checkout module.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { productVariants } from '#db/schema/catalog.ts'
import { createCertificate, createCooperativeWithTeam, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { addToCart, reviewCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import {
  loadShippingRates,
  placeOrder,
  resolveDestination,
  summarize,
  type CheckoutInput,
} from './checkout.server.ts'

/** A cooperative with a manager and a member, its ONSSA authorisation, and one honey product. */
export async function sellingCooperative(
  input: {
    provinceCode?: string
    stock?: number
    priceCentimes?: number
    madeToOrder?: boolean
  } = {},
) {
  const team = await createCooperativeWithTeam(db, {
    provinceCode: input.provinceCode ?? 'al-hoceima',
  })
  const certificate = await createCertificate(db, {
    cooperativeId: team.cooperative.id,
    type: 'onssa',
  })
  const product = await createProduct(db, {
    cooperativeId: team.cooperative.id,
    madeToOrder: input.madeToOrder,
    variants: [{ stockQuantity: input.stock ?? 10, priceCentimes: input.priceCentimes ?? 12000 }],
  })
  return { ...team, certificate, product, variantId: product.variants[0]!.id }
}

/** A new guest cart holding these lines. */
export async function guestCartWith(
  lines: { variantId: string; quantity: number }[],
): Promise<CartOwner> {
  let owner: CartOwner = { userId: null, guestCartId: null }
  for (const line of lines) {
    const change = await addToCart({ owner, ...line })
    owner = { userId: null, guestCartId: change.cartId }
  }
  return owner
}

export const testAddress = {
  contactName: 'Fatima Zahra',
  phone: '+212612345678',
  email: 'fatima@example.ma',
  regionCode: 'tanger-tetouan-al-hoceima',
  provinceCode: 'tanger-assilah',
  city: 'Tanger',
  addressLine: 'Rue 12, près de la mosquée',
  postcode: '90000',
}

/** The digest of the summary the customer would be shown for this cart and address. */
export async function digestFor(
  owner: CartOwner,
  address = testAddress,
  language: Language = 'fr',
) {
  const destination = await resolveDestination(address.regionCode, address.provinceCode)
  const summary = summarize(
    await reviewCart(owner, language),
    await loadShippingRates(),
    destination,
  )
  return summary.digest
}

/** Check out a cart as the checkout page would, with the summary it showed. */
export async function checkout(owner: CartOwner, overrides: Partial<CheckoutInput> = {}) {
  const digest = overrides.digest === undefined ? await digestFor(owner) : overrides.digest
  return placeOrder({
    owner,
    idempotencyKey: crypto.randomUUID(),
    locale: 'fr',
    paymentMethod: 'cod',
    ...testAddress,
    ...overrides,
    digest,
  })
}

/** The domain error a promise is refused with (a test failure if it is not refused so). */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

/** A variant's stock as the database holds it. */
export async function stockOf(variantId: string) {
  const [row] = await db
    .select({ stock: productVariants.stockQuantity })
    .from(productVariants)
    .where(eq(productVariants.id, variantId))
  return row?.stock
}
