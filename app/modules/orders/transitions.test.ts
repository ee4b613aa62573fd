// The state machine of a cooperative order, checked exhaustively against the table written
// out by hand here, and by random walks: stock held is given back exactly once.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cooperativeOrderStatuses, type CooperativeOrderStatus } from '#db/schema/orders.ts'
import {
  availableActions,
  nextStatus,
  orderActions,
  restocks,
  stockHeldStates,
  type OrderAction,
  type OrderActor,
} from './transitions.ts'

const actors: OrderActor[] = ['customer', 'member', 'manager', 'association', 'system']

// Every allowed move, written independently of the table in transitions.ts.
const allowed: [CooperativeOrderStatus, OrderAction, OrderActor[], CooperativeOrderStatus][] = [
  ['awaiting_confirmation', 'confirm', ['member', 'manager', 'association'], 'placed'],
  ['pending_payment', 'pay', ['system'], 'placed'],
  ['placed', 'accept', ['member', 'manager'], 'preparing'],
  ['preparing', 'ship', ['member', 'manager'], 'shipped'],
  ['shipped', 'deliver', ['member', 'manager'], 'delivered'],
  ['shipped', 'refuse', ['member', 'manager'], 'refused_at_door'],
  ['shipped', 'return', ['member', 'manager'], 'returned'],
  ['pending_payment', 'cancel', ['customer', 'manager', 'association'], 'cancelled'],
  ['awaiting_confirmation', 'cancel', ['customer', 'manager', 'association'], 'cancelled'],
  ['placed', 'cancel', ['customer', 'manager', 'association'], 'cancelled'],
  // Once the cooperative has accepted, only it (its manager) or the association cancels.
  ['preparing', 'cancel', ['manager', 'association'], 'cancelled'],
  ['pending_payment', 'expire', ['system'], 'cancelled'],
  ['delivered', 'complete', ['system'], 'completed'],
  // Refunds are the association's (through the refunds module, which records the money).
  ['delivered', 'refund', ['association'], 'refunded'],
  ['completed', 'refund', ['association'], 'refunded'],
  ['partially_refunded', 'refund', ['association'], 'refunded'],
  ['delivered', 'refund_partially', ['association'], 'partially_refunded'],
  ['completed', 'refund_partially', ['association'], 'partially_refunded'],
  ['partially_refunded', 'refund_partially', ['association'], 'partially_refunded'],
]

describe('the order state machine', () => {
  test('every (state, action, actor) is allowed exactly as the table says', () => {
    for (const status of cooperativeOrderStatuses) {
      for (const action of orderActions) {
        for (const actor of actors) {
          const row = allowed.find(
            ([from, a, by]) => from === status && a === action && by.includes(actor),
          )
          expect(nextStatus(status, action, actor), `${status} ${action} by ${actor}`).toBe(
            row ? row[3] : null,
          )
        }
      }
    }
  })

  test("members never cancel; closed parcels move no more, but for the association's refunds", () => {
    for (const status of cooperativeOrderStatuses)
      expect(availableActions(status, 'member')).not.toContain('cancel')
    for (const status of ['cancelled', 'refused_at_door', 'returned', 'refunded'] as const)
      for (const actor of actors) expect(availableActions(status, actor)).toEqual([])
    for (const actor of actors)
      expect(availableActions('completed', actor)).toEqual(
        actor === 'association' ? ['refund', 'refund_partially'] : [],
      )
  })

  test('random walks give back the stock they hold exactly once, and never more', () => {
    const step = fc.record({
      action: fc.constantFrom(...orderActions),
      actor: fc.constantFrom(...actors),
    })
    fc.assert(
      fc.property(
        fc.constantFrom<CooperativeOrderStatus>('awaiting_confirmation', 'pending_payment'),
        fc.integer({ min: 1, max: 20 }),
        fc.array(step, { maxLength: 30 }),
        (start, reserved, steps) => {
          let status = start
          let stock = 0 // units given back to the shelf
          for (const { action, actor } of steps) {
            const next = nextStatus(status, action, actor)
            if (!next) continue
            if (restocks(action) && stockHeldStates.includes(status)) stock += reserved
            status = next
          }
          // Held, sold (delivered/completed) or given back: exactly one of them.
          const held = stockHeldStates.includes(status)
          const sold = status === 'delivered' || status === 'completed'
          expect(stock === reserved).toBe(!held && !sold)
          expect(stock).toBeLessThanOrEqual(reserved)
          return true
        },
      ),
      { numRuns: 500 },
    )
  })
})
