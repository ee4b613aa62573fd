// The payment layer: checkout asks this registry which methods can be offered and hands the
// placed order to the chosen provider. Cash on delivery is always there; a card provider
// (Stripe, later a Moroccan gateway) registers itself here when it is configured, without
// checkout changing.
import { payments } from '#db/schema/orders.ts'
import { type CooperativeOrderStatus, type PaymentMethod } from '#db/schema/orders.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { stripeCheckout } from './stripe-checkout.server.ts'

export type PlacedOrder = {
  id: string
  number: string
  totalCentimes: number
  locale: string
  email: string | null
  /** The guest tracking token, for the pages a payment provider sends the customer back to. */
  accessToken: string
  cooperativeOrders: { id: string; totalCentimes: number }[]
}

export type PaymentProvider = {
  method: PaymentMethod
  /** Whether it can be offered now (a card provider needs its keys). */
  isAvailable(): boolean
  /** The state a new cooperative order starts in. */
  initialStatus: CooperativeOrderStatus
  /** Rows written with the order, in its transaction. */
  recordPlacement(tx: Queryable, order: PlacedOrder): Promise<void>
  /** After the order is committed: where to send the customer, or null for the confirmation. */
  afterPlacement(order: PlacedOrder): Promise<{ redirectTo: string } | null>
}

const cashOnDelivery: PaymentProvider = {
  method: 'cod',
  isAvailable: () => true,
  initialStatus: 'awaiting_confirmation',
  // Each parcel is paid at its own door: one expected payment per cooperative order,
  // succeeded when the courier collects the cash.
  async recordPlacement(tx, order) {
    await tx.insert(payments).values(
      order.cooperativeOrders.map((co) => ({
        orderId: order.id,
        cooperativeOrderId: co.id,
        provider: 'cod',
        amountCentimes: co.totalCentimes,
      })),
    )
  },
  afterPlacement: async () => null,
}

const providers = new Map<PaymentMethod, PaymentProvider>([
  ['cod', cashOnDelivery],
  // Offered only when its keys are set (isAvailable).
  ['card', stripeCheckout],
])

/** Add (or replace) a provider, e.g. a Moroccan card gateway instead of Stripe. */
export function registerPaymentProvider(provider: PaymentProvider) {
  providers.set(provider.method, provider)
}

/** The methods checkout offers, cash on delivery first. */
export function availablePaymentMethods(): PaymentMethod[] {
  return [...providers.values()].filter((p) => p.isAvailable()).map((p) => p.method)
}

/** The provider for a method the customer chose, or null when it is not offered. */
export function paymentProvider(method: string): PaymentProvider | null {
  const provider = providers.get(method as PaymentMethod)
  return provider?.isAvailable() ? provider : null
}
