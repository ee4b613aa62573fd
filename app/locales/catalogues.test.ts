import { describe, expect, test } from 'vitest'
import { catalogueParts } from '#app/modules/i18n/catalogue.ts'
import arAccount from './ar/account.json'
import arBackoffice from './ar/backoffice.json'
import arInfo from './ar/info.json'
import arServer from './ar/server.json'
import arStorefront from './ar/storefront.json'
import enAccount from './en/account.json'
import enBackoffice from './en/backoffice.json'
import enInfo from './en/info.json'
import enServer from './en/server.json'
import enStorefront from './en/storefront.json'
import frAccount from './fr/account.json'
import frBackoffice from './fr/backoffice.json'
import frInfo from './fr/info.json'
import frServer from './fr/server.json'
import frStorefront from './fr/storefront.json'

const catalogues = {
  ar: {
    storefront: arStorefront,
    account: arAccount, info: arInfo, backoffice: arBackoffice, server: arServer },
  fr: {
    storefront: frStorefront,
    account: frAccount, info: frInfo, backoffice: frBackoffice, server: frServer },
  en: {
    storefront: enStorefront,
    account: enAccount, info: enInfo, backoffice: enBackoffice, server: enServer },
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

function placeholders(text: string) {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
}

function valueAt(catalogue: unknown, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string
}

describe.each(catalogueParts)('message catalogues, part %s', (part) => {
  const en = catalogues.en[part]
  const ar = catalogues.ar[part]
  const fr = catalogues.fr[part]
  const english = keysOf(en).sort()

  test.each([
    ['ar', ar],
    ['fr', fr],
  ])('%s has exactly the keys of en', (_language, catalogue) => {
    expect(keysOf(catalogue).sort()).toEqual(english)
  })

  test.each([
    ['ar', ar],
    ['fr', fr],
  ])('%s uses the same placeholders as en in every message', (_language, catalogue) => {
    for (const key of english) {
      expect(placeholders(valueAt(catalogue, key)), key).toEqual(placeholders(valueAt(en, key)))
    }
  })

  test('no message is empty', () => {
    for (const catalogue of [ar, fr, en]) {
      for (const key of english) expect(valueAt(catalogue, key).trim(), key).not.toBe('')
    }
  })

  test('Arabic messages are written in Arabic', () => {
    const latinOnly = english.filter((key) => !/[\u0600-\u06FF]/.test(valueAt(ar, key)))
    // Only placeholders-only messages (like "{{province}}, {{region}}" formats) may lack Arabic letters.
    expect(latinOnly.filter((key) => valueAt(ar, key).replace(/\{\{\w+\}\}|[\s,:()—-]/g, '') !== '')).toEqual([])
  })
})

test('a message lives in one part only, so merging the parts loses none', () => {
  const seen = new Map<string, string>()
  for (const part of catalogueParts) {
    for (const key of keysOf(catalogues.en[part])) {
      expect(seen.get(key), `${key} is in ${seen.get(key)} and ${part}`).toBeUndefined()
      seen.set(key, part)
    }
  }
})
