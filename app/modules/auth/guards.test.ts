import { describe, expect, test } from 'vitest'
import { createCooperativeWithTeam, createUser } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as adminLoader } from '#app/routes/admin._index.tsx'
import { loader as accountLoader } from '#app/routes/account.tsx'
import { loader as coopLoader } from '#app/routes/coop.$slug._index.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { revokeAllSessions, revokeSession } from './session.server.ts'
import { getSessionUser } from './session.server.ts'

describe('guards', () => {
  test('a guest is sent to log in, and comes back afterwards', async () => {
    const result = await call(accountLoader, makeRequest('/account?tab=1'))
    expect(statusOf(result)).toBe(302)
    expect((result as Response).headers.get('location')).toBe(
      '/login?redirectTo=%2Faccount%3Ftab%3D1',
    )
  })

  test('a customer gets 403 on association pages', async () => {
    const customer = await createUser(db)
    const result = await call(
      adminLoader,
      makeRequest('/admin', { cookie: await loginAs(customer) }),
    )
    expect(statusOf(result)).toBe(403)
  })

  test.each(['reviewer', 'finance', 'admin'] as const)(
    'a %s reaches the association pages',
    async (role) => {
      const staff = await createUser(db, { roles: [role] })
      const result = await call(
        adminLoader,
        makeRequest('/admin', { cookie: await loginAs(staff) }),
      )
      expect(statusOf(result)).toBe(200)
    },
  )

  test("a member of cooperative A gets 404 on cooperative B's dashboard, and her own works", async () => {
    const a = await createCooperativeWithTeam(db)
    const b = await createCooperativeWithTeam(db)
    for (const user of [a.manager, a.member]) {
      const cookie = await loginAs(user)
      const other = await call(coopLoader, makeRequest(`/coop/${b.cooperative.slug}`, { cookie }), {
        slug: b.cooperative.slug,
      })
      expect(statusOf(other)).toBe(404)
      const own = await call(coopLoader, makeRequest(`/coop/${a.cooperative.slug}`, { cookie }), {
        slug: a.cooperative.slug,
      })
      expect(statusOf(own)).toBe(200)
      expect(dataOf<{ cooperative: { id: string } }>(own).cooperative.id).toBe(a.cooperative.id)
    }
  })

  test('association staff are not members of cooperatives by virtue of their role', async () => {
    const a = await createCooperativeWithTeam(db)
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const result = await call(
      coopLoader,
      makeRequest(`/coop/${a.cooperative.slug}`, { cookie: await loginAs(reviewer) }),
      { slug: a.cooperative.slug },
    )
    expect(statusOf(result)).toBe(404)
  })

  test('a revoked session no longer works', async () => {
    const customer = await createUser(db)
    const cookie = await loginAs(customer)
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie })))).toBe(200)
    const user = await getSessionUser(makeRequest('/account', { cookie }))
    await revokeSession(user!.sessionId)
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie })))).toBe(302)
  })

  test('log out everywhere ends every session of the user and only theirs', async () => {
    const customer = await createUser(db)
    const other = await createUser(db)
    const phone = await loginAs(customer)
    const laptop = await loginAs(customer)
    const someoneElse = await loginAs(other)
    await revokeAllSessions(customer.id)
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie: phone })))).toBe(
      302,
    )
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie: laptop })))).toBe(
      302,
    )
    expect(
      statusOf(await call(accountLoader, makeRequest('/account', { cookie: someoneElse }))),
    ).toBe(200)
  })

  test('a tampered session cookie is treated as no session', async () => {
    const customer = await createUser(db)
    const cookie = await loginAs(customer)
    const tampered = cookie.slice(0, -3) + 'abc'
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie: tampered })))).toBe(
      302,
    )
  })

  test('a mutation from another site is refused before anything happens', async () => {
    const customer = await createUser(db)
    const cookie = await loginAs(customer)
    const { action } = await import('#app/routes/account.tsx')
    const result = await call(
      action,
      makeRequest('/account', {
        cookie,
        form: { intent: 'logoutEverywhere' },
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
    )
    expect(statusOf(result)).toBe(403)
    expect(statusOf(await call(accountLoader, makeRequest('/account', { cookie })))).toBe(200)
  })
})
