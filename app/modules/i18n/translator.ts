import { type Messages } from './catalogue.ts'
import { type Language } from './config.ts'

// The browser translates with this instead of i18next: the messages use nothing but keys and
// `{{name}}` placeholders (ADR 005: no plurals, no nesting, no formatters), which is a lookup
// and a replace, and it spares every page i18next's 14 KB of gzipped JavaScript (ADR 021).
// The server renders with i18next; both read the same messages, so they write the same text.

type Values = Record<string, unknown> | undefined

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Like i18next with `escapeValue: false`: a missing value leaves its placeholder as it is. */
export function interpolate(message: string, values: Values): string {
  if (!values) return message
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    const value = values[name]
    if (value === undefined) return placeholder
    return value === null ? '' : String(value)
  })
}

/** `t`: the message for `key` with its placeholders filled, or the key when there is none. */
export function translate(messages: Messages, key: string, values?: Values): string {
  const message = lookup(messages, key)
  return message === undefined ? key : interpolate(message, values)
}

const noop = () => {}

/**
 * Just the part of an i18next instance that react-i18next's `useTranslation` reads, over
 * `messages` (which may grow as parts of the catalogue arrive). The language never changes
 * in the browser: switching it reloads the page.
 */
export function createTranslator(language: Language, messages: Messages) {
  const t = (key: string, values?: Values) => translate(messages, key, values)
  return {
    language,
    languages: [language],
    resolvedLanguage: language,
    isInitialized: true,
    options: { defaultNS: 'common', react: { bindI18n: '', bindI18nStore: '' } },
    hasLoadedNamespace: () => true,
    getFixedT: () => t,
    t,
    on: noop,
    off: noop,
    store: { on: noop, off: noop },
  }
}
