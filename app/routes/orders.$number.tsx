import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CheckCircle2, Clock } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OrderHistory, OrderLines, OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { getOptionalUser } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatList, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { getOrderForCustomer } from '#app/modules/orders/queries.server.ts'
import { partView } from '#app/modules/orders/views.server.ts'
import { cardPaymentStatus } from '#app/modules/payments/refunds.server.ts'
import { domainErrorReply, parseForm, badRequest, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

// The buyer's account messages: in the browser before this route renders.
await loadMessages('account')

export const meta: MetaFunction<typeof loader> = pageMeta

// A customer's order: never cached, never indexed, never shared through a referrer.
export const headers = () => ({
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
})

function tokenOf(request: Request) {
  const token = new URL(request.url).searchParams.get('token')
  return token && token.length <= 100 ? token : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  const found = await getOrderForCustomer({
    number: params.number ?? '',
    token: tokenOf(request),
    userId: user?.id ?? null,
    language,
  })
  if (!found) {
    return data(
      { found: false as const, noIndex: true, title: t('orders.notFoundTitle') },
      { status: 404 },
    )
  }
  const { order, parts } = found
  return {
    found: true as const,
    noIndex: true,
    title: t('orders.metaTitle', { number: order.number }),
    placed: new URL(request.url).searchParams.get('placed') === '1',
    token: tokenOf(request),
    order: {
      number: order.number,
      placedOn: formatDate(order.createdAt, language, 'datetime'),
      contactName: order.contactName,
      phone: order.phoneDisplay,
      address: formatList(
        [order.addressLine, order.city, order.postcode, order.province, order.region],
        language,
      ),
      paymentMethod: order.paymentMethod,
      cardPaid: ['succeeded', 'partially_refunded', 'refunded'].includes(
        (await cardPaymentStatus(order.id)) ?? '',
      ),
      total: formatMoney(order.totalCentimes, language),
    },
    parts: parts.map((p) => partView(p, t, language)),
  }
}

const cancelSchema = z.object({
  intent: z.literal('cancel'),
  cooperativeOrderId: z.string().max(64),
  reason: z.string().max(500).default(''),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  const token = String(formData.get('token') ?? '') || tokenOf(request)
  const found = await getOrderForCustomer({
    number: params.number ?? '',
    token,
    userId: user?.id ?? null,
    language,
  })
  if (!found) throw new Response('Not found', { status: 404 })
  const parsed = parseForm(formData, cancelSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    await moveCooperativeOrder({
      actor: { kind: 'customer', userId: user?.id ?? null, orderId: found.order.id },
      cooperativeOrderId: parsed.data.cooperativeOrderId,
      action: 'cancel',
      details: { reason: parsed.data.reason },
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const search = token ? `?${new URLSearchParams({ token })}` : ''
  return redirect(`/orders/${found.order.number}${search}`, {
    headers: { 'Set-Cookie': await toastCookie('orders.moved.cancel') },
  })
}

export default function OrderPage() {
  const loaded = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  if (!loaded.found) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-3xl font-semibold">{t('orders.notFoundTitle')}</h1>
        <p className="mt-2 text-lg">{t('orders.notFoundBody')}</p>
      </main>
    )
  }
  const { order, parts } = loaded
  const awaitingPayment =
    order.paymentMethod === 'card' && parts.some((p) => p.status === 'pending_payment')
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
      {loaded.placed && awaitingPayment ? (
        // Back from the payment page: only Stripe's webhook says it was paid, not this visit.
        <div role="status" className="card flex flex-col gap-2 bg-sand">
          <p className="flex items-center gap-2 text-xl font-semibold">
            <Clock aria-hidden size={28} />
            {t('payments.confirmingTitle')}
          </p>
          <p>{t('payments.confirmingBody')}</p>
          {loaded.token ? <p className="text-sm">{t('orders.keepLink')}</p> : null}
        </div>
      ) : loaded.placed ? (
        <div role="status" className="card flex flex-col gap-2 bg-olive-light">
          <p className="flex items-center gap-2 text-xl font-semibold text-olive">
            <CheckCircle2 aria-hidden size={28} />
            {t('orders.thanks')}
          </p>
          {order.paymentMethod === 'cod' ? <p>{t('orders.thanksCod')}</p> : null}
          {loaded.token ? <p className="text-sm">{t('orders.keepLink')}</p> : null}
        </div>
      ) : null}
      <div>
        <h1 className="text-3xl font-semibold">{t('orders.number', { number: order.number })}</h1>
        <p className="text-ink-soft">{t('orders.placedOn', { date: order.placedOn })}</p>
      </div>
      <FormError
        error={reply && 'formError' in reply ? (reply.formError as string | undefined) : undefined}
      />
      <section className="card grid gap-2 sm:grid-cols-2">
        <div>
          <h2 className="font-semibold">{t('orders.deliverTo')}</h2>
          <p>
            <bdi>{order.contactName}</bdi> · <bdi dir="ltr">{order.phone}</bdi>
          </p>
          <p dir="auto">{order.address}</p>
        </div>
        <div>
          <h2 className="font-semibold">{t('orders.paymentMethod')}</h2>
          <p>{t(`checkout.method.${order.paymentMethod}`)}</p>
          {order.cardPaid ? (
            <p className="flex items-center gap-1 text-olive">
              <CheckCircle2 aria-hidden size={18} />
              {t('payments.paidTitle')}
            </p>
          ) : null}
          <p className="text-lg font-semibold">
            {t('orders.total')}: {order.total}
          </p>
        </div>
      </section>
      {parts.map((part) => (
        <section
          key={part.id}
          aria-labelledby={`part-${part.id}`}
          className="card flex flex-col gap-4"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`part-${part.id}`} className="text-xl font-semibold">
              {t('orders.parcelFrom', { cooperative: '' })}
              <bdi>{part.cooperative}</bdi>
            </h2>
            <OrderStatusBadge status={part.status} />
          </div>
          <p>{t(`orders.statusHint.${part.status}`)}</p>
          {part.tracking ? <p className="font-semibold">{part.tracking}</p> : null}
          <OrderLines part={part} />
          <OrderHistory part={part} />
          {part.actions.includes('cancel') ? (
            <Form method="post" className="flex flex-col gap-2 rounded-lg bg-sand p-3">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="cooperativeOrderId" value={part.id} />
              <input type="hidden" name="token" value={loaded.token ?? ''} />
              <Field label={t('orders.cancelReason')} name="reason" required maxLength={500} />
              <button type="submit" className="btn-danger self-start">
                {t('orders.cancel')}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
