import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ShoppingBag } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CartGroups } from '#app/components/orders/cart-lines.tsx'
import { getOptionalUser } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { cartSchemas, type CartIntent } from '#app/modules/cart/cart-form.server.ts'
import {
  addToCart,
  removeFromCart,
  removeUnavailable,
  reviewCart,
  setCartQuantity,
} from '#app/modules/cart/cart.server.ts'
import { viewCart } from '#app/modules/cart/views.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { cartOwnerOf, serializeCartCookie } from '#app/utils/cart-cookie.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  const owner = await cartOwnerOf(request)
  const [review, names] = await Promise.all([
    reviewCart(owner, language),
    certificationTypeNames(language),
  ])
  return {
    noIndex: true,
    title: t('cart.metaTitle'),
    cart: viewCart(review, t, names, language),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = String(formData.get('intent'))
  if (!Object.hasOwn(cartSchemas, intent)) throw new Response('Unknown intent', { status: 400 })
  const parsed = parseForm(formData, cartSchemas[intent as CartIntent], t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  const owner = await cartOwnerOf(request)
  const headers = new Headers()
  try {
    switch (input.intent) {
      case 'add': {
        const change = await addToCart({
          owner,
          variantId: input.variantId,
          quantity: input.quantity,
        })
        if (change.created) headers.append('Set-Cookie', await serializeCartCookie(change.cartId))
        const message = change.limited
          ? t('cart.addedLimited', { count: change.quantity })
          : t('cart.added')
        // With JavaScript the product page stays where it is; without, it comes back with a toast.
        if (input.stay) return data({ status: 'ok' as const, message }, { headers })
        headers.append(
          'Set-Cookie',
          await toastCookie(change.limited ? 'cart.updated' : 'cart.added'),
        )
        return redirect(safeRedirectPath(input.redirectTo, '/cart'), { headers })
      }
      case 'update':
        await setCartQuantity({ owner, variantId: input.variantId, quantity: input.quantity })
        break
      case 'remove':
        await removeFromCart(owner, input.variantId)
        break
      case 'clean':
        await removeUnavailable(owner, language)
        break
    }
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const toast = { update: 'cart.updated', remove: 'cart.removed', clean: 'cart.cleaned' }[
    input.intent
  ]
  headers.append('Set-Cookie', await toastCookie(toast))
  return redirect('/cart', { headers })
}

export default function CartPage() {
  const { cart } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const formError = reply && 'formError' in reply ? reply.formError : undefined
  const fieldError =
    reply && 'fieldErrors' in reply ? Object.values(reply.fieldErrors)[0] : undefined
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
      <h1 className="text-3xl font-semibold">{t('cart.title')}</h1>
      <FormError error={formError ?? fieldError} />
      {cart.groups.length === 0 ? (
        <div className="card flex flex-col items-center gap-4 py-10 text-center">
          <ShoppingBag aria-hidden size={48} className="text-blue" />
          <p className="text-lg">{t('cart.empty')}</p>
          <Link to="/products" className="btn-primary">
            {t('cart.emptyCta')}
          </Link>
        </div>
      ) : (
        <>
          <CartGroups cart={cart} editable />
          <section className="card flex flex-col gap-3" aria-label={t('checkout.summary')}>
            <p className="flex justify-between text-lg">
              <span>{t('cart.subtotal')}</span>
              <span className="font-semibold">{cart.items}</span>
            </p>
            <p className="text-sm text-ink-soft">{t('cart.shippingNote')}</p>
            {cart.hasUnavailable ? (
              <Form method="post">
                <input type="hidden" name="intent" value="clean" />
                <button type="submit" className="btn-secondary w-full">
                  {t('cart.removeUnavailable')}
                </button>
              </Form>
            ) : null}
            {cart.count > 0 && !cart.hasUnavailable ? (
              <Link to="/checkout" className="btn-buy w-full text-center">
                {t('cart.checkout')}
              </Link>
            ) : null}
            <Link to="/products" className="text-center">
              {t('cart.continue')}
            </Link>
          </section>
        </>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
