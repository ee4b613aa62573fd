import fs from 'node:fs'

type Messages = { [key: string]: string | Messages }

const parts = ['storefront', 'account', 'info', 'backoffice', 'server']

/** The parts of a language's catalogue side by side: a section lives in one part, or is split by page. */
function load(language: 'ar' | 'fr' | 'en'): Messages {
  const whole: Messages = {}
  for (const part of parts) {
    const messages = JSON.parse(
      fs.readFileSync(`app/locales/${language}/${part}.json`, 'utf8'),
    ) as Messages
    for (const [section, value] of Object.entries(messages)) {
      const existing = whole[section]
      whole[section] =
        typeof existing === 'object' && typeof value === 'object'
          ? { ...existing, ...value }
          : value
    }
  }
  return whole
}

const catalogues = { ar: load('ar'), fr: load('fr'), en: load('en') }

/** A message as the page shows it, so tests follow the catalogue rather than copy it. */
export function msg(
  language: 'ar' | 'fr' | 'en',
  key: string,
  values: Record<string, string> = {},
): string {
  const found = key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      catalogues[language],
    )
  if (typeof found !== 'string') throw new Error(`No message ${key} in ${language}`)
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')
}
