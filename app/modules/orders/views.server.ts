// Orders made ready for pages: money and dates formatted in the reader's language.
import { type CartReview } from '#app/modules/cart/cart.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { type CheckoutSummary } from './checkout.server.ts'
import { type CooperativePart } from './queries.server.ts'

export function summaryView(review: CartReview, summary: CheckoutSummary, language: Language) {
  const money = (c: number | null) => (c === null ? null : formatMoney(c, language))
  return {
    groups: summary.groups.map((g) => ({
      cooperativeId: g.cooperativeId,
      cooperative: review.groups.find((r) => r.cooperative.id === g.cooperativeId)!.cooperative
        .name,
      items: formatMoney(g.itemsCentimes, language),
      shipping: money(g.shippingCentimes),
    })),
    items: formatMoney(summary.itemsCentimes, language),
    shipping: money(summary.shippingCentimes),
    total: money(summary.totalCentimes),
  }
}

/** A cooperative order with its lines, history and next moves, for any of the three sides. */
export function partView(part: CooperativePart, t: Translate, language: Language) {
  return {
    id: part.id,
    status: part.status,
    cooperative: part.cooperativeName,
    cooperativeSlug: part.cooperativeSlug,
    cooperativePhone: part.cooperativePhone,
    items: formatMoney(part.itemsCentimes, language),
    shipping: formatMoney(part.shippingCentimes, language),
    total: formatMoney(part.totalCentimes, language),
    tracking:
      part.carrier && part.trackingNumber
        ? t('orders.tracking', {
            carrier: t(`orders.carriers.${part.carrier}`),
            tracking: part.trackingNumber,
          })
        : null,
    cancelReason: part.cancelReason,
    actions: part.actions,
    lines: part.items.map((i) => ({
      id: i.id,
      productSlug: i.productSlug,
      title: i.title,
      variantLabel: i.variantLabel,
      sku: i.sku,
      quantity: i.quantity,
      unitPrice: formatMoney(i.unitPriceCentimes, language),
      line: formatMoney(i.lineCentimes, language),
    })),
    events: part.events.map((e) => ({
      id: e.id,
      label: t(`orders.events.${e.action}`),
      actor: t(`orders.actor.${e.actorKind}`),
      note: e.note,
      date: formatDate(e.createdAt, language, 'datetime'),
      dateTime: new Date(e.createdAt).toISOString(),
    })),
  }
}
export type PartView = ReturnType<typeof partView>
