import { eq } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { demoCooperatives } from './data/demo-cooperatives.ts'
import { addMembership, createCooperative, createMaker, createUser } from './factories.ts'

/** Every demo account signs in with this password (printed in the README). */
export const demoPassword = 'taawun-demo-2026'

/** The invented cooperatives of the demo world, with their teams and makers. Idempotent. */
export async function seedDemoWorld(db: Queryable) {
  const passwordHash = await hashPassword(demoPassword)
  let created = 0
  for (const demo of demoCooperatives) {
    const [existing] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(eq(cooperatives.slug, demo.slug))
    if (existing) continue
    const {
      manager,
      members,
      makers,
      regionCode: _region,
      provinceCode,
      brandColor: _color,
      ...fields
    } = demo
    const cooperative = await createCooperative(db, {
      ...fields,
      provinceCode,
      decidedAt: demo.status === 'applied' ? null : new Date(),
    })
    const managerUser = await createUser(db, { ...manager, passwordHash, locale: 'ar' })
    await addMembership(db, {
      cooperativeId: cooperative.id,
      userId: managerUser.id,
      role: 'manager',
    })
    for (const member of members) {
      const user = await createUser(db, { ...member, passwordHash, locale: 'ar' })
      await addMembership(db, { cooperativeId: cooperative.id, userId: user.id, role: 'member' })
    }
    for (const maker of makers) {
      await createMaker(db, {
        cooperativeId: cooperative.id,
        name: maker.name,
        bioAr: maker.bioAr,
        bioFr: maker.bioFr,
        bioEn: maker.bioEn,
        consent: maker.showPublicly,
      })
    }
    created++
  }
  return created
}
