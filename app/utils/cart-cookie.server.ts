// The guest cart's cookie: a signed cookie holding the cart's id. The web layer turns a
// request into the cart owner that the cart module works with.
import { createCookie, type Cookie } from '@remix-run/node'
import { cookieSecrets, getSessionUser } from '#app/modules/auth/session.server.ts'
import { mergeGuestCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import { secureCookiesEnabled } from './env.server.ts'
import { isUuid } from './ids.ts'

let cookiePromise: Promise<Cookie> | undefined

async function cartCookie(): Promise<Cookie> {
  cookiePromise ??= (async () =>
    createCookie('taawun_cart', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookiesEnabled(),
      secrets: await cookieSecrets(),
      maxAge: 60 * 60 * 24 * 60,
    }))()
  return cookiePromise
}

export function resetCartCookieCache() {
  cookiePromise = undefined
}

/** Who owns the cart of this request: the signed-in user, or the guest cart of the cookie. */
export async function cartOwnerOf(request: Request): Promise<CartOwner> {
  const user = await getSessionUser(request)
  const cookie = await cartCookie()
  const value: unknown = await cookie.parse(request.headers.get('cookie'))
  const guestCartId = typeof value === 'string' && isUuid(value) ? value : null
  return { userId: user?.id ?? null, guestCartId }
}

export async function serializeCartCookie(cartId: string) {
  return (await cartCookie()).serialize(cartId)
}

export async function clearCartCookie() {
  return (await cartCookie()).serialize('', { maxAge: 0 })
}

/**
 * At sign-in: the guest cart of the cookie joins the account's cart. Returns the header that
 * clears the guest cookie, or null when there was none.
 */
export async function adoptGuestCart(request: Request, userId: string): Promise<string | null> {
  const cookie = await cartCookie()
  const value: unknown = await cookie.parse(request.headers.get('cookie'))
  if (typeof value !== 'string' || !isUuid(value)) return null
  await mergeGuestCart({ userId, guestCartId: value })
  return clearCartCookie()
}
