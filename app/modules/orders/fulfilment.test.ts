// Moving cooperative orders: confirm, accept, ship, deliver, refuse, return, cancel and
// complete; stock given back, cash recorded, e-mails and history written; illegal moves refused.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { notifications } from '#db/schema/notifications.ts'
import { cooperativeOrders, orderEvents, orders, payments } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import {
  completeDeliveredOrders,
  moveCooperativeOrder,
  type MoveActor,
} from './fulfilment.server.ts'
import { checkout, guestCartWith, refusal, sellingCooperative, stockOf } from './testing.server.ts'

async function placedOrder(stock = 5, quantity = 2) {
  const seller = await sellingCooperative({ stock })
  const owner = await guestCartWith([{ variantId: seller.variantId, quantity }])
  const placed = await checkout(owner)
  const [order] = await db.select().from(orders).where(eq(orders.number, placed.number))
  const [part] = await db
    .select()
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.orderId, order!.id))
  const member: MoveActor = {
    kind: 'member',
    userId: seller.member.id,
    cooperativeId: seller.cooperative.id,
  }
  const manager: MoveActor = {
    kind: 'manager',
    userId: seller.manager.id,
    cooperativeId: seller.cooperative.id,
  }
  return { seller, order: order!, partId: part!.id, member, manager }
}

async function statusOf(partId: string) {
  const [row] = await db
    .select({ status: cooperativeOrders.status })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.id, partId))
  return row!.status
}

describe('fulfilment of a cash-on-delivery order', () => {
  test('the happy path: call, accept, ship with tracking, deliver with cash, complete after the window', async () => {
    const { seller, order, partId, member } = await placedOrder()
    const move = (action: Parameters<typeof moveCooperativeOrder>[0]['action'], details = {}) =>
      moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action, details })
    expect(await move('confirm')).toBe('placed')
    expect(await move('accept')).toBe('preparing')
    expect(await move('ship', { carrier: 'amana', trackingNumber: 'RR123456789MA' })).toBe(
      'shipped',
    )
    // An injected instant after the moves above (which carry the real time), so the
    // history stays in order whatever day the suite runs on.
    const deliveredAt = new Date(Date.now() + 3600_000)
    await moveCooperativeOrder({
      actor: member,
      cooperativeOrderId: partId,
      action: 'deliver',
      now: deliveredAt,
    })
    const [part] = await db.select().from(cooperativeOrders).where(eq(cooperativeOrders.id, partId))
    expect(part).toMatchObject({
      status: 'delivered',
      carrier: 'amana',
      trackingNumber: 'RR123456789MA',
      cashCollectedCentimes: part!.totalCentimes,
    })
    const [payment] = await db
      .select()
      .from(payments)
      .where(eq(payments.cooperativeOrderId, partId))
    expect(payment).toMatchObject({ provider: 'cod', status: 'succeeded' })
    // The stock stays sold.
    expect(await stockOf(seller.variantId)).toBe(3)

    // The withdrawal window (7 days by default) runs from delivery: an injected clock.
    expect(await completeDeliveredOrders(new Date(deliveredAt.getTime() + 6 * 86400_000))).toBe(0)
    expect(await completeDeliveredOrders(new Date(deliveredAt.getTime() + 7 * 86400_000 + 1))).toBe(
      1,
    )
    expect(await statusOf(partId)).toBe('completed')

    const events = await db
      .select({ action: orderEvents.action, actorKind: orderEvents.actorKind })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(orderEvents.createdAt)
    expect(events.map((e) => e.action)).toEqual([
      'place',
      'confirm',
      'accept',
      'ship',
      'deliver',
      'complete',
    ])
    expect(events.at(-1)!.actorKind).toBe('system')
    const audited = await db.select({ action: auditLog.action }).from(auditLog)
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['order.confirm', 'order.ship', 'order.deliver', 'order.complete']),
    )
    // The customer hears of each step, in French (the order's language).
    const mails = await db
      .select({ template: notifications.template, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.recipient, order.email!))
    expect(mails.map((m) => m.template)).toEqual(
      expect.arrayContaining(['orderReceived', 'orderConfirmed', 'orderShipped', 'orderDelivered']),
    )
    const shipped = mails.find((m) => m.template === 'orderShipped')!
    expect(shipped.body).toContain('RR123456789MA')
    expect(shipped.body).toContain('Amana (Barid Al-Maghrib)')
  })

  test('a cancellation gives the stock back once, tells customer and managers, and records the reason', async () => {
    const { seller, order, partId, manager } = await placedOrder(5, 2)
    expect(await stockOf(seller.variantId)).toBe(3)
    await moveCooperativeOrder({
      actor: manager,
      cooperativeOrderId: partId,
      action: 'cancel',
      details: { reason: 'Rupture de stock réelle' },
    })
    expect(await stockOf(seller.variantId)).toBe(5)
    const again = await refusal(
      moveCooperativeOrder({
        actor: manager,
        cooperativeOrderId: partId,
        action: 'cancel',
        details: { reason: 'deux fois' },
      }),
    )
    expect(again.status).toBe(409)
    expect(await stockOf(seller.variantId)).toBe(5)
    const [part] = await db.select().from(cooperativeOrders).where(eq(cooperativeOrders.id, partId))
    expect(part!.cancelReason).toBe('Rupture de stock réelle')
    const templates = (await db.select().from(notifications)).map((n) => n.template)
    expect(templates).toContain('orderCancelled')
    expect(templates).toContain('cooperativeOrderCancelled')
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id))
    expect(payment!.status).toBe('cancelled')
  })

  test('a parcel refused at the door, or returned, comes back to stock', async () => {
    for (const action of ['refuse', 'return'] as const) {
      const { seller, partId, member } = await placedOrder(4, 3)
      for (const step of ['confirm', 'accept'] as const)
        await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action: step })
      await moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: partId,
        action: 'ship',
        details: { carrier: 'ctm', trackingNumber: 'CTM-998877' },
      })
      expect(await stockOf(seller.variantId)).toBe(1)
      await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action })
      expect(await stockOf(seller.variantId)).toBe(4)
    }
  })

  test('illegal moves are conflicts, members cannot cancel, and other cooperatives see nothing', async () => {
    const { partId, member, seller } = await placedOrder()
    const ship = await refusal(
      moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: partId,
        action: 'deliver',
      }),
    )
    expect(ship).toMatchObject({ status: 409, messageKey: 'orders.errors.illegalMove' })
    const cancel = await refusal(
      moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: partId,
        action: 'cancel',
        details: { reason: 'je ne peux pas' },
      }),
    )
    expect(cancel.status).toBe(409)
    const other = await sellingCooperative()
    const foreign = await refusal(
      moveCooperativeOrder({
        actor: { kind: 'manager', userId: other.manager.id, cooperativeId: other.cooperative.id },
        cooperativeOrderId: partId,
        action: 'confirm',
      }),
    )
    expect(foreign.status).toBe(404)
    expect(await statusOf(partId)).toBe('awaiting_confirmation')
    expect(seller.cooperative.id).not.toBe(other.cooperative.id)
  })

  test('shipping needs a known carrier and a tracking number; cancelling needs a reason', async () => {
    const { partId, member, manager } = await placedOrder()
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action: 'confirm' })
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action: 'accept' })
    const noCarrier = await refusal(
      moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: partId,
        action: 'ship',
        details: { carrier: 'pigeon', trackingNumber: 'ABC123' },
      }),
    )
    expect(noCarrier).toMatchObject({ status: 400, field: 'carrier' })
    const noTracking = await refusal(
      moveCooperativeOrder({
        actor: member,
        cooperativeOrderId: partId,
        action: 'ship',
        details: { carrier: 'amana', trackingNumber: ' ' },
      }),
    )
    expect(noTracking).toMatchObject({ status: 400, field: 'trackingNumber' })
    const noReason = await refusal(
      moveCooperativeOrder({ actor: manager, cooperativeOrderId: partId, action: 'cancel' }),
    )
    expect(noReason).toMatchObject({ status: 400, field: 'reason' })
    expect(await statusOf(partId)).toBe('preparing')
  })

  test('the customer cancels before the cooperative accepts, not after', async () => {
    const { order, partId, member } = await placedOrder()
    const customer: MoveActor = { kind: 'customer', userId: null, orderId: order.id }
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action: 'confirm' })
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: partId, action: 'accept' })
    const late = await refusal(
      moveCooperativeOrder({
        actor: customer,
        cooperativeOrderId: partId,
        action: 'cancel',
        details: { reason: 'trop tard' },
      }),
    )
    expect(late.status).toBe(409)
    const fresh = await placedOrder()
    await moveCooperativeOrder({
      actor: { kind: 'customer', userId: null, orderId: fresh.order.id },
      cooperativeOrderId: fresh.partId,
      action: 'cancel',
      details: { reason: 'Je me suis trompée' },
    })
    expect(await statusOf(fresh.partId)).toBe('cancelled')
    // Another order's customer cannot reach this one.
    const stranger = await refusal(
      moveCooperativeOrder({
        actor: { kind: 'customer', userId: null, orderId: fresh.order.id },
        cooperativeOrderId: partId,
        action: 'cancel',
        details: { reason: 'pas à moi' },
      }),
    )
    expect(stranger.status).toBe(404)
  })
})
