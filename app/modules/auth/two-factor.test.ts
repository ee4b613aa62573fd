import { eq } from 'drizzle-orm'
import { generateSync } from 'otplib'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { recoveryCodes, totpFactors } from '#db/schema/identity.ts'
import { notifications } from '#db/schema/notifications.ts'
import { createCooperativeWithTeam, createUser, enrolTotp } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as adminLoader } from '#app/routes/admin._index.tsx'
import { loader as accountLoader } from '#app/routes/account.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as verifyAction, loader as verifyLoader } from '#app/routes/login_.two-factor.tsx'
import { action as setupAction, loader as setupLoader } from '#app/routes/account_.two-factor.tsx'
import { testPassword } from '#db/seed/factories.ts'
import { call, cookiesFrom, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { requireRecentReauth } from './guards.server.ts'
import { getSessionUser } from './session.server.ts'
import {
  confirmTotpEnrolment,
  startTotpEnrolment,
  verifySecondFactor,
} from './two-factor.server.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }

/** The code an authenticator app shows at `at` (the clock is passed in, never waited for). */
function codeAt(secret: string, at: Date) {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) })
}

function locationOf(result: unknown) {
  return (result as Response).headers.get('location')
}

async function logInWithPassword(email: string) {
  const result = await call(
    loginAction,
    makeRequest('/login', { form: { email, password: testPassword, redirectTo: '/admin' } }),
  )
  return { location: locationOf(result), cookie: cookiesFrom(result) }
}

describe('association staff and the second factor', () => {
  test.each(['reviewer', 'finance', 'admin'] as const)(
    'a %s without an authenticator is sent to enrol before /admin',
    async (role) => {
      const staff = await createUser(db, { roles: [role] })
      const cookie = await loginAs(staff, { secondFactor: false })
      const result = await call(adminLoader, makeRequest('/admin', { cookie }))
      expect(statusOf(result)).toBe(302)
      expect(locationOf(result)).toBe('/account/two-factor?redirectTo=%2Fadmin')
    },
  )

  test('an enrolled reviewer whose session has passed only the password is asked for the code', async () => {
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    await enrolTotp(db, { userId: reviewer.id })
    const cookie = await loginAs(reviewer, { secondFactor: false })
    const result = await call(adminLoader, makeRequest('/admin', { cookie }))
    expect(locationOf(result)).toBe('/login/two-factor?redirectTo=%2Fadmin')
    // Not even the account page: the session is only half signed in.
    const account = await call(accountLoader, makeRequest('/account', { cookie }))
    expect(locationOf(account)).toBe('/login/two-factor?redirectTo=%2Faccount')
  })

  test('log in: password, then the code from the app, then /admin', async () => {
    const admin = await createUser(db, { roles: ['admin'] })
    const secret = await enrolTotp(db, { userId: admin.id })
    const { location, cookie } = await logInWithPassword(admin.email)
    expect(location).toBe('/login/two-factor?redirectTo=%2Fadmin')
    expect(statusOf(await call(verifyLoader, makeRequest(location!, { cookie })))).toBe(200)

    const wrong = await call(
      verifyAction,
      makeRequest('/login/two-factor', {
        cookie,
        language: 'en',
        form: { code: '000000', redirectTo: '/admin' },
      }),
    )
    expect(statusOf(wrong)).toBe(400)
    expect(dataOf<Reply>(wrong).fieldErrors.code).toMatch(/not valid/)

    const right = await call(
      verifyAction,
      makeRequest('/login/two-factor', {
        cookie,
        form: { code: codeAt(secret, new Date()), redirectTo: '/admin' },
      }),
    )
    expect(locationOf(right)).toBe('/admin')
    expect(statusOf(await call(adminLoader, makeRequest('/admin', { cookie })))).toBe(200)
  })

  test('a code is accepted once only (no replay), and one from long ago never', async () => {
    const admin = await createUser(db, { roles: ['admin'] })
    const secret = await enrolTotp(db, { userId: admin.id })
    const now = new Date('2026-12-01T10:00:10Z')
    const first = await logInWithPassword(admin.email)
    const user = (await getSessionUser(makeRequest('/', { cookie: first.cookie })))!
    await verifySecondFactor({ user, code: codeAt(secret, now), clientIp: '1.1.1.1', now })

    const second = await logInWithPassword(admin.email)
    const again = (await getSessionUser(makeRequest('/', { cookie: second.cookie })))!
    await expect(
      verifySecondFactor({ user: again, code: codeAt(secret, now), clientIp: '1.1.1.1', now }),
    ).rejects.toMatchObject({ messageKey: 'twoFactor.errors.codeInvalid' })
    const old = new Date(now.getTime() - 5 * 60_000)
    await expect(
      verifySecondFactor({ user: again, code: codeAt(secret, old), clientIp: '1.1.1.1', now }),
    ).rejects.toMatchObject({ messageKey: 'twoFactor.errors.codeInvalid' })
    // The next 30-second step works.
    const later = new Date(now.getTime() + 30_000)
    await expect(
      verifySecondFactor({
        user: again,
        code: codeAt(secret, later),
        clientIp: '1.1.1.1',
        now: later,
      }),
    ).resolves.toBe('totp')
  })

  test('wrong codes are rate-limited per user: the sixth attempt is refused, even a right one', async () => {
    const admin = await createUser(db, { roles: ['admin'] })
    const secret = await enrolTotp(db, { userId: admin.id })
    const { cookie } = await logInWithPassword(admin.email)
    const user = (await getSessionUser(makeRequest('/', { cookie })))!
    const now = new Date()
    for (let i = 0; i < 5; i++) {
      await expect(
        verifySecondFactor({ user, code: '123456', clientIp: '1.1.1.1', now }),
      ).rejects.toMatchObject({ messageKey: 'twoFactor.errors.codeInvalid' })
    }
    await expect(
      verifySecondFactor({ user, code: '123456', clientIp: '1.1.1.1', now }),
    ).rejects.toMatchObject({ messageKey: 'errors.tooManyAttempts' })
    await expect(
      verifySecondFactor({ user, code: codeAt(secret, now), clientIp: '2.2.2.2', now }),
    ).rejects.toMatchObject({ messageKey: 'errors.tooManyAttempts' })
  })

  test('enrolment: QR code, confirmation by a first code, recovery codes shown once, audited', async () => {
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const { location, cookie } = await logInWithPassword(reviewer.email)
    expect(location).toBe('/account/two-factor?redirectTo=%2Fadmin')

    const start = await call(
      setupAction,
      makeRequest('/account/two-factor', {
        cookie,
        form: { intent: 'start', redirectTo: '/admin' },
      }),
    )
    expect(locationOf(start)).toBe('/account/two-factor?redirectTo=%2Fadmin')
    const page = dataOf<{ pending: { secret: string; qrSvg: string } }>(
      await call(setupLoader, makeRequest(locationOf(start)!, { cookie })),
    )
    expect(page.pending.qrSvg).toMatch(/^<svg[^>]*>/)
    const [stored] = await db.select().from(totpFactors).where(eq(totpFactors.userId, reviewer.id))
    // The secret is kept encrypted, never as typed into the app.
    expect(stored!.secretEncrypted).not.toContain(page.pending.secret)

    const confirmed = await call(
      setupAction,
      makeRequest('/account/two-factor', {
        cookie,
        form: {
          intent: 'confirm',
          code: codeAt(page.pending.secret, new Date()),
          redirectTo: '/admin',
        },
      }),
    )
    const { recoveryCodes: codes, continueTo } = dataOf<{
      recoveryCodes: string[]
      continueTo: string
    }>(confirmed)
    expect(codes).toHaveLength(10)
    expect(continueTo).toBe('/admin')
    const hashes = await db
      .select({ codeHash: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, reviewer.id))
    expect(hashes).toHaveLength(10)
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0])
    // The session that enrolled has passed the second factor; the secret is never shown again.
    expect(statusOf(await call(adminLoader, makeRequest('/admin', { cookie })))).toBe(200)
    const after = dataOf<{ pending: unknown; enabled: boolean }>(
      await call(setupLoader, makeRequest('/account/two-factor', { cookie })),
    )
    expect(after).toMatchObject({ pending: null, enabled: true })
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, reviewer.id))
    expect(audit.map((a) => a.action)).toContain('user.two_factor_enabled')
  })

  test('a recovery code logs in once, is audited, and the owner is told by e-mail', async () => {
    const finance = await createUser(db, { roles: ['finance'], email: 'finance@example.com' })
    const first = await logInWithPassword(finance.email)
    const user = (await getSessionUser(makeRequest('/', { cookie: first.cookie })))!
    await startTotpEnrolment(user)
    const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, finance.id))
    expect(row?.confirmedAt).toBeNull()
    // The test reads the secret as the app would, from the enrolment page.
    const page = dataOf<{ pending: { secret: string } }>(
      await call(setupLoader, makeRequest('/account/two-factor', { cookie: first.cookie })),
    )
    const now = new Date('2026-12-01T09:00:00Z')
    const codes = await confirmTotpEnrolment({
      user,
      sessionId: user.sessionId,
      code: codeAt(page.pending.secret, now),
      clientIp: '1.1.1.1',
      now,
    })

    const second = await logInWithPassword(finance.email)
    const used = await call(
      verifyAction,
      makeRequest('/login/two-factor', {
        cookie: second.cookie,
        form: { code: codes[3]!.toUpperCase(), redirectTo: '/admin' },
      }),
    )
    expect(locationOf(used)).toBe('/admin')
    const third = await logInWithPassword(finance.email)
    const reused = await call(
      verifyAction,
      makeRequest('/login/two-factor', {
        cookie: third.cookie,
        form: { code: codes[3]!, redirectTo: '/admin' },
      }),
    )
    expect(statusOf(reused)).toBe(400)
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, finance.id))
    expect(audit.map((a) => a.action)).toContain('user.recovery_code_used')
    const mail = await db
      .select({ template: notifications.template })
      .from(notifications)
      .where(eq(notifications.recipient, 'finance@example.com'))
    expect(mail.map((m) => m.template)).toEqual(
      expect.arrayContaining(['twoFactorEnabled', 'recoveryCodeUsed']),
    )
  })

  test('payout actions ask for the code again after five minutes (clock passed in)', async () => {
    const finance = await createUser(db, { roles: ['finance'] })
    const cookie = await loginAs(finance)
    const request = () => makeRequest('/admin/payouts', { cookie })
    await expect(requireRecentReauth(request(), 'finance')).resolves.toMatchObject({
      role: 'finance',
    })
    const later = new Date(Date.now() + 6 * 60_000)
    const refused = await requireRecentReauth(request(), 'finance', { now: later }).catch(
      (response: Response) => response,
    )
    expect(locationOf(refused)).toBe('/login/two-factor?redirectTo=%2Fadmin%2Fpayouts&reauth=1')
  })
})

describe('cooperative managers and the second factor', () => {
  test('it is optional: a manager without it works as before', async () => {
    const { manager } = await createCooperativeWithTeam(db)
    const { location } = await logInWithPassword(manager.email)
    expect(location).toBe('/admin')
  })

  test('a manager who turned it on is asked for the code, and may turn it off with one', async () => {
    const { manager } = await createCooperativeWithTeam(db)
    const secret = await enrolTotp(db, { userId: manager.id })
    const { location, cookie } = await logInWithPassword(manager.email)
    expect(location).toBe('/login/two-factor?redirectTo=%2Fadmin')
    const now = new Date()
    await call(
      verifyAction,
      makeRequest('/login/two-factor', { cookie, form: { code: codeAt(secret, now) } }),
    )
    const off = await call(
      setupAction,
      makeRequest('/account/two-factor', {
        cookie,
        form: { intent: 'disable', code: codeAt(secret, new Date(now.getTime() + 30_000)) },
      }),
    )
    expect(locationOf(off)).toBe('/account')
    const rows = await db.select().from(totpFactors).where(eq(totpFactors.userId, manager.id))
    expect(rows).toEqual([])
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, manager.id))
    expect(audit.map((a) => a.action)).toContain('user.two_factor_disabled')
  })

  test('association staff cannot turn it off', async () => {
    const admin = await createUser(db, { roles: ['admin'] })
    const cookie = await loginAs(admin)
    const refused = await call(
      setupAction,
      makeRequest('/account/two-factor', {
        cookie,
        language: 'en',
        form: { intent: 'disable', code: '123456' },
      }),
    )
    expect(dataOf<Reply>(refused).formError).toBe(
      'Association staff must keep two-step verification on.',
    )
  })
})
