// The money rules, as pure integer arithmetic on centimes (ADR 016). No floating point: every
// division is done on integers, rounded half up, and every split hands out exactly its total.

/** A/B rounded half up, for non-negative integers (B > 0). */
export function divideHalfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b))
}

/** The commission on one line: its gross × basis points / 10,000, rounded half up. */
export function commissionOf(lineCentimes: number, bps: number): number {
  return divideHalfUp(lineCentimes * bps, 10_000)
}

/**
 * Split `amount` in proportion to `weights` (largest remainder, earlier parts first on a tie):
 * the parts sum to `amount` exactly and none exceeds its weight when amount ≤ Σ weights.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0)
  if (amount === 0 || total === 0) return weights.map(() => 0)
  const floors = weights.map((w) => Math.floor((amount * w) / total))
  let left = amount - floors.reduce((s, f) => s + f, 0)
  const order = weights
    .map((w, i) => ({ i, remainder: (amount * w) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  for (const { i } of order) {
    if (left === 0) break
    floors[i]! += 1
    left -= 1
  }
  return floors
}

/**
 * The platform's part of a refund of `refund` from a component (a line, or the shipping fee)
 * that still holds `grossLeft`, of which `platformLeft` is the platform's (the commission not
 * yet reversed): in proportion, rounded half up; the whole of it when the component is
 * refunded in full. Kept between bounds so that what is left of the platform's part never
 * exceeds what is left of the gross.
 */
export function platformShareOfRefund(
  refund: number,
  grossLeft: number,
  platformLeft: number,
): number {
  if (refund >= grossLeft) return platformLeft
  const proportional = Math.min(platformLeft, divideHalfUp(platformLeft * refund, grossLeft))
  return Math.max(proportional, refund - (grossLeft - platformLeft))
}

/** Dirhams with two decimals and a dot, as banks read them ("1234.50"); never a float. */
export function dirhams(centimes: number): string {
  const sign = centimes < 0 ? '-' : ''
  const abs = Math.abs(centimes)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
