import { type Language } from './config.ts'

const localeTags: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-MA' }
export const marketplaceTimeZone = 'Africa/Casablanca'

const moneyFormats = new Map<Language, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** Money is an integer number of centimes; shown in MAD with Western digits. */
export function formatMoney(centimes: number, language: Language): string {
  let format = moneyFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(localeTags[language], {
      style: 'currency',
      currency: 'MAD',
      numberingSystem: 'latn',
    })
    moneyFormats.set(language, format)
  }
  return format.format(centimes / 100)
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeTags[language], { numberingSystem: 'latn' }).format(value)
}

export function formatDate(
  date: Date | string,
  language: Language,
  style: 'date' | 'datetime' = 'date',
): string {
  const key = `${language}:${style}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(localeTags[language], {
      dateStyle: 'long',
      timeStyle: style === 'datetime' ? 'short' : undefined,
      timeZone: marketplaceTimeZone,
      numberingSystem: 'latn',
      calendar: 'gregory',
    })
    dateFormats.set(key, format)
  }
  return format.format(typeof date === 'string' ? new Date(date) : date)
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()

/** A calendar month ("2026-12") as its name in the reader's language: "Dec" or "December 2026". */
export function formatMonth(
  month: string,
  language: Language,
  style: 'short' | 'long' = 'long',
): string {
  const key = `${language}:${style}`
  let format = monthFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(localeTags[language], {
      month: style === 'short' ? 'short' : 'long',
      year: style === 'long' ? 'numeric' : undefined,
      // The month is a calendar label, not an instant: read it in UTC so no zone shifts it.
      timeZone: 'UTC',
      numberingSystem: 'latn',
      calendar: 'gregory',
    })
    monthFormats.set(key, format)
  }
  return format.format(new Date(`${month}-15T00:00:00Z`))
}
