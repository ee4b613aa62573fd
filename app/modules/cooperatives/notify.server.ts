import { and, eq, inArray, isNull } from 'drizzle-orm'
import { memberships } from '#db/schema/cooperatives.ts'
import { userRoles, users } from '#db/schema/identity.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { isLanguage, type Language } from '#app/modules/i18n/config.ts'
import { type Translate, translatorFor } from '#app/modules/i18n/i18n.server.ts'
import { type EmailTemplate, enqueueEmail } from '#app/modules/notifications/outbox.server.ts'

/** Template values, or a function giving them in each recipient's language. */
export type EmailData =
  Record<string, string> | ((t: Translate, language: Language) => Record<string, string>)

/** E-mail every manager of a cooperative, each in her own language. */
export async function emailManagers(
  tx: Queryable,
  cooperativeId: string,
  template: EmailTemplate,
  data: EmailData,
) {
  const managers = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.cooperativeId, cooperativeId),
        eq(memberships.role, 'manager'),
        isNull(users.disabledAt),
      ),
    )
  for (const manager of managers) {
    const language: Language = isLanguage(manager.locale) ? manager.locale : 'ar'
    const values = typeof data === 'function' ? data(await translatorFor(language), language) : data
    await enqueueEmail(tx, {
      to: manager.email,
      locale: manager.locale,
      template,
      data: { ...values, name: manager.name },
    })
  }
}

/** E-mail the association's reviewers and admins. */
export async function emailReviewers(
  tx: Queryable,
  template: EmailTemplate,
  data: Record<string, string>,
) {
  const reviewers = await tx
    .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, ['reviewer', 'admin']), isNull(users.disabledAt)))
  for (const reviewer of reviewers) {
    await enqueueEmail(tx, {
      to: reviewer.email,
      locale: reviewer.locale,
      template,
      data: { ...data, name: reviewer.name },
    })
  }
}
