import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StatementTables } from '#app/components/money/statement-tables.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { chooseStatement } from '#app/modules/money/statement-selection.server.ts'
import { statement } from '#app/modules/money/statements.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

/** A statement for printing: every line of a period or of one payout, and the totals per maker. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  const url = new URL(request.url)
  const query = {
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    payout: url.searchParams.get('payout'),
  }
  const choice = await chooseStatement(scope.cooperative.id, query, serverNow())
  const page = {
    noIndex: true,
    title: t('moneyScreen.statementMetaTitle', { name: scope.cooperative.displayName }),
    slug: scope.cooperative.slug,
    cooperative: scope.cooperative.displayName,
  }
  if (!choice.ok && choice.status === 404) throw new Response('Not found', { status: 404 })
  if (!choice.ok) {
    return data(
      { ...page, error: t(choice.error), period: choice.period, statement: null },
      { status: 400 },
    )
  }
  const found = await statement({
    cooperativeId: scope.cooperative.id,
    selection: choice.selection,
    language,
  })
  const money = (centimes: number) => formatMoney(centimes, language)
  const day = (text: string) => formatDate(new Date(`${text}T12:00:00Z`), language)
  return {
    ...page,
    error: null,
    period: choice.period,
    statement: {
      heading: choice.payout
        ? t('moneyScreen.payoutReference', { reference: choice.payout.reference })
        : t('moneyScreen.periodLabel', {
            from: day(choice.period!.from),
            to: day(choice.period!.to),
          }),
      payout: choice.payout
        ? {
            id: choice.payout.id,
            amount: money(choice.payout.amountCentimes),
            status: choice.payout.status,
            bankReference: choice.payout.bankReference,
          }
        : null,
      csvQuery: choice.payout
        ? `payout=${choice.payout.id}`
        : `from=${choice.period!.from}&to=${choice.period!.to}`,
      rows: found.rows.map((r) => ({
        key: `${r.cooperativeOrderId}|${r.orderItemId ?? ''}`,
        date: formatDate(r.date, language),
        cooperativeOrderId: r.cooperativeOrderId,
        orderNumber: r.orderNumber,
        product: r.product ?? t('moneyScreen.shipping'),
        makers: r.makers,
        gross: money(r.grossCentimes),
        commission: money(r.commissionCentimes),
        net: money(r.netCentimes),
        payouts: r.payouts.join(' '),
      })),
      totals: {
        gross: money(found.totals.grossCentimes),
        commission: money(found.totals.commissionCentimes),
        net: money(found.totals.netCentimes),
      },
      makers: found.makers.map((m) => ({
        key: m.makerId ?? 'cooperative',
        name: m.name ?? t('moneyScreen.cooperative'),
        net: money(m.netCentimes),
      })),
    },
  }
}

export default function Statement() {
  const { slug, cooperative, error, period, statement } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-4xl flex-col gap-6 bg-white px-4 py-6">
      <div className="no-print flex flex-wrap gap-3">
        <Link to={`/coop/${slug}/money`} className="btn-secondary">
          {t('moneyScreen.backToMoney')}
        </Link>
        {statement ? (
          <>
            <button type="button" className="btn-primary" onClick={() => window.print()}>
              {t('moneyScreen.print')}
            </button>
            <a
              href={`/coop/${slug}/money/statement.csv?${statement.csvQuery}`}
              className="btn-secondary"
              download
            >
              {t('moneyScreen.downloadCsv')}
            </a>
          </>
        ) : null}
      </div>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">
          {t('moneyScreen.statementTitle')} · <bdi>{cooperative}</bdi>
        </h1>
        {statement ? <p className="text-lg font-semibold">{statement.heading}</p> : null}
        {statement?.payout ? (
          // Each fact on a line of its own when the line is short, never cut inside a reference.
          <p className="flex flex-wrap gap-x-2">
            <span className="inline-block">
              {t('moneyScreen.payoutAmount', { amount: statement.payout.amount })}
            </span>
            <span className="inline-block">
              {t(`moneyScreen.payoutStatus.${statement.payout.status}`)}
            </span>
            {statement.payout.bankReference ? (
              <span className="inline-block whitespace-nowrap">
                {t('moneyScreen.bankReference', { reference: statement.payout.bankReference })}
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
      {error ? (
        <p role="alert" className="rounded-2xl bg-danger-light p-4 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      {period ? (
        <Form method="get" className="no-print flex flex-wrap items-end gap-3" reloadDocument>
          <label className="flex flex-col gap-1 font-semibold">
            {t('moneyScreen.from')}
            <input
              type="date"
              name="from"
              required
              defaultValue={period.from}
              className="field-input"
            />
          </label>
          <label className="flex flex-col gap-1 font-semibold">
            {t('moneyScreen.to')}
            <input
              type="date"
              name="to"
              required
              defaultValue={period.to}
              className="field-input"
            />
          </label>
          <button type="submit" className="btn-primary">
            {t('moneyScreen.showStatement')}
          </button>
        </Form>
      ) : null}
      {statement ? <StatementTables statement={statement} slug={slug} /> : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
