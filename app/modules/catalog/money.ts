/**
 * Money typed by people ("120", "120.5", "120,50", "1 200") to integer centimes, without
 * floating point. Null when it is not an amount.
 */
export function parseMoney(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(MAD|DH|د\.م\.)$/i, '')
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(compact)
  if (!match) return null
  const whole = Number(match[1])
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  return whole * 100 + cents
}

/** Centimes back to what a person types ("120.50", "120"). */
export function moneyInput(centimes: number): string {
  const whole = Math.floor(centimes / 100)
  const cents = centimes % 100
  return cents ? `${whole}.${String(cents).padStart(2, '0')}` : String(whole)
}
