import { describe, expect, test } from 'vitest'
import { formatDate, formatMoney } from './format.ts'

describe('formatMoney', () => {
  test('shows centimes as MAD with Western digits in every language', () => {
    expect(formatMoney(12550, 'fr')).toMatch(/125,50/)
    expect(formatMoney(12550, 'en')).toMatch(/125\.50/)
    const arabic = formatMoney(12550, 'ar')
    expect(arabic).toMatch(/125[.,]50/)
    expect(arabic).not.toMatch(/[٠-٩]/)
    for (const language of ['ar', 'fr', 'en'] as const) {
      expect(formatMoney(12550, language)).toMatch(/MAD|د\.م\.|DH/)
    }
  })

  test('never loses a centime on amounts that floats round badly', () => {
    expect(formatMoney(1005, 'en')).toMatch(/10\.05/)
    expect(formatMoney(123456789, 'en')).toMatch(/1,234,567\.89/)
  })
})

describe('formatDate', () => {
  test('shows dates in Casablanca time with Western digits', () => {
    // 23:30 UTC on 31 December is already 1 January in Casablanca (UTC+1).
    const date = new Date('2025-12-31T23:30:00Z')
    expect(formatDate(date, 'en')).toMatch(/January 1, 2026|1 January 2026/)
    expect(formatDate(date, 'fr')).toMatch(/1(er)? janvier 2026/)
    expect(formatDate(date, 'ar')).toMatch(/2026/)
    expect(formatDate(date, 'ar')).not.toMatch(/[٠-٩]/)
  })
})
