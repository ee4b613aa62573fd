// The refund form: an amount in dirhams (comma or point), a reason and a method.
import { z } from 'zod'
import { refundMethods } from '#db/schema/orders.ts'

export const refundSchema = z.object({
  intent: z.literal('refund'),
  amount: z
    .string({ error: 'payments.errors.amount' })
    .trim()
    .regex(/^\d{1,7}([.,]\d{1,2})?$/, { error: 'payments.errors.amount' })
    .transform((v) => Math.round(Number(v.replace(',', '.')) * 100)),
  reason: z
    .string({ error: 'payments.errors.reason' })
    .trim()
    .min(3, { error: 'payments.errors.reason' })
    .max(500, { error: 'payments.errors.reason' }),
  method: z.enum(refundMethods, { error: 'payments.errors.method' }),
})
