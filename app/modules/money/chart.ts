// The geometry of the money screen's bar chart, computed once on the server and drawn as inline
// SVG: a linear scale with "nice" ticks (steps of 1, 2 or 5 × 10ⁿ dirhams), and one bar per
// month. Pure functions, no chart library (the page works without JavaScript).

/** Round steps of 1, 2 or 5 × 10ⁿ covering [min, max] with about `count` intervals. */
export function niceTicks(min: number, max: number, count = 4) {
  if (min === max) max = min + 1
  const rough = (max - min) / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  const start = Math.floor(min / step) * step
  const end = Math.ceil(max / step) * step
  const ticks: number[] = []
  for (let i = 0; start + i * step <= end + step / 2; i++) ticks.push(round(start + i * step))
  return { min: round(start), max: round(end), step, ticks }
}

/** The linear map from [d0, d1] onto [r0, r1]. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const span = d1 - d0 || 1
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0)
}

function round(value: number) {
  return Math.round(value * 1e6) / 1e6
}

export type ChartBar = {
  month: string
  netCentimes: number
  x: number
  y: number
  width: number
  height: number
  labelX: number
}

/**
 * Bars for the months in order, with the axis ticks (in dirhams). In right-to-left languages
 * the months flow from the right, as the text does.
 */
export function incomeChart(
  months: { month: string; netCentimes: number }[],
  options: { width: number; height: number; rtl: boolean; axis: number; bottom: number },
) {
  const values = months.map((m) => m.netCentimes / 100)
  const { min, max, ticks } = niceTicks(Math.min(0, ...values), Math.max(0, ...values))
  const top = 8
  const plotHeight = options.height - options.bottom - top
  const y = linearScale([min, max], [top + plotHeight, top])
  const plotStart = options.rtl ? 0 : options.axis
  const plotWidth = options.width - options.axis
  const band = plotWidth / Math.max(1, months.length)
  const gap = band * 0.2
  const zero = y(0)
  const bars: ChartBar[] = months.map((m, i) => {
    const slot = options.rtl ? months.length - 1 - i : i
    const x = plotStart + slot * band + gap / 2
    const top = y(Math.max(0, m.netCentimes / 100))
    const bottom = y(Math.min(0, m.netCentimes / 100))
    return {
      month: m.month,
      netCentimes: m.netCentimes,
      x: round(x),
      y: round(top),
      width: round(band - gap),
      height: round(Math.max(0, bottom - top)),
      labelX: round(x + (band - gap) / 2),
    }
  })
  return {
    bars,
    ticks: ticks.map((value) => ({ value, y: round(y(value)) })),
    zeroY: round(zero),
    plot: { x: plotStart, width: plotWidth, top, bottom: top + plotHeight },
    axisX: options.rtl ? options.width - options.axis + 4 : options.axis - 4,
  }
}
