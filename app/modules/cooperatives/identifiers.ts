// Moroccan company and bank identifiers (DOMAIN.md). Pure functions, shared by forms and seed.
import { westernDigits } from '#app/utils/numbers.ts'

/** ICE: 15 digits whose whole number is ≡ 0 (mod 97). */
export function isValidIce(value: string): boolean {
  return /^\d{15}$/.test(value) && BigInt(value) % 97n === 0n
}

/** RIB: 24 digits (bank 3, city 3, account 16, key 2) whose whole number is ≡ 0 (mod 97). */
export function isValidRib(value: string): boolean {
  return /^\d{24}$/.test(value) && BigInt(value) % 97n === 0n
}

/** The RIB key for its first 22 digits: 97 − ((first22 × 100) mod 97). */
export function ribKey(first22: string): string {
  if (!/^\d{22}$/.test(first22)) throw new Error('A RIB key needs the first 22 digits')
  return String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0')
}

/** The ICE check digits for its first 13 digits. */
export function iceCheckDigits(first13: string): string {
  if (!/^\d{13}$/.test(first13)) throw new Error('ICE check digits need the first 13 digits')
  return String((97n - ((BigInt(first13) * 100n) % 97n)) % 97n).padStart(2, '0')
}

/** The Moroccan IBAN is always MA64 followed by the RIB. */
export function ibanFromRib(rib: string): string {
  if (!isValidRib(rib)) throw new Error('Not a valid RIB')
  return `MA64${rib}`
}

/** Group an IBAN in fours for reading. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim()
}

/** An IBAN with all but its last four characters hidden, grouped like `formatIban`. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s/g, '')
  return formatIban('•'.repeat(Math.max(0, compact.length - 4)) + compact.slice(-4))
}

/** Strip spaces, dots and dashes people type inside long numbers. */
export function digitsOnly(value: string): string {
  return westernDigits(value).replace(/[\s.\-_]/g, '')
}

/**
 * A Moroccan phone number in E.164 (+212 then 9 digits starting with 5 for landlines,
 * 6 or 7 for mobiles), from the ways people write it: 0612345678, 06 12 34 56 78,
 * +212 6 12 34 56 78, 00212612345678. Null when it is not one.
 */
export function normalizeMoroccanPhone(
  input: string,
  kind: 'any' | 'mobile' = 'any',
): string | null {
  const compact = input.replace(/[\s.\-()]/g, '')
  const match = /^(?:\+212|00212|212|0)([567]\d{8})$/.exec(compact)
  if (!match?.[1]) return null
  if (kind === 'mobile' && match[1].startsWith('5')) return null
  return `+212${match[1]}`
}

/** A URL-safe slug from a display name (accents dropped; other scripts fall back). */
export function slugify(text: string, fallback = 'cooperative'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '')
  return slug || fallback
}
