// Call and WhatsApp buttons of a cooperative that chose to show them (profile setting, off
// by default). Pure, so that pages and tests build the same addresses.

export type ContactLinks = {
  /** The number as people read it, e.g. "+212 539 67 02 48". */
  display: string
  tel: string
  whatsapp: string
}

/**
 * The cooperative's links, or null when it keeps its number to itself. `phone` is the stored
 * international form (+212…); `message` is the text WhatsApp opens with (the page's link).
 */
export function contactLinks(phone: string | null, message: string): ContactLinks | null {
  if (!phone) return null
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 8) return null
  const local = digits.startsWith('212') ? digits.slice(3) : null
  const display = local
    ? `+212 ${local.slice(0, 3)} ${local.slice(3, 5)} ${local.slice(5, 7)} ${local.slice(7)}`
    : `+${digits}`
  return {
    display,
    tel: `tel:+${digits}`,
    whatsapp: `https://wa.me/${digits}?text=${encodeURIComponent(message)}`,
  }
}
