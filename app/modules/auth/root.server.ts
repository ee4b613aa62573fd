import { eq } from 'drizzle-orm'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'
import { getTranslator, languageCookie } from '#app/modules/i18n/i18n.server.ts'
import { isLanguage } from '#app/modules/i18n/config.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { cartCount } from '#app/modules/cart/cart.server.ts'
import { cartOwnerOf } from '#app/utils/cart-cookie.server.ts'
import { getSessionUser, needsSecondFactor, readToast } from './session.server.ts'

/** What every page needs: the reader's language, who is signed in, and a pending toast. */
export async function getRootData(request: Request) {
  const [{ t, language }, sessionUser, { toast, setCookie }] = await Promise.all([
    getTranslator(request),
    getSessionUser(request),
    readToast(request),
  ])
  let user = null
  // Half signed in (password typed, second factor not yet): shown as signed out.
  if (sessionUser && !needsSecondFactor(sessionUser)) {
    const teams = await db
      .select({ slug: cooperatives.slug, displayName: cooperatives.displayName })
      .from(memberships)
      .innerJoin(cooperatives, eq(cooperatives.id, memberships.cooperativeId))
      .where(eq(memberships.userId, sessionUser.id))
      .orderBy(cooperatives.displayName)
    user = {
      name: sessionUser.name,
      isAssociation: sessionUser.roles.length > 0,
      emailVerified: sessionUser.emailVerifiedAt !== null,
      cooperatives: teams,
    }
  }
  // A reader who arrives on a page in a given language (`?lng=fr`, a shared link or a search
  // result) keeps it while browsing on: the URL's choice is remembered like the switcher's.
  const cookies: string[] = setCookie ? [setCookie] : []
  const fromUrl = new URL(request.url).searchParams.get('lng')
  if (isLanguage(fromUrl)) {
    const remembered = await languageCookie.parse(request.headers.get('cookie'))
    if (remembered !== fromUrl) cookies.push(await languageCookie.serialize(fromUrl))
  }
  return {
    language,
    origin: publicOrigin(),
    user,
    cartCount: await cartCount(await cartOwnerOf(request)),
    toast: toast ? { type: toast.type, message: t(toast.message) } : null,
    errorTitles: Object.fromEntries(
      (['notFound', 'forbidden', 'tooMany', 'badRequest', 'server'] as const).map((kind) => [
        kind,
        `${t(`errorPage.${kind}.title`)} — ${t('brand.name')}`,
      ]),
    ),
    setCookies: cookies,
  }
}
