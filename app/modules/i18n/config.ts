export const supportedLanguages = ['ar', 'fr', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'ar'
export const namespaces = ['common'] as const

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value)
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr'
}

/** Pick the field for the reader's language, falling back to Arabic (always present). */
export function localized<T extends Record<string, unknown>>(
  record: T,
  base: string,
  language: Language,
): string {
  const suffix = language.charAt(0).toUpperCase() + language.slice(1)
  const value = record[`${base}${suffix}`]
  if (typeof value === 'string' && value.trim() !== '') return value
  const fallback = record[`${base}Ar`]
  return typeof fallback === 'string' ? fallback : ''
}
