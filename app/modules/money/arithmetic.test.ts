// The rounding rules, on random amounts: splits hand out exactly their total, and a line's
// commission and the cooperative's net always add up to its gross, through any refunds.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  allocate,
  commissionOf,
  dirhams,
  divideHalfUp,
  platformShareOfRefund,
} from './arithmetic.ts'

describe('money arithmetic', () => {
  test('commission is rounded half up per line', () => {
    expect(commissionOf(12345, 1000)).toBe(1235) // 1234.5 → 1235
    expect(commissionOf(12344, 1000)).toBe(1234) // 1234.4 → 1234
    expect(commissionOf(5, 1000)).toBe(1) // 0.5 → 1
    expect(commissionOf(4, 1000)).toBe(0)
    expect(commissionOf(99_999, 0)).toBe(0)
    expect(commissionOf(99_999, 10_000)).toBe(99_999)
    expect(divideHalfUp(7, 2)).toBe(4)
  })

  test('allocate hands out exactly the amount, in proportion, never above a weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = weights.reduce((s, w) => s + w, 0)
          const amount = Math.floor(total * fraction)
          const parts = allocate(amount, weights)
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total === 0 ? 0 : amount)
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0)
            expect(p).toBeLessThanOrEqual(weights[i]!)
            // Within one centime of the exact proportion.
            if (total > 0) expect(Math.abs(p - (amount * weights[i]!) / total)).toBeLessThan(1)
          })
        },
      ),
    )
  })

  test('through any sequence of partial refunds, commission + net = gross, none negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        fc.boolean(),
        (line, bps, fractions, refundTheRest) => {
          let gross = line
          let platform = commissionOf(line, bps)
          expect(platform).toBeLessThanOrEqual(gross)
          const steps = [...fractions.map((f) => Math.floor(gross * f))]
          if (refundTheRest) steps.push(Number.POSITIVE_INFINITY)
          for (const step of steps) {
            const refund = Math.min(step, gross)
            const share = platformShareOfRefund(refund, gross, platform)
            expect(share).toBeGreaterThanOrEqual(0)
            expect(share).toBeLessThanOrEqual(refund)
            gross -= refund
            platform -= share
            const net = gross - platform
            expect(platform).toBeGreaterThanOrEqual(0)
            expect(net).toBeGreaterThanOrEqual(0)
            expect(platform + net).toBe(gross)
          }
          if (refundTheRest) expect([gross, platform]).toEqual([0, 0])
        },
      ),
    )
  })

  test('dirhams are written with two decimals and a dot', () => {
    expect(dirhams(123450)).toBe('1234.50')
    expect(dirhams(5)).toBe('0.05')
    expect(dirhams(-1999)).toBe('-19.99')
    expect(dirhams(0)).toBe('0.00')
  })
})
