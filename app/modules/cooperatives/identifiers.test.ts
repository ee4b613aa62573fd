import { describe, expect, test } from 'vitest'
import {
  digitsOnly,
  formatIban,
  ibanFromRib,
  iceCheckDigits,
  isValidIce,
  isValidRib,
  normalizeMoroccanPhone,
  ribKey,
  slugify,
} from './identifiers.ts'

const validIces = ['001561191000066', '002136093000040']
const validRibs = ['001810007800020110620318', '001810007800020110620221']

function singleDigitChanges(value: string): string[] {
  const out: string[] = []
  for (let i = 0; i < value.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === value[i]) continue
      out.push(value.slice(0, i) + d + value.slice(i + 1))
    }
  }
  return out
}

describe('ICE', () => {
  test.each(validIces)('accepts the published example %s', (ice) => {
    expect(isValidIce(ice)).toBe(true)
  })

  test.each(validIces)('refuses every single-digit change of %s', (ice) => {
    const changes = singleDigitChanges(ice)
    expect(changes).toHaveLength(15 * 9)
    for (const changed of changes) expect(isValidIce(changed), changed).toBe(false)
  })

  test('refuses wrong lengths and non-digits', () => {
    for (const bad of [
      '',
      '00156119100006',
      '0015611910000660',
      '00156119100006a',
      ' 001561191000066',
    ]) {
      expect(isValidIce(bad), bad).toBe(false)
    }
  })

  test('computes check digits that make a valid ICE', () => {
    expect(iceCheckDigits('0015611910000')).toBe('66')
    expect(iceCheckDigits('0021360930000')).toBe('40')
  })
})

describe('RIB', () => {
  test.each(validRibs)('accepts the published example %s', (rib) => {
    expect(isValidRib(rib)).toBe(true)
  })

  test.each(validRibs)('refuses every single-digit change of %s', (rib) => {
    const changes = singleDigitChanges(rib)
    expect(changes).toHaveLength(24 * 9)
    for (const changed of changes) expect(isValidRib(changed), changed).toBe(false)
  })

  test('refuses wrong lengths', () => {
    for (const bad of [
      '',
      '00181000780002011062031',
      '0018100078000201106203180',
      'MA64001810007800020110620318',
    ]) {
      expect(isValidRib(bad), bad).toBe(false)
    }
  })

  test('the key uses the ×100 formula (some public validators forget it)', () => {
    expect(ribKey('0018100078000201106203')).toBe('18')
    expect(ribKey('0018100078000201106202')).toBe('21')
  })

  test('derives the Moroccan IBAN as MA64 + RIB', () => {
    expect(ibanFromRib('001810007800020110620318')).toBe('MA64001810007800020110620318')
    expect(formatIban('MA64001810007800020110620318')).toBe('MA64 0018 1000 7800 0201 1062 0318')
    expect(() => ibanFromRib('001810007800020110620319')).toThrow()
  })

  test('accepts numbers typed with spaces or dashes once cleaned', () => {
    expect(isValidRib(digitsOnly('001 810 0078000201106203 18'))).toBe(true)
    expect(digitsOnly('0015-6119.1000 066')).toBe('001561191000066')
  })
})

describe('Moroccan phone numbers', () => {
  test.each([
    ['0612345678', '+212612345678'],
    ['06 12 34 56 78', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212712345678', '+212712345678'],
    ['212539981234', '+212539981234'],
    ['05-39-98-12-34', '+212539981234'],
  ])('%s is %s', (input, e164) => {
    expect(normalizeMoroccanPhone(input)).toBe(e164)
  })

  test.each([
    '061234567',
    '06123456789',
    '0812345678',
    '+33612345678',
    'abc',
    '',
    '+2120612345678',
  ])('%s is refused', (input) => {
    expect(normalizeMoroccanPhone(input)).toBeNull()
  })

  test('a courier needs a mobile: landlines are refused where a mobile is required', () => {
    expect(normalizeMoroccanPhone('0539981234', 'mobile')).toBeNull()
    expect(normalizeMoroccanPhone('0639981234', 'mobile')).toBe('+212639981234')
  })
})

describe('slugify', () => {
  test('keeps ascii words and drops accents', () => {
    expect(slugify('Tazemmourt de Tafersit')).toBe('tazemmourt-de-tafersit')
    expect(slugify('Coopérative Raïhana')).toBe('cooperative-raihana')
    expect(slugify('تعاونية')).toBe('cooperative')
  })
})
