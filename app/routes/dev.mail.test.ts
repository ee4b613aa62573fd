// Issue 13, item 2: the development mailbox shows reset links, so only an admin or a
// browser on the machine itself may read it.
import { describe, expect, test } from 'vitest'
import { createUser } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { call, context, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { loader } from './dev.mail.tsx'

const remote = context({ clientIp: '203.0.113.7' })
const local = context({ clientIp: '127.0.0.1' })

describe('/dev/mail', () => {
  test('is not there for a guest or a signed-in non-admin from another machine', async () => {
    expect(statusOf(await call(loader, makeRequest('/dev/mail'), {}, remote))).toBe(404)
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const cookie = await loginAs(reviewer)
    expect(statusOf(await call(loader, makeRequest('/dev/mail', { cookie }), {}, remote))).toBe(404)
  })

  test('is shown to a signed-in admin wherever she is', async () => {
    const admin = await createUser(db, { roles: ['admin'] })
    const cookie = await loginAs(admin)
    expect(statusOf(await call(loader, makeRequest('/dev/mail', { cookie }), {}, remote))).toBe(200)
  })

  test('is shown to a browser on this machine, unless the request was relayed by a proxy', async () => {
    expect(statusOf(await call(loader, makeRequest('/dev/mail'), {}, local))).toBe(200)
    const relayed = makeRequest('/dev/mail', { headers: { 'x-forwarded-for': '127.0.0.1' } })
    expect(statusOf(await call(loader, relayed, {}, local))).toBe(404)
    const ipv6 = context({ clientIp: '::1' })
    expect(statusOf(await call(loader, makeRequest('/dev/mail'), {}, ipv6))).toBe(200)
  })
})
