import { and, eq, inArray, isNull } from 'drizzle-orm'
import { memberships } from '#db/schema/cooperatives.ts'
import { userRoles, users } from '#db/schema/identity.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { type EmailTemplate, enqueueEmail } from '#app/modules/notifications/outbox.server.ts'

/** E-mail every manager of a cooperative, each in her own language. */
export async function emailManagers(
  tx: Queryable,
  cooperativeId: string,
  template: EmailTemplate,
  data: Record<string, string>,
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
    await enqueueEmail(tx, {
      to: manager.email,
      locale: manager.locale,
      template,
      data: { ...data, name: manager.name },
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
