import { describe, expect, test } from 'vitest'
import { type Messages } from './catalogue.ts'
import { supportedLanguages } from './config.ts'
import { resources, translatorFor } from './i18n.server.ts'
import { createTranslator, translate } from './translator.ts'

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

describe('the browser translates as the server does', () => {
  // The page is rendered by i18next on the server and hydrated with this translator: any
  // difference in a message would be a hydration mismatch.
  test.each(supportedLanguages)('every message in %s', async (language) => {
    const messages = resources[language].common
    const serverT = await translatorFor(language)
    for (const key of keysOf(messages)) {
      const message = translate(messages, key)
      const values = Object.fromEntries(
        [...message.matchAll(/\{\{(\w+)\}\}/g)].map(([, name], i) => [name!, `«${name}${i}»`]),
      )
      expect(translate(messages, key, values), key).toBe(serverT(key, values))
    }
  })

  test('a number, a missing value and a missing key', async () => {
    const messages: Messages = { a: { count: 'Members: {{count}}', pair: '{{x}} and {{y}}' } }
    expect(translate(messages, 'a.count', { count: 12 })).toBe('Members: 12')
    expect(translate(messages, 'a.pair', { x: 'one' })).toBe('one and {{y}}')
    expect(translate(messages, 'a.nothing')).toBe('a.nothing')
    expect(translate(messages, 'a')).toBe('a')
    const serverT = await translatorFor('en')
    expect(serverT('checkout.noSuchKey')).toBe('checkout.noSuchKey')
    const english = resources.en.common
    const withPlaceholder = keysOf(english).find((key) => translate(english, key).includes('{{'))!
    expect(translate(english, withPlaceholder, {})).toBe(serverT(withPlaceholder, {}))
  })

  test('messages that arrive later are found', () => {
    const messages: Messages = { shop: { title: 'Shop' } }
    const translator = createTranslator('fr', messages)
    expect(translator.t('admin.title')).toBe('admin.title')
    messages.admin = { title: 'Administration' }
    expect(translator.getFixedT().call(null, 'admin.title')).toBe('Administration')
    expect(translator.language).toBe('fr')
  })
})
