import { describe, expect, test } from 'vitest'
import { type Language } from '#app/modules/i18n/config.ts'
import { formatNumber } from '#app/modules/i18n/format.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'
import { countLabel } from './catalog-listing.tsx'

describe('counts in a listing', () => {
  test('past the cap they read "10,000+" in the reader\'s language; up to it, exactly', async () => {
    const shown: Record<Language, { total: string; facet: string; exact: string }> = {
      ar: { total: '', facet: '', exact: '' },
      fr: { total: '', facet: '', exact: '' },
      en: { total: '', facet: '', exact: '' },
    }
    for (const language of ['ar', 'fr', 'en'] as const) {
      const t = await translatorFor(language)
      const label = (n: number) => countLabel(n, 10_000, language, t)
      // Exact up to the cap, in the language's digits grouping (Western digits everywhere).
      expect(label(0)).toBe('0')
      expect(label(24)).toBe('24')
      expect(label(9_999)).toBe(formatNumber(9_999, language))
      expect(label(10_000)).toBe(formatNumber(10_000, language))
      expect(label(10_001)).not.toMatch(/[٠-٩]/)
      shown[language] = {
        total: t('catalog.resultCount', { shown: label(10_001) }),
        facet: t('catalog.facetShown', { label: 'X', shown: label(12_345) }),
        exact: t('catalog.resultCount', { shown: label(1_234) }),
      }
    }
    expect(shown.en).toEqual({
      total: 'Products found: 10,000+',
      facet: 'X (10,000+)',
      exact: 'Products found: 1,234',
    })
    const fr = formatNumber(10_000, 'fr')
    expect(fr).toMatch(/^10\D000$/)
    expect(shown.fr).toEqual({
      total: `Produits trouvés : plus de ${fr}`,
      facet: `X (plus de ${fr})`,
      exact: `Produits trouvés : ${formatNumber(1_234, 'fr')}`,
    })
    const ar = formatNumber(10_000, 'ar')
    expect(ar).toMatch(/^10\D000$/)
    expect(shown.ar).toEqual({
      total: `عدد المنتجات: أكثر من ${ar}`,
      facet: `X (أكثر من ${ar})`,
      exact: `عدد المنتجات: ${formatNumber(1_234, 'ar')}`,
    })
  })

  test('a lowered cap shows its own number', async () => {
    const t = await translatorFor('en')
    expect(countLabel(4, 3, 'en', t)).toBe('3+')
    expect(countLabel(3, 3, 'en', t)).toBe('3')
  })
})
