import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { parseForm } from './forms.server.ts'
import {
  moneyField,
  normalizeNumberInput,
  parseCentimes,
  parseWholeNumber,
  wholeNumberField,
} from './numbers.ts'

const arabicIndic = (text: string) => text.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)
const easternArabicIndic = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)

describe('normalizeNumberInput', () => {
  test.each([
    ['٨٥', '85'],
    ['۸۵', '85'],
    ['٨٥٫٥٠', '85.50'],
    ['85,50', '85.50'],
    ['١٬٢٠٠', '1200'],
    ['1 200,5', '1200.5'],
    ['1.200,50', '1200.50'],
    ['1,200.50', '1200.50'],
    ['85 درهم', '85'],
    ['٨٥,٥٠ درهم', '85.50'],
    ['85 DH', '85'],
    ['85 dh', '85'],
    ['85dhs', '85'],
    ['85 MAD', '85'],
    ['MAD 85', '85'],
    ['85 د.م.', '85'],
    ['\u200f٨٥\u200f', '85'],
    ['007', '7'],
  ])('%s reads %s', (input, canonical) => {
    expect(normalizeNumberInput(input)).toBe(canonical)
  })

  test.each([
    '',
    ' ',
    'abc',
    '-5',
    '1e3',
    '12..5',
    '85.',
    '8 5',
    '1,2,3',
    'درهم',
    '85 euros',
    '٥-٣',
  ])('%j is not a number', (input) => {
    expect(normalizeNumberInput(input)).toBeNull()
  })
})

describe('parseCentimes', () => {
  test.each([
    ['٨٥,٥٠ درهم', 8550],
    ['85,50', 8550],
    ['0.05', 5],
    ['٠٫١', 10],
    ['1 200', 120000],
  ])('%s is %i centimes', (input, centimes) => {
    expect(parseCentimes(input)).toBe(centimes)
  })

  test.each(['12.345', '1,200', '99999999', '٨٥,٥٠٠'])('%s is not an amount', (input) => {
    expect(parseCentimes(input)).toBeNull()
  })

  test('every amount of centimes, written in Arabic-Indic digits, reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom('.', ',', '٫'),
        fc.constantFrom(arabicIndic, easternArabicIndic, (s: string) => s),
        fc.constantFrom('', ' درهم', ' DH', ' MAD', ' dh'),
        (centimes, mark, digits, unit) => {
          const whole = Math.floor(centimes / 100)
          const cents = String(centimes % 100).padStart(2, '0')
          expect(parseCentimes(digits(`${whole}${mark}${cents}`) + unit)).toBe(centimes)
        },
      ),
    )
  })
})

describe('parseWholeNumber', () => {
  test('every whole number, in any of the three digit sets and with thousands, reads back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom(arabicIndic, easternArabicIndic, (s: string) => s),
        fc.constantFrom('', ' ', '٬'),
        (n, digits, thousands) => {
          const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, thousands)
          expect(parseWholeNumber(digits(grouped))).toBe(n)
        },
      ),
    )
  })

  test('a decimal is not a whole number', () => {
    expect(parseWholeNumber('٢٫٥')).toBeNull()
    expect(parseWholeNumber('2,5')).toBeNull()
  })
})

describe('the form fields', () => {
  const t = ((key: string) => `ar:${key}`) as Parameters<typeof parseForm>[2]
  const schema = z.object({
    price: moneyField({ min: 1, error: 'errors.priceInvalid', required: 'errors.required' }),
    stock: wholeNumberField({ min: 0, max: 999_999, error: 'errors.stockInvalid' }),
  })
  const form = (entries: Record<string, string>) => {
    const data = new FormData()
    for (const [k, v] of Object.entries(entries)) data.set(k, v)
    return data
  }

  test('Arabic digits, decimal comma and the currency word parse', () => {
    const parsed = parseForm(form({ price: '٨٥,٥٠ درهم', stock: '١٢' }), schema, t)
    expect(parsed).toEqual({ ok: true, data: { price: 8550, stock: 12 } })
  })

  test('any garbage is an error, with its translated message and what was typed kept', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => normalizeNumberInput(s) === null),
        (garbage) => {
          const parsed = parseForm(form({ price: garbage, stock: garbage }), schema, t)
          expect(parsed.ok).toBe(false)
          if (parsed.ok) return
          expect(parsed.reply.fieldErrors.stock).toBe('ar:errors.stockInvalid')
          expect(parsed.reply.fieldErrors.price).toMatch(/^ar:errors\.(priceInvalid|required)$/)
          expect(parsed.reply.values).toEqual({ price: garbage, stock: garbage })
        },
      ),
    )
  })

  test('a zero price is refused with the price message', () => {
    const parsed = parseForm(form({ price: '٠', stock: '1' }), schema, t)
    expect(parsed.ok || parsed.reply.fieldErrors).toEqual({ price: 'ar:errors.priceInvalid' })
  })
})
