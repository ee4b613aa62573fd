import fs from 'node:fs'

type Messages = { [key: string]: string | Messages }

function load(language: 'ar' | 'fr' | 'en'): Messages {
  return JSON.parse(fs.readFileSync(`app/locales/${language}/common.json`, 'utf8')) as Messages
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
