// Reading orders, for the customer (tracking, my orders), the cooperative (its own orders
// only) and the association (all of them, filtered). Each read is scoped by its caller.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { users } from '#db/schema/identity.ts'
import {
  cooperativeOrders,
  cooperativeOrderStatuses,
  orderEvents,
  orderItems,
  orders,
  type CooperativeOrderStatus,
} from '#db/schema/orders.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { formatPhone } from './phone.server.ts'
import { tokenMatches } from './tokens.server.ts'
import { availableActions, type OrderAction, type OrderActor } from './transitions.ts'

export const orderNumberPattern = /^TW-\d{4}-\d{6,}$/

async function orderAddress(orderId: string, language: Language) {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      userId: orders.userId,
      contactName: orders.contactName,
      phone: orders.phone,
      email: orders.email,
      city: orders.city,
      addressLine: orders.addressLine,
      postcode: orders.postcode,
      locale: orders.locale,
      paymentMethod: orders.paymentMethod,
      itemsCentimes: orders.itemsCentimes,
      shippingCentimes: orders.shippingCentimes,
      totalCentimes: orders.totalCentimes,
      createdAt: orders.createdAt,
      regionAr: regions.nameAr,
      regionFr: regions.nameFr,
      regionEn: regions.nameEn,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
    })
    .from(orders)
    .innerJoin(regions, eq(regions.id, orders.regionId))
    .innerJoin(provinces, eq(provinces.id, orders.provinceId))
    .where(eq(orders.id, orderId))
  if (!row) return null
  return {
    id: row.id,
    number: row.number,
    userId: row.userId,
    contactName: row.contactName,
    phone: row.phone,
    phoneDisplay: formatPhone(row.phone),
    email: row.email,
    city: row.city,
    addressLine: row.addressLine,
    postcode: row.postcode,
    region: localized(row, 'region', language),
    province: localized(row, 'province', language),
    locale: row.locale,
    paymentMethod: row.paymentMethod,
    itemsCentimes: Number(row.itemsCentimes),
    shippingCentimes: Number(row.shippingCentimes),
    totalCentimes: Number(row.totalCentimes),
    createdAt: row.createdAt,
  }
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof orderAddress>>>

/** The cooperative orders of an order (optionally one), with lines, history and the moves open to `actor`. */
async function cooperativeParts(
  orderId: string,
  language: Language,
  actor: OrderActor,
  only?: string,
) {
  const parts = await db
    .select({
      id: cooperativeOrders.id,
      status: cooperativeOrders.status,
      cooperativeId: cooperativeOrders.cooperativeId,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.displayName,
      cooperativePhone: cooperatives.phone,
      itemsCentimes: cooperativeOrders.itemsCentimes,
      shippingCentimes: cooperativeOrders.shippingCentimes,
      totalCentimes: cooperativeOrders.totalCentimes,
      carrier: cooperativeOrders.carrier,
      trackingNumber: cooperativeOrders.trackingNumber,
      cancelReason: cooperativeOrders.cancelReason,
      weightGrams: cooperativeOrders.weightGrams,
      createdAt: cooperativeOrders.createdAt,
    })
    .from(cooperativeOrders)
    .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
    .where(
      and(
        eq(cooperativeOrders.orderId, orderId),
        only ? eq(cooperativeOrders.id, only) : undefined,
      ),
    )
    .orderBy(asc(cooperatives.displayName))
  const ids = parts.map((p) => p.id)
  const [items, events] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(orderItems)
          .where(inArray(orderItems.cooperativeOrderId, ids))
          .orderBy(asc(orderItems.titleAr), asc(orderItems.sku)),
        db
          .select({
            id: orderEvents.id,
            cooperativeOrderId: orderEvents.cooperativeOrderId,
            action: orderEvents.action,
            toStatus: orderEvents.toStatus,
            actorKind: orderEvents.actorKind,
            note: orderEvents.note,
            details: orderEvents.details,
            createdAt: orderEvents.createdAt,
          })
          .from(orderEvents)
          .where(inArray(orderEvents.cooperativeOrderId, ids))
          .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
      ])
    : [[], []]
  return parts.map((p) => ({
    ...p,
    status: p.status as CooperativeOrderStatus,
    itemsCentimes: Number(p.itemsCentimes),
    shippingCentimes: Number(p.shippingCentimes),
    totalCentimes: Number(p.totalCentimes),
    actions: availableActions(p.status as CooperativeOrderStatus, actor),
    items: items
      .filter((i) => i.cooperativeOrderId === p.id)
      .map((i) => ({
        id: i.id,
        productSlug: i.productSlug,
        title: localized(i, 'title', language),
        variantLabel: localized(i, 'variantLabel', language),
        sku: i.sku,
        quantity: i.quantity,
        unitPriceCentimes: i.unitPriceCentimes,
        lineCentimes: Number(i.lineCentimes),
      })),
    events: events
      .filter((e) => e.cooperativeOrderId === p.id)
      .map((e) => ({
        id: e.id,
        action: e.action,
        toStatus: e.toStatus,
        actorKind: e.actorKind,
        note: e.note,
        details: e.details,
        createdAt: e.createdAt,
      })),
  }))
}

export type CooperativePart = Awaited<ReturnType<typeof cooperativeParts>>[number]

/**
 * An order for its customer: the signed-in owner, or whoever holds the tracking link's
 * token. Anyone else learns nothing (null), whether the number exists or not.
 */
export async function getOrderForCustomer(input: {
  number: string
  token: string | null
  userId: string | null
  language: Language
}) {
  if (!orderNumberPattern.test(input.number)) return null
  const [row] = await db
    .select({ id: orders.id, userId: orders.userId, tokenHash: orders.accessTokenHash })
    .from(orders)
    .where(eq(orders.number, input.number))
  if (!row) return null
  const owner = input.userId !== null && row.userId === input.userId
  const holder = input.token !== null && tokenMatches(input.token, row.tokenHash)
  if (!owner && !holder) return null
  const order = await orderAddress(row.id, input.language)
  if (!order) return null
  return { order, parts: await cooperativeParts(row.id, input.language, 'customer') }
}

/** The signed-in customer's orders, newest first. */
export async function listCustomerOrders(userId: string) {
  const rows = await db
    .select({
      number: orders.number,
      createdAt: orders.createdAt,
      totalCentimes: orders.totalCentimes,
      statuses: sql<
        string[]
      >`array(select co.status from ${cooperativeOrders} co where co.order_id = "orders"."id" order by co.created_at)`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(100)
  return rows.map((r) => ({ ...r, totalCentimes: Number(r.totalCentimes) }))
}

// ——— The cooperative's side ———

/** Tabs of the cooperative's order list, each a set of states. */
export const cooperativeTabs = {
  // Unpaid card orders are not work yet: they appear once paid (placed).
  new: ['awaiting_confirmation', 'placed'],
  preparing: ['preparing'],
  shipped: ['shipped'],
  done: ['delivered', 'completed', 'refunded', 'partially_refunded'],
  closed: ['cancelled', 'refused_at_door', 'returned'],
} as const satisfies Record<string, readonly CooperativeOrderStatus[]>
export type CooperativeTab = keyof typeof cooperativeTabs

export async function cooperativeOrderCounts(cooperativeId: string) {
  const rows = await db
    .select({ status: cooperativeOrders.status, count: count() })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.cooperativeId, cooperativeId))
    .groupBy(cooperativeOrders.status)
  const byStatus = new Map(rows.map((r) => [r.status, Number(r.count)]))
  return Object.fromEntries(
    Object.entries(cooperativeTabs).map(([tab, states]) => [
      tab,
      states.reduce((sum, s) => sum + (byStatus.get(s) ?? 0), 0),
    ]),
  ) as Record<CooperativeTab, number>
}

/** One tab of the cooperative's orders, oldest waiting first for open work. */
export async function listCooperativeOrders(
  cooperativeId: string,
  tab: CooperativeTab,
  language: Language,
) {
  const states = cooperativeTabs[tab]
  const open = tab === 'new' || tab === 'preparing' || tab === 'shipped'
  const rows = await db
    .select({
      id: cooperativeOrders.id,
      status: cooperativeOrders.status,
      totalCentimes: cooperativeOrders.totalCentimes,
      createdAt: cooperativeOrders.createdAt,
      number: orders.number,
      contactName: orders.contactName,
      phone: orders.phone,
      city: orders.city,
      paymentMethod: orders.paymentMethod,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
      units: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from ${orderItems} oi where oi.cooperative_order_id = "cooperative_orders"."id")`,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .innerJoin(provinces, eq(provinces.id, orders.provinceId))
    .where(
      and(
        eq(cooperativeOrders.cooperativeId, cooperativeId),
        inArray(cooperativeOrders.status, [...states]),
      ),
    )
    .orderBy(open ? asc(cooperativeOrders.createdAt) : desc(cooperativeOrders.createdAt))
    .limit(200)
  return rows.map((r) => ({
    id: r.id,
    status: r.status as CooperativeOrderStatus,
    totalCentimes: Number(r.totalCentimes),
    createdAt: r.createdAt,
    number: r.number,
    contactName: r.contactName,
    phone: r.phone,
    phoneDisplay: formatPhone(r.phone),
    city: r.city,
    province: localized(r, 'province', language),
    paymentMethod: r.paymentMethod,
    units: Number(r.units),
  }))
}

/** One of the cooperative's orders; null (a 404) for anyone else's. */
export async function getCooperativeOrder(input: {
  cooperativeId: string
  cooperativeOrderId: string
  actor: 'member' | 'manager'
  language: Language
}) {
  if (!isUuid(input.cooperativeOrderId)) return null
  const [row] = await db
    .select({ orderId: cooperativeOrders.orderId })
    .from(cooperativeOrders)
    .where(
      and(
        eq(cooperativeOrders.id, input.cooperativeOrderId),
        eq(cooperativeOrders.cooperativeId, input.cooperativeId),
      ),
    )
  if (!row) return null
  const order = await orderAddress(row.orderId, input.language)
  const [part] = await cooperativeParts(
    row.orderId,
    input.language,
    input.actor,
    input.cooperativeOrderId,
  )
  if (!order || !part) return null
  return { order, part }
}

// ——— The association's side ———

export type AdminOrderFilters = {
  status: CooperativeOrderStatus | null
  cooperative: string | null
  region: string | null
  from: Date | null
  to: Date | null
  page: number
}

export const adminPageSize = 50

export async function listOrdersForAssociation(filters: AdminOrderFilters, language: Language) {
  const conditions: SQL[] = []
  if (filters.status) conditions.push(eq(cooperativeOrders.status, filters.status))
  if (filters.cooperative) conditions.push(eq(cooperatives.slug, filters.cooperative))
  if (filters.region) conditions.push(eq(regions.code, filters.region))
  if (filters.from) conditions.push(gte(orders.createdAt, filters.from))
  if (filters.to) conditions.push(lt(orders.createdAt, filters.to))
  const where = conditions.length ? and(...conditions) : undefined
  const base = () =>
    db
      .select({
        id: cooperativeOrders.id,
        status: cooperativeOrders.status,
        totalCentimes: cooperativeOrders.totalCentimes,
        createdAt: orders.createdAt,
        number: orders.number,
        paymentMethod: orders.paymentMethod,
        cooperativeName: cooperatives.displayName,
        regionAr: regions.nameAr,
        regionFr: regions.nameFr,
        regionEn: regions.nameEn,
        city: orders.city,
        total: sql<number>`count(*) over ()::int`,
      })
      .from(cooperativeOrders)
      .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
      .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
      .innerJoin(regions, eq(regions.id, orders.regionId))
  const rows = await base()
    .where(where)
    .orderBy(desc(orders.createdAt), asc(cooperativeOrders.id))
    .limit(adminPageSize)
    .offset((filters.page - 1) * adminPageSize)
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status as CooperativeOrderStatus,
      totalCentimes: Number(r.totalCentimes),
      createdAt: r.createdAt,
      number: r.number,
      paymentMethod: r.paymentMethod,
      cooperativeName: r.cooperativeName,
      region: localized(r, 'region', language),
      city: r.city,
    })),
  }
}

export async function getOrderForAssociation(cooperativeOrderId: string, language: Language) {
  if (!isUuid(cooperativeOrderId)) return null
  const [row] = await db
    .select({ orderId: cooperativeOrders.orderId })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.id, cooperativeOrderId))
  if (!row) return null
  const order = await orderAddress(row.orderId, language)
  const parts = await cooperativeParts(row.orderId, language, 'association')
  const customer = order?.userId
    ? (
        await db
          .select({ name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, order.userId))
      )[0]
    : null
  if (!order) return null
  return { order, parts, focus: cooperativeOrderId, customer: customer ?? null }
}

export function isOrderStatus(value: unknown): value is CooperativeOrderStatus {
  return (cooperativeOrderStatuses as readonly unknown[]).includes(value)
}

export type { OrderAction }
