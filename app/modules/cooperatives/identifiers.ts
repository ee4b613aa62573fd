// Moroccan company and bank identifiers (DOMAIN.md). Pure functions, shared by forms and seed.

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

/** Strip spaces, dots and dashes people type inside long numbers. */
export function digitsOnly(value: string): string {
  return value.replace(/[\s.\-_]/g, '')
}
