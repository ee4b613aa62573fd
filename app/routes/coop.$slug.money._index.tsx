import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { IncomeChart, type IncomeChartView } from '#app/components/money/income-chart.tsx'
import {
  OrderLines,
  PayoutList,
  type OrderLineView,
  type PayoutView,
} from '#app/components/money/money-lines.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { formatDate, formatMoney, formatMonth, formatNumber } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { balanceLines, balancesOf, incomeByMonth } from '#app/modules/money/balances.server.ts'
import { incomeChart } from '#app/modules/money/chart.ts'
import { payoutsOf } from '#app/modules/money/payouts.server.ts'
import { currentMonth } from '#app/modules/money/statement-selection.server.ts'
import { db } from '#app/utils/db.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

const chartSize = { width: 360, height: 240, axis: 44, bottom: 40 }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const now = serverNow()
  const cooperativeId = scope.cooperative.id
  const money = (centimes: number) => formatMoney(centimes, language)
  const balances = await balancesOf(db, cooperativeId, now)
  const figures = {
    pending: money(balances.pendingCentimes),
    available: money(balances.availableCentimes),
    paidOut: money(balances.paidOutCentimes),
    inTransit: balances.inTransitCentimes ? money(balances.inTransitCentimes) : null,
  }
  const page = {
    noIndex: true,
    title: t('moneyScreen.metaTitle', { name: scope.cooperative.displayName }),
    slug: scope.cooperative.slug,
    figures,
  }
  // Members see the three balances only (ADR 016): the lines name the orders and the income.
  if (scope.role !== 'manager') return { ...page, details: null }

  const [lines, months, payouts] = await Promise.all([
    balanceLines(db, cooperativeId, now),
    incomeByMonth(db, cooperativeId, now),
    payoutsOf(cooperativeId),
  ])
  const toLine = (line: (typeof lines)[number]): OrderLineView => ({
    cooperativeOrderId: line.cooperativeOrderId,
    number: line.number,
    amount: money(line.amountCentimes),
    deliveredOn: line.deliveredAt ? formatDate(line.deliveredAt, language) : null,
    waiting:
      line.waitingFor === 'hold' && line.availableOn
        ? t('moneyScreen.waiting.hold', { date: formatDate(line.availableOn, language) })
        : line.waitingFor
          ? t(`moneyScreen.waiting.${line.waitingFor}`)
          : null,
  })
  const rtl = language === 'ar'
  const geometry = incomeChart(months, { ...chartSize, rtl })
  const best = months.reduce((a, b) => (b.netCentimes > a.netCentimes ? b : a), months[0]!)
  const chart: IncomeChartView = {
    ...geometry,
    ...chartSize,
    rtl,
    bars: geometry.bars.map((bar) => ({
      ...bar,
      label: formatMonth(bar.month, language, 'short'),
      longLabel: formatMonth(bar.month, language, 'long'),
      amount: money(bar.netCentimes),
    })),
    ticks: geometry.ticks.map((tick) => ({ y: tick.y, label: formatNumber(tick.value, language) })),
    first: formatMonth(months[0]!.month, language),
    last: formatMonth(months[months.length - 1]!.month, language),
    best: `${formatMonth(best.month, language)} (${money(best.netCentimes)})`,
  }
  return {
    ...page,
    details: {
      pending: lines.filter((l) => !l.releasable).map(toLine),
      available: lines.filter((l) => l.releasable).map(toLine),
      payouts: payouts.map((p): PayoutView => ({
        id: p.id,
        reference: p.reference,
        amount: money(p.amountCentimes),
        status: p.status as PayoutView['status'],
        madeOn: formatDate(p.createdAt, language),
        bankReference: p.bankReference,
        failureReason: p.failureReason,
      })),
      chart,
      period: currentMonth(now),
    },
  }
}

function Figure({ label, hint, amount }: { label: string; hint: string; amount: string }) {
  return (
    <div className="card flex flex-col gap-1">
      <dt className="text-lg font-semibold text-ink-soft">{label}</dt>
      <dd className="text-3xl font-semibold break-words text-ink">{amount}</dd>
      <dd className="text-sm text-ink-soft">{hint}</dd>
    </div>
  )
}

export default function CooperativeMoney() {
  const { slug, figures, details } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('moneyScreen.title')}</h1>
      <section aria-label={t('moneyScreen.balancesLabel')} className="flex flex-col gap-2">
        <dl className="grid gap-3 sm:grid-cols-3">
          <Figure
            label={t('moneyScreen.pending')}
            hint={t('moneyScreen.pendingHint')}
            amount={figures.pending}
          />
          <Figure
            label={t('moneyScreen.available')}
            hint={t('moneyScreen.availableHint')}
            amount={figures.available}
          />
          <Figure
            label={t('moneyScreen.paidOut')}
            hint={t('moneyScreen.paidOutHint')}
            amount={figures.paidOut}
          />
        </dl>
        {figures.inTransit ? (
          <p className="text-ink-soft">
            {t('moneyScreen.inTransit', { amount: figures.inTransit })}
          </p>
        ) : null}
      </section>
      {details ? (
        <>
          <IncomeChart chart={details.chart} />
          <OrderLines
            slug={slug}
            title={t('moneyScreen.pendingTitle')}
            empty={t('moneyScreen.pendingEmpty')}
            lines={details.pending}
          />
          <OrderLines
            slug={slug}
            title={t('moneyScreen.availableTitle')}
            empty={t('moneyScreen.availableEmpty')}
            lines={details.available}
          />
          <PayoutList slug={slug} payouts={details.payouts} />
          <section aria-labelledby="statements-heading" className="card flex flex-col gap-3">
            <h2 id="statements-heading" className="text-xl font-semibold">
              {t('moneyScreen.statementsTitle')}
            </h2>
            <p className="text-ink-soft">{t('moneyScreen.statementsHint')}</p>
            <Form
              method="get"
              action={`/coop/${slug}/money/statement`}
              className="flex flex-wrap items-end gap-3"
              reloadDocument
            >
              <label className="flex flex-col gap-1 font-semibold">
                {t('moneyScreen.from')}
                <input
                  type="date"
                  name="from"
                  required
                  defaultValue={details.period.from}
                  className="field-input"
                />
              </label>
              <label className="flex flex-col gap-1 font-semibold">
                {t('moneyScreen.to')}
                <input
                  type="date"
                  name="to"
                  required
                  defaultValue={details.period.to}
                  className="field-input"
                />
              </label>
              <button type="submit" className="btn-primary">
                {t('moneyScreen.showStatement')}
              </button>
              <button
                type="submit"
                formAction={`/coop/${slug}/money/statement.csv`}
                className="btn-secondary"
              >
                {t('moneyScreen.downloadCsv')}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <p className="card">{t('moneyScreen.membersNote')}</p>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
