// Without Stripe's keys, cash on delivery is the only method and a card order is refused.
import { describe, expect, test } from 'vitest'
import { isDomainError } from '#app/utils/errors.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { checkout, guestCartWith, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { availablePaymentMethods, paymentProvider } from './methods.server.ts'

describe('payment methods without Stripe keys', () => {
  test('offers cash on delivery only, and refuses a card order', async () => {
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
    resetEnvCache()
    expect(availablePaymentMethods()).toEqual(['cod'])
    expect(paymentProvider('card')).toBeNull()
    const coop = await sellingCooperative({ stock: 3 })
    const owner = await guestCartWith([{ variantId: coop.variantId, quantity: 1 }])
    const refused = await checkout(owner, { paymentMethod: 'card' }).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.messageKey).toBe('checkout.errors.paymentMethod')
    const placed = await checkout(owner)
    expect(placed.redirectTo).toBeNull()
  })

  test('refuses a secret key without its webhook secret at start', () => {
    process.env.STRIPE_SECRET_KEY = 'sk_test_only'
    resetEnvCache()
    try {
      expect(() => availablePaymentMethods()).toThrow(/STRIPE_WEBHOOK_SECRET/)
    } finally {
      delete process.env.STRIPE_SECRET_KEY
      resetEnvCache()
    }
  })
})
