import { describe, expect, test } from 'vitest'
import { incomeChart, linearScale, niceTicks } from './chart.ts'

describe('niceTicks', () => {
  test('covers the values with round steps', () => {
    expect(niceTicks(0, 1234)).toEqual({
      min: 0,
      max: 1500,
      step: 500,
      ticks: [0, 500, 1000, 1500],
    })
    expect(niceTicks(0, 95, 4).ticks).toEqual([0, 50, 100])
    expect(niceTicks(-120, 480).ticks).toEqual([-200, 0, 200, 400, 600])
  })

  test('an empty range still has an axis', () => {
    expect(niceTicks(0, 0).ticks.length).toBeGreaterThan(1)
  })
})

describe('linearScale', () => {
  test('maps the domain onto the range, inverted for the y axis', () => {
    const y = linearScale([0, 100], [200, 0])
    expect(y(0)).toBe(200)
    expect(y(50)).toBe(100)
    expect(y(100)).toBe(0)
  })
})

describe('incomeChart', () => {
  const months = [
    { month: '2026-10', netCentimes: 10_000 },
    { month: '2026-11', netCentimes: 0 },
    { month: '2026-12', netCentimes: -5_000 },
  ]
  const size = { width: 330, height: 200, axis: 30, bottom: 20 }

  test('the months flow from the start side: left in French, right in Arabic', () => {
    const ltr = incomeChart(months, { ...size, rtl: false })
    const rtl = incomeChart(months, { ...size, rtl: true })
    expect(ltr.bars[0]!.x).toBeLessThan(ltr.bars[2]!.x)
    expect(rtl.bars[0]!.x).toBeGreaterThan(rtl.bars[2]!.x)
  })

  test('bars rise from zero for income and hang below it for a month of refunds', () => {
    const chart = incomeChart(months, { ...size, rtl: false })
    const [income, empty, refunds] = chart.bars
    expect(income!.y + income!.height).toBeCloseTo(chart.zeroY)
    expect(empty!.height).toBe(0)
    expect(refunds!.y).toBeCloseTo(chart.zeroY)
    expect(refunds!.height).toBeGreaterThan(0)
    expect(income!.height).toBeCloseTo(refunds!.height * 2)
  })
})
