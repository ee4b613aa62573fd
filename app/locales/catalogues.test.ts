import { describe, expect, test } from 'vitest'
import ar from './ar/common.json'
import en from './en/common.json'
import fr from './fr/common.json'

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

describe('message catalogues', () => {
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
