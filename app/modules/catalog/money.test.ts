import { describe, expect, test } from 'vitest'
import { moneyInput, parseMoney } from './money.ts'

describe('parseMoney', () => {
  test.each([
    ['120', 12000],
    ['120.5', 12050],
    ['120,50', 12050],
    ['1 200', 120000],
    ['0.05', 5],
    ['35 MAD', 3500],
  ])('%s is %i centimes', (input, centimes) => {
    expect(parseMoney(input)).toBe(centimes)
  })

  test.each(['', '-5', '12.345', 'abc', '1e3', '12..5', '99999999'])(
    '%s is not an amount',
    (input) => {
      expect(parseMoney(input)).toBeNull()
    },
  )

  test('round-trips through the form value', () => {
    for (const centimes of [1, 50, 100, 12050, 999999])
      expect(parseMoney(moneyInput(centimes))).toBe(centimes)
  })
})
