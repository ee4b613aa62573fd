import { z } from 'zod'

export const emailSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(254, { error: 'errors.emailInvalid' })
  .pipe(z.email({ error: 'errors.emailInvalid' }))

export const nameSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .min(2, { error: 'errors.nameTooShort' })
  .max(100, { error: 'errors.nameTooLong' })

export const languageSchema = z.enum(['ar', 'fr', 'en'], { error: 'errors.invalid' })

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'errors.required' })
    .min(1, { error: 'errors.required' })
    .max(1024, { error: 'errors.passwordTooLong' }),
  redirectTo: z.string().optional(),
})
