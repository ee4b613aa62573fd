import { describe, expect, test } from 'vitest'
import { productSlug } from './slugs.ts'

describe('productSlug', () => {
  test.each([
    ['زيت الأركان البلدي', 'زيت-الأركان-البلدي'],
    // Short vowels, shadda and the tatweel are dropped: the same word, however it was typed.
    ['عَسَلُ الزَّعْتَر', 'عسل-الزعتر'],
    ['كـسـكـس بالشعير', 'كسكس-بالشعير'],
    // Arabic-Indic digits become Western digits.
    ['أملو ٥٠٠ غرام', 'أملو-500-غرام'],
    ['Savon à l’huile d’olive & romarin', 'savon-a-l-huile-d-olive-romarin'],
    ['Miel de thym — 250 g', 'miel-de-thym-250-g'],
    ['زيت أركان Argan 100%', 'زيت-أركان-argan-100'],
    ['ⵜⴰⵎⵓⵔⵜ', 'ⵜⴰⵎⵓⵔⵜ'],
    // Hamza and madda are spelling, kept; presentation forms (ﻻ) become plain letters.
    ['مائدة مؤثثة آمنة', 'مائدة-مؤثثة-آمنة'],
    ['ﻻمبة', 'لامبة'],
  ])('%s → %s', (title, slug) => {
    expect(productSlug(title)).toBe(slug)
  })

  test('cut between words, at most 60 characters', () => {
    const slug = productSlug('زربية '.repeat(20))
    expect([...slug].length).toBeLessThanOrEqual(60)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug.split('-').every((w) => w === 'زربية')).toBe(true)
  })

  test('nothing to build on: empty, for the caller to choose', () => {
    expect(productSlug('— !!! —')).toBe('')
  })
})
