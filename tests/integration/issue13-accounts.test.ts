// Issue 13, item 7: what a plain member sees of the bank account, and who a run of wrong
// passwords locks out.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { createCooperativeWithTeam, createUser, testPassword } from '#db/seed/factories.ts'
import { ibanFromRib } from '#app/modules/cooperatives/identifiers.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as profileLoader } from '#app/routes/coop.$slug.profile.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { call, context, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'

type Profile = { profile: { iban: string | null; rib: string | null } }

describe('the bank account on the profile page', () => {
  test('a manager sees the IBAN in full; a member only its last four digits', async () => {
    const { cooperative, manager, member } = await createCooperativeWithTeam(db)
    const path = `/coop/${cooperative.slug}/profile`
    const params = { slug: cooperative.slug }
    const [row] = await db
      .select({ rib: cooperatives.rib })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperative.id))
    const rib = row!.rib!
    const full = ibanFromRib(rib)
    const asManager = dataOf<Profile>(
      await call(profileLoader, makeRequest(path, { cookie: await loginAs(manager) }), params),
    )
    expect(asManager.profile.iban?.replace(/\s/g, '')).toBe(full)
    const asMember = dataOf<Profile>(
      await call(profileLoader, makeRequest(path, { cookie: await loginAs(member) }), params),
    )
    expect(asMember.profile.rib).toBeNull()
    expect(asMember.profile.iban).toMatch(/^[•\s]+\d{4}$/)
    expect(asMember.profile.iban?.endsWith(full.slice(-4))).toBe(true)
    expect(JSON.stringify(asMember)).not.toContain(full.slice(4, 20))
    expect(JSON.stringify(asMember)).not.toContain(rib.slice(0, 20))
  })
})

describe('wrong passwords', () => {
  function attempt(email: string, password: string, clientIp: string) {
    return call(
      loginAction,
      makeRequest('/login', { form: { email, password }, language: 'en' }),
      {},
      context({ clientIp }),
    )
  }

  test('five from one address lock that address out of the account, not its owner elsewhere', async () => {
    const manager = await createUser(db, { email: 'manager@example.com' })
    for (let i = 0; i < 5; i++) {
      expect(statusOf(await attempt(manager.email, 'wrong-guess', '198.51.100.9'))).toBe(400)
    }
    expect(statusOf(await attempt(manager.email, 'wrong-guess', '198.51.100.9'))).toBe(429)
    // The right password from the attacker's address is refused too: no guessing past it.
    expect(statusOf(await attempt(manager.email, testPassword, '198.51.100.9'))).toBe(429)
    // The manager, from her own address, signs in.
    expect(statusOf(await attempt(manager.email, testPassword, '203.0.113.50'))).toBe(302)
  })
})
