import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MoveForms } from '#app/components/orders/move-forms.tsx'
import { RefundForm } from '#app/components/orders/refund-form.tsx'
import { OrderHistory, OrderLines, OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { hasAssociationRole, requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { moveSchema } from '#app/modules/orders/move-form.server.ts'
import { getOrderForAssociation } from '#app/modules/orders/queries.server.ts'
import { partView } from '#app/modules/orders/views.server.ts'
import { refundSchema } from '#app/modules/payments/refund-form.server.ts'
import {
  listRefunds,
  refundCooperativeOrder,
  refundOptions,
} from '#app/modules/payments/refunds.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireAssociationRole(request, ['reviewer', 'finance', 'admin'])
  const { t, language } = await getTranslator(request)
  const found = await getOrderForAssociation(params.id ?? '', language)
  if (!found) throw new Response('Not found', { status: 404 })
  const { order, parts, customer } = found
  const part = parts.find((p) => p.id === found.focus)!
  // Refunds move money: finance and admins only.
  const canRefund = hasAssociationRole(user, 'finance')
  const options = canRefund ? await refundOptions(part.id) : null
  const refundRows = canRefund ? await listRefunds(part.id) : []
  return {
    refund: options
      ? {
          refundable:
            options.refundableCentimes > 0
              ? formatMoney(options.refundableCentimes, language)
              : null,
          methods: options.methods,
          needsDecision: options.needsRefundDecision,
          refunds: refundRows.map((r) => ({
            id: r.id,
            line: t('payments.refundLine', {
              amount: formatMoney(Number(r.amountCentimes), language),
              method: t(`payments.methods.${r.method}`),
              status: t(`payments.refundStatus.${r.status}`),
              reason: r.reason,
            }),
          })),
        }
      : null,
    noIndex: true,
    title: t('adminOrders.detailTitle', { number: order.number }),
    canCancel: hasAssociationRole(user, 'finance'),
    customer,
    order: {
      number: order.number,
      date: formatDate(order.createdAt, language, 'datetime'),
      contactName: order.contactName,
      phone: order.phone,
      phoneDisplay: order.phoneDisplay,
      email: order.email,
      address: [order.addressLine, order.city, order.postcode, order.province, order.region]
        .filter(Boolean)
        .join(language === 'ar' ? '، ' : ', '),
      paymentMethod: order.paymentMethod,
      total: formatMoney(order.totalCentimes, language),
    },
    part: partView(part, t, language),
    others: parts
      .filter((p) => p.id !== part.id)
      .map((p) => ({ id: p.id, cooperative: p.cooperativeName, status: p.status })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, role } = await requireAssociationRole(request, ['reviewer', 'finance', 'admin'])
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  if (formData.get('intent') === 'refund') {
    if (!hasAssociationRole(user, 'finance')) throw new Response('Forbidden', { status: 403 })
    const refund = parseForm(formData, refundSchema, t)
    if (!refund.ok) return badRequest(refund.reply)
    try {
      await refundCooperativeOrder({
        actor: { userId: user.id, role },
        cooperativeOrderId: params.id ?? '',
        amountCentimes: refund.data.amount,
        reason: refund.data.reason,
        method: refund.data.method,
        requestId: context.requestId,
      })
    } catch (error) {
      return domainErrorReply(error, formData, t)
    }
    return redirect(`/admin/orders/${params.id}`, {
      headers: { 'Set-Cookie': await toastCookie('payments.done') },
    })
  }
  const parsed = parseForm(formData, moveSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  // Any staff may confirm an order by phone; cancelling moves money, so finance and admins.
  if (input.intent === 'cancel' && !hasAssociationRole(user, 'finance'))
    throw new Response('Forbidden', { status: 403 })
  try {
    await moveCooperativeOrder({
      actor: { kind: 'association', userId: user.id, role },
      cooperativeOrderId: params.id ?? '',
      action: input.intent,
      details: { reason: input.reason },
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/admin/orders/${params.id}`, {
    headers: { 'Set-Cookie': await toastCookie(`orders.moved.${input.intent}`) },
  })
}

export default function AdminOrder() {
  const { order, part, others, canCancel, customer, refund } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6">
      <Link to="/admin/orders" className="font-semibold">
        {t('adminOrders.back')}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-3xl font-semibold">{t('orders.number', { number: order.number })}</h1>
        <OrderStatusBadge status={part.status} />
      </div>
      <p className="text-ink-soft">
        {order.date} · <bdi>{part.cooperative}</bdi>
      </p>
      <FormError error={reply?.formError} />
      <section className="card flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t('coopOrders.customer')}</h2>
        <p>
          <bdi>{order.contactName}</bdi> ·{' '}
          <a href={`tel:${order.phone}`} dir="ltr">
            {order.phoneDisplay}
          </a>
          {order.email ? (
            <>
              {' · '}
              <bdi>{order.email}</bdi>
            </>
          ) : null}
        </p>
        <p dir="auto">{order.address}</p>
        <p>
          {customer
            ? t('adminOrders.registered', { name: customer.name, email: customer.email })
            : t('adminOrders.guest')}
        </p>
        <p>
          {t(`checkout.method.${order.paymentMethod}`)} · {t('orders.total')}: {order.total}
        </p>
        {part.tracking ? <p className="font-semibold">{part.tracking}</p> : null}
        {part.cancelReason ? <p dir="auto">{part.cancelReason}</p> : null}
      </section>
      <MoveForms
        actions={part.actions}
        canCancel={canCancel}
        errors={reply?.fieldErrors ?? {}}
        values={reply?.values}
      />
      {refund && (refund.refundable || refund.refunds.length || refund.needsDecision) ? (
        <RefundForm
          refundable={refund.refundable}
          methods={refund.methods}
          needsDecision={refund.needsDecision}
          refunds={refund.refunds}
          errors={reply?.fieldErrors ?? {}}
          values={reply?.values}
        />
      ) : null}
      <section className="card flex flex-col gap-3">
        <OrderLines part={part} />
        <OrderHistory part={part} />
      </section>
      {others.length ? (
        <ul className="flex flex-col gap-2">
          {others.map((o) => (
            <li key={o.id} className="flex items-center gap-2">
              <Link to={`/admin/orders/${o.id}`}>
                <bdi>{o.cooperative}</bdi>
              </Link>
              <OrderStatusBadge status={o.status} />
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
