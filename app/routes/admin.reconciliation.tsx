import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/forms.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { formatMoney, formatNumber } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { periodFromQuery } from '#app/modules/money/finance-forms.server.ts'
import { reconcile } from '#app/modules/money/reconciliation.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'finance')
  const { t, language } = await getTranslator(request)
  const found = periodFromQuery(new URL(request.url).searchParams, serverNow())
  const money = (centimes: number) => formatMoney(centimes, language)
  const page = { noIndex: true, title: t('finance.reconciliation.metaTitle') }
  if (!found.ok)
    return {
      ...page,
      from: found.from,
      to: found.to,
      error: t(found.error),
      report: null,
    }
  const report = await reconcile(found.period)
  return {
    ...page,
    from: found.from,
    to: found.to,
    error: null,
    report: {
      checked: (
        [
          ['checkedOrders', report.checked.orders],
          ['checkedCard', report.checked.cardPayments],
          ['checkedRefunds', report.checked.refunds],
          ['checkedCash', report.checked.cashParcels],
        ] as const
      ).map(([key, n]) => ({
        label: t(`finance.reconciliation.${key}`),
        n: formatNumber(n, language),
      })),
      differences: report.differences.map((d, i) => ({
        id: `${d.kind}:${d.reference}:${i}`,
        kind: t(`finance.reconciliation.kind.${d.kind}`),
        reference: d.reference,
        cooperative: d.cooperative,
        expected: money(d.expectedCentimes),
        ledger: money(d.ledgerCentimes),
        difference: money(d.ledgerCentimes - d.expectedCentimes),
      })),
      trialBalance: report.trialBalance.map((a) => ({
        account: a.account,
        label:
          a.account === 'coop_payable:*'
            ? t('finance.reconciliation.accounts.cooperatives')
            : t(`finance.reconciliation.accounts.${a.account}`, { defaultValue: a.account }),
        balance: money(a.balanceCentimes),
      })),
      sum: money(report.sumCentimes),
      balanced: report.sumCentimes === 0,
    },
  }
}

export default function Reconciliation() {
  const { from, to, error, report } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-6">
      <Link to="/admin" className="font-semibold">
        {t('admin.title')}
      </Link>
      <h1 className="text-3xl font-semibold">{t('finance.reconciliation.title')}</h1>
      <p>{t('finance.reconciliation.intro')}</p>
      <p>
        <Link to="/admin/remittances" className="font-semibold">
          {t('finance.remittancesLink')}
        </Link>
      </p>
      <Form method="get" className="card grid items-end gap-3 sm:grid-cols-3">
        <Field
          label={t('finance.reconciliation.from')}
          name="from"
          type="date"
          defaultValue={from}
        />
        <Field label={t('finance.reconciliation.to')} name="to" type="date" defaultValue={to} />
        <button type="submit" className="btn-primary">
          {t('finance.reconciliation.show')}
        </button>
      </Form>
      <FormError error={error ?? undefined} />
      {report ? (
        <>
          <section className="card flex flex-col gap-2">
            <h2 className="text-xl font-semibold">{t('finance.reconciliation.checked')}</h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {report.checked.map((c) => (
                <div key={c.label}>
                  <dt className="text-sm text-ink-soft">{c.label}</dt>
                  <dd className="text-2xl font-semibold">{c.n}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="flex flex-col gap-3">
            <h2 className="text-xl font-semibold">{t('finance.reconciliation.differences')}</h2>
            {report.differences.length === 0 ? (
              <p className="card">{t('finance.reconciliation.noDifferences')}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {report.differences.map((d) => (
                  <li key={d.id} className="card flex flex-col gap-1">
                    <p className="font-semibold text-danger">{d.kind}</p>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-ink-soft">{t('finance.reconciliation.order')}</dt>
                      <dd>
                        <bdi dir="ltr">{d.reference}</bdi>
                      </dd>
                      {d.cooperative ? (
                        <>
                          <dt className="text-ink-soft">
                            {t('finance.reconciliation.cooperative')}
                          </dt>
                          <dd>
                            <bdi>{d.cooperative}</bdi>
                          </dd>
                        </>
                      ) : null}
                      <dt className="text-ink-soft">{t('finance.reconciliation.expected')}</dt>
                      <dd>{d.expected}</dd>
                      <dt className="text-ink-soft">{t('finance.reconciliation.ledger')}</dt>
                      <dd>{d.ledger}</dd>
                      <dt className="text-ink-soft">{t('finance.reconciliation.difference')}</dt>
                      <dd className="font-semibold">{d.difference}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card flex flex-col gap-2">
            <h2 className="text-xl font-semibold">{t('finance.reconciliation.trialBalance')}</h2>
            <table className="w-full">
              <thead>
                <tr>
                  <th scope="col" className="p-1 text-start">
                    {t('finance.reconciliation.account')}
                  </th>
                  <th scope="col" className="p-1 text-end">
                    {t('finance.reconciliation.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.trialBalance.map((a) => (
                  <tr key={a.account} className="border-t border-sand-dark">
                    <td className="p-1">{a.label}</td>
                    <td className="whitespace-nowrap p-1 text-end">{a.balance}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-ink">
                  <th scope="row" className="p-1 text-start">
                    {t('finance.reconciliation.sum')}
                  </th>
                  <td className="whitespace-nowrap p-1 text-end font-semibold">{report.sum}</td>
                </tr>
              </tfoot>
            </table>
            <p className={report.balanced ? 'font-semibold' : 'font-semibold text-danger'}>
              {report.balanced
                ? t('finance.reconciliation.balanced')
                : t('finance.reconciliation.unbalanced')}
            </p>
          </section>
        </>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
