import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { westernDigits } from '#app/utils/numbers.ts'

// One reading of Arabic-Indic digits for the whole app (app/utils/numbers.ts).
export { westernDigits }

/**
 * A phone the courier can call, in E.164 (+212612345678), or null. Moroccan numbers may be
 * typed the national way (06 12 34 56 78); others need their country code. Moroccan numbers
 * must be mobiles (06/07): the courier calls or texts on the way.
 */
export function normalizeMobilePhone(input: string): string | null {
  const cleaned = westernDigits(input).trim()
  if (cleaned.length < 6 || cleaned.length > 30) return null
  const phone = parsePhoneNumberFromString(cleaned.replace(/^00/, '+'), 'MA')
  if (!phone?.isValid()) return null
  const type = phone.getType()
  if (phone.country === 'MA' && type !== 'MOBILE') return null
  if (type && !['MOBILE', 'FIXED_LINE_OR_MOBILE', 'FIXED_LINE'].includes(type)) return null
  return phone.number
}

/** A number for display: national form for Morocco, international otherwise. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164)
  if (!phone) return e164
  return phone.country === 'MA' ? phone.formatNational() : phone.formatInternational()
}
