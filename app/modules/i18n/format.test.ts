import { describe, expect, test } from 'vitest'
import {
  formatCalendarDay,
  formatDate,
  formatList,
  formatMoney,
  formatMonth,
  monthName,
  moroccanMonths,
} from './format.ts'

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

describe('Moroccan months', () => {
  const expected = 'يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر'
  test('every Arabic month is written the Moroccan way', () => {
    expect(moroccanMonths.join(' ')).toBe(expected)
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'ar')).join(' ')).toBe(expected)
    expect(monthName(8, 'fr')).toBe('août')
    expect(monthName(8, 'en')).toBe('August')
  })

  test('dates, days and months in Arabic use them, never the Middle-Eastern names', () => {
    const middleEastern = /يوليو(?!ز)|أغسطس|سبتمبر|نوفمبر|ديسمبر|مايو/
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0')
      const day = formatCalendarDay(`2027-${mm}-14`, 'ar')
      const instant = formatDate(new Date(`2027-${mm}-14T12:00:00Z`), 'ar', 'datetime')
      const calendarMonth = formatMonth(`2027-${mm}`, 'ar')
      for (const text of [day, instant, calendarMonth]) {
        expect(text).toContain(moroccanMonths[month - 1])
        expect(text).not.toMatch(middleEastern)
        expect(text).toContain('2027')
        expect(text).not.toMatch(/[٠-٩]/)
      }
    }
    expect(formatMonth('2026-12', 'ar', 'short')).toBe('دجنبر')
  })
})

describe('formatCalendarDay', () => {
  test("writes a best-before day in the reader's language, without shifting it", () => {
    expect(formatCalendarDay('2027-09-27', 'ar')).toBe('27 شتنبر 2027')
    expect(formatCalendarDay('2027-09-27', 'fr')).toBe('27 septembre 2027')
    expect(formatCalendarDay('2027-09-27', 'en')).toBe('September 27, 2027')
    // The first and last days stay themselves in every language.
    expect(formatCalendarDay('2027-01-01', 'fr')).toMatch(/^1(er)? janvier 2027$/)
    expect(formatCalendarDay('2027-12-31', 'ar')).toBe('31 دجنبر 2027')
  })

  test('leaves free text and impossible days as they were typed', () => {
    expect(formatCalendarDay('fin 2027', 'fr')).toBe('fin 2027')
    expect(formatCalendarDay('2027-02-30', 'en')).toBe('2027-02-30')
    expect(formatCalendarDay('27/09/2027', 'ar')).toBe('27/09/2027')
  })
})

describe('formatList', () => {
  test('separates with the Arabic comma in Arabic and a comma elsewhere', () => {
    expect(formatList(['عسل', 'أملو', 'كسكس'], 'ar')).toBe('عسل، أملو، كسكس')
    expect(formatList(['miel', 'amlou', 'couscous'], 'fr')).toBe('miel, amlou, couscous')
    expect(formatList(['honey', 'amlou'], 'en')).toBe('honey, amlou')
    expect(formatList(['عسل'], 'ar')).toBe('عسل')
    expect(formatList(['', 'Chefchaouen', ''], 'fr')).toBe('Chefchaouen')
  })
})
