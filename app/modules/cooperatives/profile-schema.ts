import { z } from 'zod'
import { cooperativeCategories } from '#db/schema/cooperatives.ts'
import { emailSchema } from '#app/modules/auth/schemas.ts'
import { wholeNumberField } from '#app/utils/numbers.ts'
import { digitsOnly, isValidIce, isValidRib, normalizeMoroccanPhone } from './identifiers.ts'

// Every message is a catalogue key, translated where the form is answered.

const text = (min: number, max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(min, { error: min <= 1 ? 'errors.required' : 'errors.tooShort' })
    .max(max, { error: 'errors.tooLong' })

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'errors.tooLong' })
    .optional()
    .transform((v) => (v ? v : null))

// Arabic-Indic digits and thousands separators accepted (app/utils/numbers.ts).
const wholeNumber = (min: number, max: number) =>
  wholeNumberField({
    min,
    max,
    required: 'errors.required',
    error: 'errors.wholeNumber',
    tooSmall: 'errors.numberTooSmall',
    tooLarge: 'errors.numberTooLarge',
  })

export const iceSchema = z
  .string({ error: 'errors.required' })
  .transform(digitsOnly)
  .refine((v) => v.length > 0, { error: 'errors.required' })
  .refine((v) => /^\d{15}$/.test(v), { error: 'errors.iceLength' })
  .refine(isValidIce, { error: 'errors.iceChecksum' })

export const ribSchema = z
  .string({ error: 'errors.required' })
  .transform(digitsOnly)
  .refine((v) => v.length > 0, { error: 'errors.required' })
  .refine((v) => /^\d{24}$/.test(v), { error: 'errors.ribLength' })
  .refine(isValidRib, { error: 'errors.ribChecksum' })

export const phoneSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .transform((v, ctx) => {
    const phone = normalizeMoroccanPhone(v)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'errors.phoneInvalid' })
      return z.NEVER
    }
    return phone
  })

const arabicText = /[\u0600-\u06FF]/

/** The public face of a cooperative: what managers may edit at any time. */
export const publicProfileFields = {
  displayName: text(2, 60),
  phone: phoneSchema,
  email: emailSchema,
  commune: text(2, 100),
  address: text(5, 300),
  storyAr: text(20, 3000).refine((v) => arabicText.test(v), { error: 'errors.arabicRequired' }),
  storyFr: optionalText(3000),
  storyEn: optionalText(3000),
  memberCount: wholeNumber(1, 100000),
  womenMemberCount: wholeNumber(0, 100000),
  womenOnly: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
}

/** The legal identity of a cooperative. */
export const legalFields = {
  legalNameAr: text(3, 200).refine((v) => arabicText.test(v), { error: 'errors.arabicRequired' }),
  legalNameFr: text(3, 200),
  category: z.enum(cooperativeCategories, { error: 'errors.chooseOne' }),
  foundedYear: wholeNumber(1950, new Date().getFullYear()),
  registerNumber: text(1, 50),
  registerCourt: text(2, 150),
  ice: iceSchema,
  taxId: z
    .string({ error: 'errors.required' })
    .transform(digitsOnly)
    .refine((v) => v.length > 0, { error: 'errors.required' })
    .refine((v) => /^\d{5,10}$/.test(v), { error: 'errors.taxIdInvalid' }),
  vatStatus: z.enum(['exempt', 'liable'], { error: 'errors.chooseOne' }),
  regionCode: z.string({ error: 'errors.chooseOne' }).min(1, { error: 'errors.chooseOne' }).max(80),
  provinceCode: z
    .string({ error: 'errors.chooseOne' })
    .min(1, { error: 'errors.chooseOne' })
    .max(80),
}

export const bankFields = {
  rib: ribSchema,
  accountHolder: text(3, 150),
}

function womenNotMoreThanMembers(value: {
  memberCount: number
  womenMemberCount: number
  womenOnly: boolean
}) {
  return value.womenMemberCount <= value.memberCount
}

function womenOnlyMeansAllWomen(value: {
  memberCount: number
  womenMemberCount: number
  womenOnly: boolean
}) {
  return !value.womenOnly || value.womenMemberCount === value.memberCount
}

export const applicationSchema = z
  .object({ ...legalFields, ...publicProfileFields, ...bankFields })
  .refine(womenNotMoreThanMembers, {
    path: ['womenMemberCount'],
    error: 'errors.womenMoreThanMembers',
  })
  .refine(womenOnlyMeansAllWomen, { path: ['womenMemberCount'], error: 'errors.womenOnlyMismatch' })

export type ApplicationInput = z.output<typeof applicationSchema>

/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true')

/**
 * A manager's edit of an active cooperative: legal and public fields (bank data changes
 * apart), and whether shoppers see call and WhatsApp buttons (off until she ticks it).
 */
export const profileSchema = z
  .object({ ...legalFields, ...publicProfileFields, showContactButtons: checkbox })
  .refine(womenNotMoreThanMembers, {
    path: ['womenMemberCount'],
    error: 'errors.womenMoreThanMembers',
  })
  .refine(womenOnlyMeansAllWomen, { path: ['womenMemberCount'], error: 'errors.womenOnlyMismatch' })

export type ProfileInput = z.output<typeof profileSchema>

export const ribChangeSchema = z.object(bankFields)
