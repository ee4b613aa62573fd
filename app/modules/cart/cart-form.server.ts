// The cart's forms: intents and quantities as typed (Arabic-Indic digits accepted).
import { z } from 'zod'
import { maxLineQuantity } from '#db/schema/orders.ts'
import { wholeNumberField } from '#app/utils/numbers.ts'

const quantity = wholeNumberField({ max: 999, error: 'cart.errors.quantity' })

const variantId = z.string({ error: 'cart.errors.unknownVariant' }).max(64)

export const cartSchemas = {
  add: z.object({
    intent: z.literal('add'),
    variantId,
    quantity: quantity.pipe(
      z.number().min(1, { error: 'cart.errors.quantity' }).max(maxLineQuantity, {
        error: 'cart.errors.quantity',
      }),
    ),
    redirectTo: z.string().max(500).optional(),
    stay: z.string().optional(),
  }),
  update: z.object({
    intent: z.literal('update'),
    variantId,
    quantity: quantity.pipe(z.number().max(maxLineQuantity, { error: 'cart.errors.quantity' })),
  }),
  remove: z.object({ intent: z.literal('remove'), variantId }),
  clean: z.object({ intent: z.literal('clean') }),
}
export type CartIntent = keyof typeof cartSchemas
