// The state machine of a cooperative order (DESIGN §3), declared as data: which action moves
// it from which states to which, and who may take it. Everything else reads this table.
import { type CooperativeOrderStatus } from '#db/schema/orders.ts'

/**
 * Who acts: the customer (or a guest holding the tracking link); any member of the
 * cooperative; its manager (a manager is also a member); association staff; the system
 * (webhooks, housekeeping).
 */
export type OrderActor = 'customer' | 'member' | 'manager' | 'association' | 'system'

export const orderActions = [
  'confirm',
  'pay',
  'accept',
  'ship',
  'deliver',
  'refuse',
  'return',
  'cancel',
  'expire',
  'complete',
  'refund',
  'refund_partially',
] as const
export type OrderAction = (typeof orderActions)[number]

type Transition = {
  from: readonly CooperativeOrderStatus[]
  to: CooperativeOrderStatus
  by: readonly OrderActor[]
  /** The units taken at checkout go back to stock. */
  restock?: boolean
}

export const transitions: Record<OrderAction, Transition> = {
  // Cash on delivery: the cooperative (or the association) calls the customer to confirm.
  confirm: { from: ['awaiting_confirmation'], to: 'placed', by: ['member', 'association'] },
  // Card: the payment provider says the money is there.
  pay: { from: ['pending_payment'], to: 'placed', by: ['system'] },
  accept: { from: ['placed'], to: 'preparing', by: ['member'] },
  ship: { from: ['preparing'], to: 'shipped', by: ['member'] },
  deliver: { from: ['shipped'], to: 'delivered', by: ['member'] },
  refuse: { from: ['shipped'], to: 'refused_at_door', by: ['member'], restock: true },
  return: { from: ['shipped'], to: 'returned', by: ['member'], restock: true },
  cancel: {
    from: ['pending_payment', 'awaiting_confirmation', 'placed', 'preparing'],
    to: 'cancelled',
    by: ['customer', 'manager', 'association'],
    restock: true,
  },
  expire: { from: ['pending_payment'], to: 'cancelled', by: ['system'], restock: true },
  // After the withdrawal window that follows delivery.
  complete: { from: ['delivered'], to: 'completed', by: ['system'] },
  // The association gives money back after delivery (a return in the withdrawal window, a
  // damaged parcel), in full or in part; only through the refunds module, which records the
  // money. A cancelled order's refund leaves it cancelled.
  refund: {
    from: ['delivered', 'completed', 'partially_refunded'],
    to: 'refunded',
    by: ['association'],
  },
  refund_partially: {
    from: ['delivered', 'completed', 'partially_refunded'],
    to: 'partially_refunded',
    by: ['association'],
  },
}

/** States a customer may still cancel from: before the cooperative has accepted the order. */
const customerCancellable: readonly CooperativeOrderStatus[] = [
  'pending_payment',
  'awaiting_confirmation',
  'placed',
]

function actorMayTake(action: OrderAction, actor: OrderActor) {
  const by = transitions[action].by
  if (by.includes(actor)) return true
  // A manager may do everything a member may.
  return actor === 'manager' && by.includes('member')
}

/** Where `action` by `actor` leads from `status`, or null when the move is not allowed. */
export function nextStatus(
  status: CooperativeOrderStatus,
  action: OrderAction,
  actor: OrderActor,
): CooperativeOrderStatus | null {
  const transition = transitions[action]
  if (!transition.from.includes(status)) return null
  if (!actorMayTake(action, actor)) return null
  if (action === 'cancel' && actor === 'customer' && !customerCancellable.includes(status))
    return null
  return transition.to
}

/** The actions `actor` may take on an order in `status`, in the table's order. */
export function availableActions(status: CooperativeOrderStatus, actor: OrderActor): OrderAction[] {
  return orderActions.filter((action) => nextStatus(status, action, actor) !== null)
}

export function restocks(action: OrderAction) {
  return transitions[action].restock === true
}

/** States in which stock is still held for the order (what a restocking move gives back). */
export const stockHeldStates: readonly CooperativeOrderStatus[] = [
  'pending_payment',
  'awaiting_confirmation',
  'placed',
  'preparing',
  'shipped',
]

/** The states a cooperative order goes through on the way to the customer, for a timeline. */
export const happyPath: readonly CooperativeOrderStatus[] = [
  'awaiting_confirmation',
  'placed',
  'preparing',
  'shipped',
  'delivered',
  'completed',
]

export function isFinal(status: CooperativeOrderStatus) {
  return (
    availableActions(status, 'system').length === 0 &&
    availableActions(status, 'manager').length === 0 &&
    availableActions(status, 'association').length === 0
  )
}
