import { parseCentimes } from '#app/utils/numbers.ts'

/**
 * Money typed by people ("120", "120.5", "120,50", "1 200", «٨٥٫٥٠ درهم») to integer
 * centimes, without floating point. Null when it is not an amount (app/utils/numbers.ts).
 */
export function parseMoney(input: string): number | null {
  return parseCentimes(input)
}

/** Centimes back to what a person types ("120.50", "120"). */
export function moneyInput(centimes: number): string {
  const whole = Math.floor(centimes / 100)
  const cents = centimes % 100
  return cents ? `${whole}.${String(cents).padStart(2, '0')}` : String(whole)
}
