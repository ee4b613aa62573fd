// The cart made ready for pages: money formatted, notices in words.
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { imageUrl } from '#app/modules/media/image-urls.ts'
import { type CartLine, type CartReview } from './cart.server.ts'

function noticeText(
  notice: CartLine['notices'][number],
  t: Translate,
  names: Record<string, string>,
  language: Language,
) {
  switch (notice.kind) {
    case 'unavailable': {
      const reason = notice.reason
      return t(`cart.reason.${reason.kind}`, {
        type: 'type' in reason ? (names[reason.type] ?? reason.type) : '',
      })
    }
    case 'quantity_lowered':
      return t('cart.notice.quantityLowered', { count: notice.to })
    case 'price_changed':
      return t('cart.notice.priceChanged', {
        from: formatMoney(notice.from, language),
        to: formatMoney(notice.to, language),
      })
  }
}

export function viewCart(
  review: CartReview,
  t: Translate,
  names: Record<string, string>,
  language: Language,
) {
  return {
    count: review.count,
    hasUnavailable: review.hasUnavailable,
    items: formatMoney(review.itemsCentimes, language),
    groups: review.groups.map((g) => ({
      cooperativeId: g.cooperative.id,
      cooperative: g.cooperative.name,
      cooperativeSlug: g.cooperative.slug,
      province: g.cooperative.province,
      items: formatMoney(g.itemsCentimes, language),
      lines: g.lines.map((l) => ({
        variantId: l.variantId,
        productSlug: l.productSlug,
        title: l.title,
        variantLabel: l.variantLabel,
        image: l.image
          ? imageUrl(
              l.image.variants.find((v) => v.width === 320 && v.format === 'webp')?.key ??
                l.image.key,
            )
          : null,
        unitPrice: formatMoney(l.unitPriceCentimes, language),
        line: formatMoney(l.lineCentimes, language),
        quantity: l.available > 0 ? l.available : l.quantity,
        maxQuantity: l.maxQuantity,
        available: l.available > 0,
        notices: l.notices.map((n) => ({
          kind: n.kind,
          text: noticeText(n, t, names, language),
        })),
      })),
    })),
  }
}

export type CartView = ReturnType<typeof viewCart>
