// Numbers as people type them on Moroccan phones and keyboards, read the one same way in every
// form: Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits, the Arabic decimal separator
// (٫) or a comma as decimal mark («85,50»), the Arabic thousands separator (٬) or spaces
// between thousands, and a price followed (or preceded) by its currency («85 درهم», «85 DH»).
// No floating point: a value is its digits, and money ends in integer centimes.
import { z } from 'zod'

const arabicIndic = /[\u0660-\u0669\u06F0-\u06F9]/g

/** Arabic-Indic and Eastern Arabic-Indic digits to 0-9; everything else untouched. */
export function westernDigits(input: string): string {
  return input.replace(arabicIndic, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

// The currency, written before or after the amount: «درهم», «دراهم», «د.م.», «DH», «Dhs»,
// «MAD», «dirhams». Longest first, so «دراهم» is not read as «د» + garbage.
const currency = String.raw`(?:درهما|درهم|دراهم|د\.?\s?م\.?|dirhams?|dhs?|mad)`
const leadingCurrency = new RegExp(`^${currency}(?![\\p{L}])`, 'iu')
const trailingCurrency = new RegExp(`(?<![\\p{L}])${currency}$`, 'iu')

// Spaces people (and keyboards) put between thousands: plain, no-break, narrow no-break,
// thin; and the right-to-left / left-to-right marks an Arabic keyboard slips in.
const spacing = /[\s\u00a0\u2009\u202f\u200e\u200f\u061c]/g

/**
 * A typed number in canonical form ("1200", "85.5"), or null when it is not a plain
 * non-negative number. The last `.`, `,` or `٫` is the decimal mark; any earlier ones, and
 * `٬` or spaces, must separate groups of three digits. The currency may be written around it.
 */
export function normalizeNumberInput(input: string): string | null {
  let text = westernDigits(input.normalize('NFKC')).replace(spacing, ' ').trim()
  text = text.replace(leadingCurrency, '').replace(trailingCurrency, '').trim()
  // The Arabic comma (،) is what some keyboards give for «,».
  text = text.replace(/[٫،]/g, ',')
  if (!/^[\d ٬.,]+$/.test(text) || !/\d/.test(text)) return null
  const lastMark = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','))
  const whole = lastMark === -1 ? text : text.slice(0, lastMark)
  const fraction = lastMark === -1 ? '' : text.slice(lastMark + 1)
  if (lastMark !== -1 && !/^\d+$/.test(fraction)) return null
  const groups = whole.split(/[ ٬.,]/)
  if (groups.length > 1) {
    // Thousands: one to three digits, then groups of exactly three.
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))
      return null
  } else if (!/^\d*$/.test(whole) || (whole === '' && fraction === '')) {
    return null
  }
  const digits = groups.join('').replace(/^0+(?=\d)/, '') || '0'
  return fraction ? `${digits}.${fraction}` : digits
}

/** A whole number as typed (digits only, no decimals), or null. */
export function parseWholeNumber(input: string, maxDigits = 9): number | null {
  const canonical = normalizeNumberInput(input)
  if (canonical === null || !/^\d+$/.test(canonical) || canonical.length > maxDigits) return null
  return Number(canonical)
}

/**
 * An amount of dirhams as typed, in integer centimes: «85,50 درهم» → 8550. At most two
 * decimals and `maxWholeDigits` digits of dirhams; null otherwise.
 */
export function parseCentimes(input: string, maxWholeDigits = 7): number | null {
  const canonical = normalizeNumberInput(input)
  const match = canonical === null ? null : /^(\d+)(?:\.(\d{1,2}))?$/.exec(canonical)
  if (!match || match[1]!.length > maxWholeDigits) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

type Bounds = { min?: number; max?: number; error: string; tooSmall?: string; tooLarge?: string }

function bounded(value: number, bounds: Bounds, ctx: z.RefinementCtx) {
  if (bounds.min !== undefined && value < bounds.min) {
    ctx.addIssue({ code: 'custom', message: bounds.tooSmall ?? bounds.error })
    return false
  }
  if (bounds.max !== undefined && value > bounds.max) {
    ctx.addIssue({ code: 'custom', message: bounds.tooLarge ?? bounds.error })
    return false
  }
  return true
}

/**
 * A form field holding a whole number (quantity, stock, grams, days, a count). Blank is
 * `required`'s message (or null when `optional`); anything not a number is `error`.
 */
export function wholeNumberField(bounds: Bounds & { required?: string }) {
  return z.string({ error: bounds.required ?? bounds.error }).transform((v, ctx) => {
    if (v.trim() === '' && bounds.required) {
      ctx.addIssue({ code: 'custom', message: bounds.required })
      return z.NEVER
    }
    const value = parseWholeNumber(v)
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: bounds.error })
      return z.NEVER
    }
    return bounded(value, bounds, ctx) ? value : z.NEVER
  })
}

/** The same, where leaving it blank is allowed: null then. */
export function optionalWholeNumberField(bounds: Bounds) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null
      const value = parseWholeNumber(v)
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: bounds.error })
        return z.NEVER
      }
      return bounded(value, bounds, ctx) ? value : z.NEVER
    })
}

/** A form field holding an amount of dirhams, parsed to integer centimes. */
export function moneyField(bounds: Bounds & { required?: string }) {
  return z.string({ error: bounds.required ?? bounds.error }).transform((v, ctx) => {
    if (v.trim() === '' && bounds.required) {
      ctx.addIssue({ code: 'custom', message: bounds.required })
      return z.NEVER
    }
    const centimes = parseCentimes(v)
    if (centimes === null) {
      ctx.addIssue({ code: 'custom', message: bounds.error })
      return z.NEVER
    }
    return bounded(centimes, bounds, ctx) ? centimes : z.NEVER
  })
}
