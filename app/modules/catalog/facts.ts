// Product facts in the reader's language. The free-text facts (ingredients, material, care
// notes) may be written in Arabic, French and English; they are stored in the jsonb `facts`
// as an object { ar?, fr?, en? }. Older facts are a plain string: the product's own words,
// shown to every reader. The other facts (lot, dimensions, days…) are one value for all.
import { type Language, supportedLanguages } from '#app/modules/i18n/config.ts'
import { type FactText, type ProductFacts } from '#db/schema/catalog.ts'
import { formatCalendarDay } from '#app/modules/i18n/format.ts'

export const localizedFactKeys = ['ingredients', 'material', 'careNotes'] as const
export type LocalizedFactKey = (typeof localizedFactKeys)[number]

/** The form field of a localized fact in one language: Arabic keeps the fact's own name. */
export function factField(key: LocalizedFactKey, language: Language) {
  return language === 'ar' ? key : `${key}${language === 'fr' ? 'Fr' : 'En'}`
}

/**
 * A fact's text for a reader, with the language it is written in (null when unknown: an old
 * plain string). The same fallback as product titles: the reader's language, then Arabic;
 * then whichever language it was written in, rather than nothing.
 */
export function factText(
  value: FactText | undefined,
  language: Language,
): { text: string; lang: Language | null } | null {
  if (typeof value === 'string') return value.trim() ? { text: value, lang: null } : null
  if (!value || typeof value !== 'object') return null
  for (const lang of [language, 'ar', ...supportedLanguages] as const) {
    const text = value[lang]
    if (typeof text === 'string' && text.trim()) return { text, lang }
  }
  return null
}

export type FactView = { key: string; text: string; lang: Language | null }

/** The order facts are shown in (jsonb keeps its keys in an order of its own). */
const factOrder: (keyof ProductFacts)[] = [
  'netQuantity',
  'volume',
  'ingredients',
  'dimensions',
  'material',
  'careNotes',
  'lot',
  'bestBefore',
  'registrationNumber',
]

/** The facts to show on the product page, each in the reader's language (lead time apart). */
export function factsFor(facts: ProductFacts, language: Language): FactView[] {
  const views: FactView[] = []
  for (const key of factOrder) {
    const value = facts[key]
    if (value === null || value === undefined) continue
    // A best-before day is shown in the reader's language, not as typed (2027-09-27).
    const shown =
      typeof value === 'number'
        ? { text: String(value), lang: null }
        : key === 'bestBefore' && typeof value === 'string'
          ? { text: formatCalendarDay(value, language), lang: language }
          : factText(value, language)
    if (shown) views.push({ key, ...shown })
  }
  return views
}

/** The edit form's values for the facts: a localized fact fills one field per language. */
export function factFormValues(facts: ProductFacts): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(facts)) {
    if (value === null || value === undefined) continue
    if ((localizedFactKeys as readonly string[]).includes(key) && typeof value === 'object') {
      for (const lang of supportedLanguages) {
        const text = value[lang]
        if (text) values[factField(key as LocalizedFactKey, lang)] = text
      }
    } else {
      // A plain string (also an old localized fact): the product's own words, in the first field.
      values[key] = String(value)
    }
  }
  return values
}

/** One localized fact from the form's three fields; null when all are blank. */
export function factFromForm(texts: Partial<Record<Language, string | null>>): FactText | null {
  const fact: Partial<Record<Language, string>> = {}
  for (const lang of supportedLanguages) {
    const text = texts[lang]?.trim()
    if (text) fact[lang] = text
  }
  return Object.keys(fact).length ? fact : null
}
