// The checkout form: what the customer types, validated once for the page and the server.
import { z } from 'zod'
import { normalizeMobilePhone, westernDigits } from './phone.server.ts'

const text = (min: number, max: number, error: string) =>
  z
    .string({ error })
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(min, { error }).max(max, { error }))

export const checkoutSchema = z.object({
  intent: z.enum(['quote', 'place']),
  contactName: text(2, 100, 'checkout.errors.name'),
  phone: z
    .string({ error: 'checkout.errors.phone' })
    .max(40, { error: 'checkout.errors.phone' })
    .transform((v, ctx) => {
      const phone = normalizeMobilePhone(v)
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'checkout.errors.phone' })
        return z.NEVER
      }
      return phone
    }),
  email: z
    .string()
    .max(254)
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(z.email({ error: 'errors.emailInvalid' }).nullable()),
  regionCode: z.string({ error: 'errors.chooseOne' }).min(1, { error: 'errors.chooseOne' }).max(64),
  provinceCode: z
    .string({ error: 'errors.chooseOne' })
    .min(1, { error: 'errors.chooseOne' })
    .max(64),
  city: text(2, 100, 'checkout.errors.city'),
  addressLine: text(5, 300, 'checkout.errors.addressLine'),
  postcode: z
    .string()
    .max(10)
    .optional()
    .transform((v) => westernDigits(v ?? '').trim() || null)
    .pipe(
      z
        .string()
        .regex(/^\d{5}$/, { error: 'checkout.errors.postcode' })
        .nullable(),
    ),
  paymentMethod: z.string({ error: 'checkout.errors.paymentMethod' }).max(20),
  terms: z.string().optional(),
  idempotencyKey: z.uuid({ error: 'errors.tampered' }),
  digest: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || null),
})
export type CheckoutForm = z.output<typeof checkoutSchema>
