// The forms that move an order: one intent per action, with what that action needs.
import { z } from 'zod'
import { carriers } from '#db/schema/orders.ts'
import { orderActions } from './transitions.ts'

export const moveSchema = z.object({
  intent: z.enum(orderActions, { error: 'errors.tampered' }),
  carrier: z.enum(carriers, { error: 'orders.errors.carrier' }).optional(),
  trackingNumber: z.string().max(60).optional(),
  reason: z.string().max(500).optional(),
})
export type MoveForm = z.output<typeof moveSchema>
