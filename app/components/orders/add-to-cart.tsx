import { Link, useFetcher, useLocation } from '@remix-run/react'
import { ShoppingCart } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

type Reply =
  | { status: 'ok'; message: string }
  | { status: 'error'; formError?: string; fieldErrors?: Record<string, string> }

/**
 * Add a variant to the cart: a plain form to /cart that comes back to this page without
 * JavaScript; with it, the page stays put, says what happened, and the header's count updates.
 */
export function AddToCart({ variantId }: { variantId: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  const fetcher = useFetcher<Reply>()
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  // One form element from the first render on: before hydration (or without JavaScript) it
  // posts like a plain form; swapping components at hydration would remount it and reset a
  // quantity typed meanwhile.
  const reply = fetcher.data
  const message =
    reply?.status === 'ok'
      ? reply.message
      : (reply?.formError ?? Object.values(reply?.fieldErrors ?? {})[0])
  return (
    <div className="flex flex-col gap-2">
      <fetcher.Form method="post" action="/cart" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="variantId" value={variantId} />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
        <label className="flex flex-col gap-1">
          <span className="font-semibold">{t('product.quantity')}</span>
          {/* type="text": a number input would refuse a quantity typed in Arabic-Indic digits. */}
          <input
            type="text"
            name="quantity"
            defaultValue={1}
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            className="field-input w-24"
          />
        </label>
        <button
          type="submit"
          className="btn-buy min-h-12 text-lg"
          disabled={fetcher.state !== 'idle'}
        >
          <ShoppingCart aria-hidden size={22} className="rtl:-scale-x-100" />
          {t('product.addToCart')}
        </button>
      </fetcher.Form>
      <p
        role="status"
        aria-live="polite"
        className={
          reply?.status === 'error' ? 'font-semibold text-danger' : 'font-semibold text-olive'
        }
      >
        {message ? (
          <>
            {message}{' '}
            {reply?.status === 'ok' ? <Link to="/cart">{t('product.viewCart')}</Link> : null}
          </>
        ) : null}
      </p>
    </div>
  )
}
