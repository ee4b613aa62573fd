import { Form, Link } from '@remix-run/react'
import { AlertTriangle, Info, Trash2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { type CartView } from '#app/modules/cart/views.server.ts'

/** The cart's lines grouped by cooperative, each with its quantity and remove forms. */
export function CartGroups({ cart, editable }: { cart: CartView; editable: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-4">
      {cart.groups.map((group) => (
        <section
          key={group.cooperativeId}
          aria-label={t('cart.soldBy', { cooperative: group.cooperative })}
          className="card flex flex-col gap-3"
        >
          <h2 className="text-lg font-semibold">
            {t('cart.soldBy', { cooperative: '' })}
            <Link to={`/cooperatives/${group.cooperativeSlug}`}>
              <bdi>{group.cooperative}</bdi>
            </Link>
            <span className="text-sm font-normal text-ink-soft"> · {group.province}</span>
          </h2>
          <ul className="flex flex-col divide-y divide-sand-dark">
            {group.lines.map((line) => (
              <li key={line.variantId} className="flex gap-3 py-3">
                {line.image ? (
                  <img
                    src={line.image}
                    alt=""
                    width={80}
                    height={80}
                    loading="lazy"
                    className="size-20 shrink-0 rounded-lg bg-sand-dark object-cover"
                  />
                ) : (
                  <div className="size-20 shrink-0 rounded-lg bg-sand-dark" />
                )}
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <Link to={`/products/${line.productSlug}`} className="font-semibold" dir="auto">
                    {line.title}
                  </Link>
                  {line.variantLabel ? (
                    <span className="text-sm text-ink-soft" dir="auto">
                      {line.variantLabel}
                    </span>
                  ) : null}
                  <span className="text-sm">{t('cart.each', { price: line.unitPrice })}</span>
                  {line.notices.map((notice) => (
                    <p
                      key={notice.kind}
                      className={`flex items-start gap-1 text-sm font-semibold ${notice.kind === 'unavailable' ? 'text-danger' : 'text-terracotta'}`}
                    >
                      {notice.kind === 'unavailable' ? (
                        <AlertTriangle aria-hidden size={16} className="mt-0.5 shrink-0" />
                      ) : (
                        <Info aria-hidden size={16} className="mt-0.5 shrink-0" />
                      )}
                      {notice.text}
                    </p>
                  ))}
                  {editable ? (
                    <div className="mt-1 flex flex-wrap items-end gap-2">
                      {line.available ? (
                        <Form method="post" action="/cart" className="flex items-end gap-2">
                          <input type="hidden" name="intent" value="update" />
                          <input type="hidden" name="variantId" value={line.variantId} />
                          <label className="flex flex-col text-sm">
                            <span className="sr-only">
                              {t('cart.quantityOf', { title: line.title })}
                            </span>
                            <input
                              type="text"
                              name="quantity"
                              defaultValue={line.quantity}
                              inputMode="numeric"
                              autoComplete="off"
                              dir="ltr"
                              className="field-input min-h-11 w-20"
                            />
                          </label>
                          <button type="submit" className="btn-secondary min-h-11">
                            {t('cart.update')}
                          </button>
                        </Form>
                      ) : null}
                      <Form method="post" action="/cart">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="variantId" value={line.variantId} />
                        <button
                          type="submit"
                          className="btn min-h-11 px-3 text-danger"
                          aria-label={t('cart.removeItem', { title: line.title })}
                        >
                          <Trash2 aria-hidden size={18} />
                          <span>{t('cart.remove')}</span>
                        </button>
                      </Form>
                    </div>
                  ) : (
                    <span className="text-sm">
                      {t('cart.quantity')}: {line.quantity}
                    </span>
                  )}
                </div>
                <p className="shrink-0 font-semibold">{line.available ? line.line : '—'}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
