import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export type StatementView = {
  rows: {
    key: string
    date: string
    cooperativeOrderId: string
    orderNumber: string
    product: string
    makers: string[]
    gross: string
    commission: string
    net: string
    payouts: string
  }[]
  totals: { gross: string; commission: string; net: string }
  makers: { key: string; name: string; net: string }[]
}

const cell = 'border-b border-sand-dark px-2 py-1 align-top'
const amountCell = `${cell} text-end whitespace-nowrap`

/** A statement's lines and its totals per maker, as tables that print on A4. */
export function StatementTables({ statement, slug }: { statement: StatementView; slug: string }) {
  const { t } = useTranslation()
  if (!statement.rows.length) return <p className="card">{t('moneyScreen.noLines')}</p>
  const columns = ['date', 'order', 'product', 'makers', 'gross', 'commission', 'net', 'payout']
  return (
    <>
      <section aria-labelledby="makers-heading" className="flex flex-col gap-2">
        <h2 id="makers-heading" className="text-xl font-semibold">
          {t('moneyScreen.makersTitle')}
        </h2>
        <p className="text-ink-soft">{t('moneyScreen.makersHint')}</p>
        <table className="w-full border-collapse">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="px-2 py-1 text-start">
                {t('moneyScreen.maker')}
              </th>
              <th scope="col" className="px-2 py-1 text-end">
                {t('moneyScreen.columns.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {statement.makers.map((m) => (
              <tr key={m.key}>
                <th scope="row" className={`${cell} text-start font-normal`}>
                  <bdi>{m.name}</bdi>
                </th>
                <td className={`${amountCell} font-semibold`}>{m.net}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-ink">
              <th scope="row" className="px-2 py-1 text-start">
                {t('moneyScreen.total')}
              </th>
              <td className="px-2 py-1 text-end font-semibold whitespace-nowrap">
                {statement.totals.net}
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
      <section aria-labelledby="lines-heading" className="flex flex-col gap-2">
        <h2 id="lines-heading" className="text-xl font-semibold">
          {t('moneyScreen.linesTitle')}
        </h2>
        {/* On a phone each line is a block of its own; the table is for wider screens and paper. */}
        <ul className="flex flex-col sm:hidden print:hidden">
          {statement.rows.map((r) => (
            <li key={r.key} className="flex flex-col gap-1 border-b border-sand-dark py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  to={`/coop/${slug}/orders/${r.cooperativeOrderId}`}
                  className="font-semibold"
                  dir="ltr"
                >
                  {r.orderNumber}
                </Link>
                <span className="text-sm text-ink-soft">{r.date}</span>
              </div>
              <p>
                <bdi>{r.product}</bdi>
              </p>
              {r.makers.length ? (
                <p className="text-sm text-ink-soft">
                  {t('moneyScreen.columns.makers')}: <Makers names={r.makers} />
                </p>
              ) : null}
              <dl className="grid grid-cols-3 gap-2 text-sm">
                {(['gross', 'commission', 'net'] as const).map((c) => (
                  <div key={c}>
                    <dt className="text-ink-soft">{t(`moneyScreen.columns.${c}`)}</dt>
                    <dd className={c === 'net' ? 'font-semibold' : undefined}>{r[c]}</dd>
                  </div>
                ))}
              </dl>
              {r.payouts ? (
                <p className="text-sm text-ink-soft">
                  {t('moneyScreen.columns.payout')}: <bdi dir="ltr">{r.payouts}</bdi>
                </p>
              ) : null}
            </li>
          ))}
          <li className="pt-3">
            <dl className="grid grid-cols-3 gap-2 font-semibold">
              {(['gross', 'commission', 'net'] as const).map((c) => (
                <div key={c}>
                  <dt>
                    {t('moneyScreen.total')} · {t(`moneyScreen.columns.${c}`)}
                  </dt>
                  <dd>{statement.totals[c]}</dd>
                </div>
              ))}
            </dl>
          </li>
        </ul>
        <div className="hidden overflow-x-auto sm:block print:block print:overflow-visible">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b-2 border-ink">
                {columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className={`px-2 py-1 ${['gross', 'commission', 'net'].includes(c) ? 'text-end' : 'text-start'}`}
                  >
                    {t(`moneyScreen.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {statement.rows.map((r) => (
                <tr key={r.key}>
                  <td className={`${cell} whitespace-nowrap`}>{r.date}</td>
                  <td className={`${cell} whitespace-nowrap`} dir="ltr">
                    <Link to={`/coop/${slug}/orders/${r.cooperativeOrderId}`}>{r.orderNumber}</Link>
                  </td>
                  <td className={cell}>
                    <bdi>{r.product}</bdi>
                  </td>
                  <td className={cell}>
                    <Makers names={r.makers} />
                  </td>
                  <td className={amountCell}>{r.gross}</td>
                  <td className={amountCell}>{r.commission}</td>
                  <td className={`${amountCell} font-semibold`}>{r.net}</td>
                  <td className={`${cell} whitespace-nowrap`} dir="ltr">
                    {r.payouts}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-ink font-semibold">
                <th scope="row" colSpan={4} className="px-2 py-1 text-start">
                  {t('moneyScreen.total')}
                </th>
                <td className="px-2 py-1 text-end whitespace-nowrap">{statement.totals.gross}</td>
                <td className="px-2 py-1 text-end whitespace-nowrap">
                  {statement.totals.commission}
                </td>
                <td className="px-2 py-1 text-end whitespace-nowrap">{statement.totals.net}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </>
  )
}

/** Each name isolated, so that names in Arabic and in Latin letters keep their order. */
function Makers({ names }: { names: string[] }) {
  return names.map((name, i) => (
    <span key={`${i}-${name}`}>
      {i ? ' + ' : null}
      <bdi>{name}</bdi>
    </span>
  ))
}
