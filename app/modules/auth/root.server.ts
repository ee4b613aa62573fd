import { eq } from 'drizzle-orm'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { getSessionUser, readToast } from './session.server.ts'

/** What every page needs: the reader's language, who is signed in, and a pending toast. */
export async function getRootData(request: Request) {
  const [{ t, language }, sessionUser, { toast, setCookie }] = await Promise.all([
    getTranslator(request),
    getSessionUser(request),
    readToast(request),
  ])
  let user = null
  if (sessionUser) {
    const teams = await db
      .select({ slug: cooperatives.slug, displayName: cooperatives.displayName })
      .from(memberships)
      .innerJoin(cooperatives, eq(cooperatives.id, memberships.cooperativeId))
      .where(eq(memberships.userId, sessionUser.id))
      .orderBy(cooperatives.displayName)
    user = {
      name: sessionUser.name,
      isAssociation: sessionUser.roles.length > 0,
      cooperatives: teams,
    }
  }
  return {
    language,
    origin: publicOrigin(),
    user,
    toast: toast ? { type: toast.type, message: t(toast.message) } : null,
    errorTitles: Object.fromEntries(
      (['notFound', 'forbidden', 'tooMany', 'badRequest', 'server'] as const).map((kind) => [
        kind,
        `${t(`errorPage.${kind}.title`)} — ${t('brand.name')}`,
      ]),
    ),
    setCookie,
  }
}
