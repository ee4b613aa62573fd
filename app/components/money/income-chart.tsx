import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { type ChartBar } from '#app/modules/money/chart.ts'

export type IncomeChartView = {
  width: number
  height: number
  bars: (ChartBar & { label: string; amount: string; longLabel: string })[]
  ticks: { y: number; label: string }[]
  zeroY: number
  plot: { x: number; width: number; top: number; bottom: number }
  axisX: number
  rtl: boolean
  first: string
  last: string
  best: string
}

/**
 * Net income per month as a bar chart drawn on the server (inline SVG, no script), with its
 * title and description for screen readers and a hidden table of the same figures.
 */
export function IncomeChart({ chart }: { chart: IncomeChartView }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <figure className="card flex flex-col gap-2">
      <figcaption className="text-xl font-semibold">{t('moneyScreen.chartTitle')}</figcaption>
      <p className="text-sm text-ink-soft">{t('moneyScreen.chartUnit')}</p>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{t('moneyScreen.chartTitle')}</title>
        <desc id={`${id}-desc`}>
          {t('moneyScreen.chartDesc', { first: chart.first, last: chart.last, best: chart.best })}
        </desc>
        {chart.ticks.map((tick) => (
          <g key={tick.y}>
            <line
              x1={chart.plot.x}
              x2={chart.plot.x + chart.plot.width}
              y1={tick.y}
              y2={tick.y}
              className="stroke-sand-dark"
              strokeWidth={1}
            />
            <text
              x={chart.axisX}
              y={tick.y}
              dominantBaseline="middle"
              textAnchor={chart.rtl ? 'start' : 'end'}
              className="fill-ink-soft"
              fontSize={11}
              direction="ltr"
            >
              {tick.label}
            </text>
          </g>
        ))}
        {chart.bars.map((bar, i) => (
          <g key={bar.month}>
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              rx={3}
              className={bar.netCentimes < 0 ? 'fill-terracotta' : 'fill-blue'}
            >
              <title>{`${bar.longLabel}: ${bar.amount}`}</title>
            </rect>
            {/* Twelve month names do not fit on one line of a phone: every other one a line lower. */}
            <line
              x1={bar.labelX}
              x2={bar.labelX}
              y1={chart.plot.bottom}
              y2={chart.plot.bottom + (i % 2 ? 20 : 4)}
              className="stroke-ink-soft"
              strokeWidth={1}
            />
            <text
              x={bar.labelX}
              y={chart.plot.bottom + (i % 2 ? 32 : 16)}
              textAnchor="middle"
              className="fill-ink"
              fontSize={11}
            >
              {bar.label}
            </text>
          </g>
        ))}
        <line
          x1={chart.plot.x}
          x2={chart.plot.x + chart.plot.width}
          y1={chart.zeroY}
          y2={chart.zeroY}
          className="stroke-ink"
          strokeWidth={1.5}
        />
      </svg>
      <table className="sr-only">
        <caption>{t('moneyScreen.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('moneyScreen.month')}</th>
            <th scope="col">{t('moneyScreen.netIncome')}</th>
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((bar) => (
            <tr key={bar.month}>
              <th scope="row">{bar.longLabel}</th>
              <td>{bar.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
