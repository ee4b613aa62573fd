// E-mails about orders: to the customer in the order's language, to the cooperative's
// managers in theirs. Written to the outbox in the transaction of the change they announce.
import { and, asc, eq } from 'drizzle-orm'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { users } from '#db/schema/identity.ts'
import { cooperativeOrders, orderItems, orders } from '#db/schema/orders.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { isLanguage, localized, type Language } from '#app/modules/i18n/config.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { enqueueEmail, type EmailTemplate } from '#app/modules/notifications/outbox.server.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'

/** The tracking page of an order; with the token for guests. */
export function orderLink(number: string, token: string | null) {
  const base = `${publicOrigin()}/orders/${encodeURIComponent(number)}`
  return token ? `${base}?token=${encodeURIComponent(token)}` : base
}

export function appLink(path: string) {
  return `${publicOrigin()}${path}`
}

/** Number, name, total and the lines of an order, as e-mail template values. */
export async function orderEmailData(
  tx: Queryable,
  orderId: string,
  locale: string,
  extra: Record<string, string> = {},
  cooperativeOrderId?: string,
): Promise<Record<string, string>> {
  const language: Language = isLanguage(locale) ? locale : 'ar'
  const [order] = await tx
    .select({
      number: orders.number,
      contactName: orders.contactName,
      totalCentimes: orders.totalCentimes,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
  const items = await tx
    .select({
      titleAr: orderItems.titleAr,
      titleFr: orderItems.titleFr,
      titleEn: orderItems.titleEn,
      quantity: orderItems.quantity,
      lineCentimes: orderItems.lineCentimes,
      cooperativeOrderId: orderItems.cooperativeOrderId,
      cooperative: cooperatives.displayName,
      total: cooperativeOrders.totalCentimes,
    })
    .from(orderItems)
    .innerJoin(cooperativeOrders, eq(cooperativeOrders.id, orderItems.cooperativeOrderId))
    .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
    .where(eq(cooperativeOrders.orderId, orderId))
    .orderBy(asc(cooperatives.displayName), asc(orderItems.titleAr))
  const shown = cooperativeOrderId
    ? items.filter((i) => i.cooperativeOrderId === cooperativeOrderId)
    : items
  return {
    number: order?.number ?? '',
    name: order?.contactName ?? '',
    total: formatMoney(
      cooperativeOrderId ? Number(shown[0]?.total ?? 0) : Number(order?.totalCentimes ?? 0),
      language,
    ),
    cooperative: shown[0]?.cooperative ?? '',
    items: shown
      .map(
        (i) =>
          `- ${localized(i, 'title', language)} × ${i.quantity} — ${formatMoney(Number(i.lineCentimes), language)}`,
      )
      .join('\n'),
    ...extra,
  }
}

/** An e-mail to the customer about one cooperative order, when an address was given. */
export async function emailCustomer(
  tx: Queryable,
  input: {
    orderId: string
    cooperativeOrderId: string
    template: EmailTemplate
    extra?: Record<string, string>
  },
) {
  const [order] = await tx
    .select({ email: orders.email, locale: orders.locale, number: orders.number })
    .from(orders)
    .where(eq(orders.id, input.orderId))
  if (!order?.email) return
  const t = await translatorFor(isLanguage(order.locale) ? order.locale : 'ar')
  const extra = { ...input.extra }
  if (extra.carrier) extra.carrier = t(`orders.carriers.${extra.carrier}`)
  await enqueueEmail(tx, {
    to: order.email,
    locale: order.locale,
    template: input.template,
    data: await orderEmailData(
      tx,
      input.orderId,
      order.locale,
      { link: orderLink(order.number, null), ...extra },
      input.cooperativeOrderId,
    ),
  })
}

/** An e-mail to every manager of the cooperative. */
export async function emailManagers(
  tx: Queryable,
  input: {
    cooperativeId: string
    template: EmailTemplate
    data: Record<string, string>
  },
) {
  const managers = await tx
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.cooperativeId, input.cooperativeId), eq(memberships.role, 'manager')))
  for (const manager of managers) {
    await enqueueEmail(tx, {
      to: manager.email,
      locale: manager.locale,
      template: input.template,
      data: input.data,
    })
  }
}
