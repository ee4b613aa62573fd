// Product addresses from their titles, in any script (ADR 017): Arabic letters stay Arabic,
// Latin letters lose their accents, everything else becomes a hyphen.
import { westernDigits } from '#app/utils/numbers.ts'

const maxLength = 60

/**
 * Arabic short vowels, shadda, sukun, Quranic marks, the superscript alef and the tatweel;
 * not the hamza and madda, which are part of the spelling (أ, ؤ, ئ, آ).
 */
const arabicMarks = /[\u0610-\u061A\u064B-\u0652\u0656-\u065F\u0670\u06D6-\u06ED\u0640]/g

/**
 * The slug of a product title: lower-case letters and digits of any script joined by
 * hyphens, at most 60 characters, cut between words. Empty when the title has no letter or
 * digit (the caller chooses a fallback).
 */
export function productSlug(title: string): string {
  const words = westernDigits(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(arabicMarks, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if ([...next].length > maxLength) break
    slug = next
  }
  return slug || [...(words[0] ?? '')].slice(0, maxLength).join('')
}
