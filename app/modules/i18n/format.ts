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

/**
 * The months as Moroccans write them in Arabic (يوليوز، غشت، شتنبر…), not the Middle-Eastern
 * (يوليو، أغسطس، سبتمبر…) nor the Levantine (تموز، آب، أيلول…) names. Every date the app
 * shows in Arabic goes through these, whatever locale data the runtime carries.
 */
export const moroccanMonths = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'ماي',
  'يونيو',
  'يوليوز',
  'غشت',
  'شتنبر',
  'أكتوبر',
  'نونبر',
  'دجنبر',
] as const

const monthNames = new Map<Language, Intl.DateTimeFormat>()

/** The name of a month (1–12) in the reader's language: «غشت», « août », "August". */
export function monthName(month: number, language: Language): string {
  if (language === 'ar') return moroccanMonths[month - 1] ?? ''
  let format = monthNames.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(localeTags[language], {
      month: 'long',
      timeZone: 'UTC',
      calendar: 'gregory',
    })
    monthNames.set(language, format)
  }
  return format.format(new Date(Date.UTC(2026, month - 1, 15)))
}

const monthNumbers = new Map<string, Intl.DateTimeFormat>()

/**
 * Formats with `format`, the month's name replaced by its Moroccan form in Arabic. `timeZone`
 * is the zone `format` reads the date in, so the month is the one it shows.
 */
function withMoroccanMonth(
  format: Intl.DateTimeFormat,
  date: Date,
  language: Language,
  timeZone: string,
): string {
  if (language !== 'ar') return format.format(date)
  let numeric = monthNumbers.get(timeZone)
  if (!numeric) {
    numeric = new Intl.DateTimeFormat('en-US', { month: 'numeric', timeZone, calendar: 'gregory' })
    monthNumbers.set(timeZone, numeric)
  }
  const month = Number(numeric.format(date))
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' ? moroccanMonths[month - 1] : part.value))
    .join('')
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
  const instant = typeof date === 'string' ? new Date(date) : date
  return withMoroccanMonth(format, instant, language, marketplaceTimeZone)
}

const dayFormats = new Map<Language, Intl.DateTimeFormat>()

/**
 * A calendar day written `YYYY-MM-DD` (a best-before date, say) in the reader's language:
 * «27 شتنبر 2027», « 27 septembre 2027 », "September 27, 2027". It is a label, not an
 * instant, so no time zone shifts it. Anything else (free text) comes back as it is.
 */
export function formatCalendarDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim())
  if (!match) return day
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const instant = new Date(Date.UTC(year, month - 1, date))
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== date) return day
  let format = dayFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(localeTags[language], {
      dateStyle: 'long',
      timeZone: 'UTC',
      numberingSystem: 'latn',
      calendar: 'gregory',
    })
    dayFormats.set(language, format)
  }
  return withMoroccanMonth(format, instant, language, 'UTC')
}

/**
 * Names or words listed in the reader's language (empty ones left out): separated by the Arabic comma «،» in
 * Arabic, by a comma in French and English.
 */
export function formatList(
  items: readonly (string | null | undefined)[],
  language: Language,
): string {
  return items.filter((item) => item).join(language === 'ar' ? '، ' : ', ')
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
  return withMoroccanMonth(format, new Date(`${month}-15T00:00:00Z`), language, 'UTC')
}
