// Shipping fees: one per cooperative order, from the zone between the cooperative and the
// address and the parcel's weight. Pure, so that checkout, the summary and tests agree.
import { type ShippingZone } from '#db/schema/orders.ts'

export type ShippingRate = {
  zone: ShippingZone
  feeCentimes: number
  heavyFromGrams: number
  surchargePerKgCentimes: number
}

/** Same province as the cooperative: local; same region: regional; anywhere else: national. */
export function shippingZone(
  from: { provinceId: string; regionId: string },
  to: { provinceId: string; regionId: string },
): ShippingZone {
  if (from.provinceId === to.provinceId) return 'local'
  if (from.regionId === to.regionId) return 'region'
  return 'national'
}

/** The zone's fee, plus the surcharge for every started kilogram above the heavy threshold. */
export function shippingFee(rate: ShippingRate, weightGrams: number): number {
  const over = weightGrams - rate.heavyFromGrams
  const extraKg = over > 0 ? Math.ceil(over / 1000) : 0
  return rate.feeCentimes + extraKg * rate.surchargePerKgCentimes
}

/** The fees of DOMAIN.md: 20 MAD in town, 30–40 MAD elsewhere, a surcharge over 10 kg. */
export const defaultShippingRates: ShippingRate[] = [
  { zone: 'local', feeCentimes: 2000, heavyFromGrams: 10_000, surchargePerKgCentimes: 500 },
  { zone: 'region', feeCentimes: 3000, heavyFromGrams: 10_000, surchargePerKgCentimes: 500 },
  { zone: 'national', feeCentimes: 4000, heavyFromGrams: 10_000, surchargePerKgCentimes: 500 },
]
