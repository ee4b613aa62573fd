// The refund form: an amount in dirhams (comma or point), a reason and a method.
import { z } from 'zod'
import { refundMethods } from '#db/schema/orders.ts'
import { moneyField } from '#app/utils/numbers.ts'

export const refundSchema = z.object({
  intent: z.literal('refund'),
  // Integer centimes, without floating point; Arabic digits and «DH» accepted.
  amount: moneyField({ error: 'payments.errors.amount' }),
  reason: z
    .string({ error: 'payments.errors.reason' })
    .trim()
    .min(3, { error: 'payments.errors.reason' })
    .max(500, { error: 'payments.errors.reason' }),
  method: z.enum(refundMethods, { error: 'payments.errors.method' }),
})
