import { shippingRates } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { type AssociationScope } from '#app/modules/auth/guards.server.ts'
import { loadShippingRates } from './checkout.server.ts'
import { type ShippingRate } from './shipping.ts'

/** Replace the delivery fees (admins). Audited with the old and new table. */
export async function updateShippingRates(input: {
  actor: AssociationScope
  rates: ShippingRate[]
  requestId?: string
}) {
  await db.transaction(async (tx) => {
    const before = await loadShippingRates(tx)
    for (const rate of input.rates) {
      await tx
        .insert(shippingRates)
        .values(rate)
        .onConflictDoUpdate({
          target: shippingRates.zone,
          set: {
            feeCentimes: rate.feeCentimes,
            heavyFromGrams: rate.heavyFromGrams,
            surchargePerKgCentimes: rate.surchargePerKgCentimes,
            updatedAt: new Date(),
          },
        })
    }
    await recordAudit(tx, {
      actorUserId: input.actor.user.id,
      actorRole: input.actor.role,
      action: 'shipping_rates.updated',
      targetType: 'shipping_rates',
      targetId: 'all',
      before,
      after: input.rates,
      requestId: input.requestId,
    })
  })
}
