import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Phone, Printer } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MoveForms } from '#app/components/orders/move-forms.tsx'
import { OrderHistory, OrderLines, OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatList } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { moveSchema } from '#app/modules/orders/move-form.server.ts'
import { getCooperativeOrder } from '#app/modules/orders/queries.server.ts'
import { partView } from '#app/modules/orders/views.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

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
    title: t('orders.metaTitle', { number: order.number }),
    slug: scope.cooperative.slug,
    role: scope.role,
    order: {
      number: order.number,
      date: formatDate(order.createdAt, language, 'datetime'),
      contactName: order.contactName,
      phone: order.phone,
      phoneDisplay: order.phoneDisplay,
      address: formatList(
        [order.addressLine, order.city, order.postcode, order.province, order.region],
        language,
      ),
      cod: order.paymentMethod === 'cod',
    },
    part: partView(part, t, language),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, moveSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  // Cancelling is for managers; members prepare and ship.
  if (input.intent === 'cancel' && scope.role !== 'manager')
    throw new Response('Forbidden', { status: 403 })
  try {
    await moveCooperativeOrder({
      actor: { kind: scope.role, userId: scope.user.id, cooperativeId: scope.cooperative.id },
      cooperativeOrderId: params.orderId ?? '',
      action: input.intent,
      details: {
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        reason: input.reason,
      },
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/coop/${scope.cooperative.slug}/orders/${params.orderId}`, {
    headers: { 'Set-Cookie': await toastCookie(`orders.moved.${input.intent}`) },
  })
}

export default function CooperativeOrder() {
  const { slug, role, order, part } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-5">
      <Link to={`/coop/${slug}/orders`} className="font-semibold">
        {t('coopOrders.back')}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-3xl font-semibold">{t('orders.number', { number: order.number })}</h1>
        <OrderStatusBadge status={part.status} />
      </div>
      <p className="text-ink-soft">{order.date}</p>
      <FormError error={reply?.formError} />
      <section className="card flex flex-col gap-2" aria-labelledby="customer-heading">
        <h2 id="customer-heading" className="text-xl font-semibold">
          {t('coopOrders.customer')}
        </h2>
        <p className="text-lg">
          <bdi>{order.contactName}</bdi>
        </p>
        <p dir="auto">{order.address}</p>
        <a href={`tel:${order.phone}`} className="btn-primary min-h-14 self-start text-lg">
          <Phone aria-hidden size={24} />
          <span>
            {t('coopOrders.call', { name: '' })}
            <bdi dir="ltr">{order.phoneDisplay}</bdi>
          </span>
        </a>
        {part.status === 'awaiting_confirmation' ? (
          <p className="text-sm text-ink-soft">{t('coopOrders.callHint')}</p>
        ) : null}
        <p className="text-xl font-semibold">
          {order.cod
            ? t('coopOrders.toCollect', { amount: part.total })
            : t('coopOrders.paidByCard')}
        </p>
        {part.tracking ? <p className="font-semibold">{part.tracking}</p> : null}
      </section>
      {part.actions.length ? (
        <section aria-labelledby="next-heading" className="flex flex-col gap-3">
          <h2 id="next-heading" className="text-xl font-semibold">
            {t('coopOrders.next')}
          </h2>
          <MoveForms
            actions={part.actions}
            canCancel={role === 'manager'}
            errors={reply?.fieldErrors ?? {}}
            values={reply?.values}
          />
        </section>
      ) : null}
      <section className="card flex flex-col gap-3" aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-xl font-semibold">
          {t('coopOrders.items')}
        </h2>
        <OrderLines part={part} />
        <Link
          to={`/coop/${slug}/orders/${part.id}/slip`}
          reloadDocument
          className="btn-secondary self-start"
        >
          <Printer aria-hidden size={20} />
          {t('coopOrders.slip')}
        </Link>
      </section>
      <section className="card">
        <OrderHistory part={part} />
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
