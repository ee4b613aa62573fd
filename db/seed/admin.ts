import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { userRoles } from '#db/schema/identity.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { createUser } from './factories.ts'

/**
 * The first association admin, from ADMIN_EMAIL/ADMIN_PASSWORD or else with a generated
 * password that is returned once so the caller can print it.
 */
export async function ensureAdmin(
  db: Queryable,
  input: { email?: string; password?: string },
): Promise<
  { created: false } | { created: true; email: string; generatedPassword: string | null }
> {
  const [existing] = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.role, 'admin'))
    .limit(1)
  if (existing) return { created: false }
  const email = input.email ?? 'admin@taawun.ma'
  const generatedPassword = input.password ? null : crypto.randomBytes(12).toString('base64url')
  await createUser(db, {
    email,
    name: 'Taawun admin',
    password: input.password ?? generatedPassword ?? undefined,
    roles: ['admin'],
    locale: 'ar',
  })
  return { created: true, email, generatedPassword }
}
