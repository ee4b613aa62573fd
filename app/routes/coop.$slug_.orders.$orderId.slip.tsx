import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { getCooperativeOrder } from '#app/modules/orders/queries.server.ts'
import { partView } from '#app/modules/orders/views.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

/** A packing slip and a delivery label on one page, made for printing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const found = await getCooperativeOrder({
    cooperativeId: scope.cooperative.id,
    cooperativeOrderId: params.orderId ?? '',
    actor: scope.role,
    language,
  })
  if (!found) throw new Response('Not found', { status: 404 })
  const { order, part } = found
  return {
    noIndex: true,
    title: t('slip.metaTitle', { number: order.number }),
    cooperative: scope.cooperative.displayName,
    order: {
      number: order.number,
      date: formatDate(order.createdAt, language),
      contactName: order.contactName,
      phone: order.phoneDisplay,
      lines: [
        order.addressLine,
        `${order.city} ${order.postcode ?? ''}`.trim(),
        order.province,
        order.region,
      ],
      cod: order.paymentMethod === 'cod',
    },
    part: partView(part, t, language),
  }
}

export default function PackingSlip() {
  const { cooperative, order, part } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-2xl flex-col gap-6 bg-white px-4 py-6">
      <div className="no-print">
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </div>
      <section
        className="flex flex-col gap-2 border-4 border-ink p-4"
        aria-labelledby="label-heading"
      >
        <h1 id="label-heading" className="text-lg font-semibold">
          {t('slip.label')} · {order.number}
        </h1>
        <p>
          <span className="font-semibold">{t('slip.from')}: </span>
          <bdi>{cooperative}</bdi>
        </p>
        <div>
          <p className="font-semibold">{t('slip.to')}:</p>
          <p className="text-2xl font-semibold">
            <bdi>{order.contactName}</bdi>
          </p>
          <p className="text-2xl font-semibold" dir="ltr">
            {order.phone}
          </p>
          {order.lines.map((line) => (
            <p key={line} className="text-lg" dir="auto">
              {line}
            </p>
          ))}
        </div>
        <p className="border-t-2 border-ink pt-2 text-2xl font-semibold">
          {order.cod ? `${t('slip.toCollect')}: ${part.total}` : t('slip.nothingToCollect')}
        </p>
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="slip-heading">
        <h2 id="slip-heading" className="text-lg font-semibold">
          {t('slip.title')} · {order.number} · {order.date}
        </h2>
        <table className="w-full border-collapse text-start">
          <caption className="sr-only">{t('orders.items')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 text-start">
                {t('orders.items')}
              </th>
              <th scope="col" className="py-1 text-start">
                {t('editProduct.sku')}
              </th>
              <th scope="col" className="py-1 text-end">
                ×
              </th>
            </tr>
          </thead>
          <tbody>
            {part.lines.map((line) => (
              <tr key={line.id} className="border-b border-sand-dark">
                <td className="py-1" dir="auto">
                  {line.title}
                  {line.variantLabel ? ` — ${line.variantLabel}` : ''}
                </td>
                <td className="py-1" dir="ltr">
                  {line.sku}
                </td>
                <td className="py-1 text-end text-lg font-semibold">{line.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
