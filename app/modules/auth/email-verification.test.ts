import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { memberships } from '#db/schema/cooperatives.ts'
import { emailVerifications, users } from '#db/schema/identity.ts'
import { notifications } from '#db/schema/notifications.ts'
import { addMembership, createCooperativeWithTeam, createUser } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as signupAction } from '#app/routes/signup.tsx'
import { action as teamAction } from '#app/routes/coop.$slug.team.tsx'
import { action as invitationAction } from '#app/routes/invitations.$token.tsx'
import { loader as profileLoader } from '#app/routes/coop.$slug.profile.tsx'
import { loader as dashboardLoader } from '#app/routes/coop.$slug._index.tsx'
import { action as verifyAction, loader as verifyLoader } from '#app/routes/verify-email.tsx'
import { loader as rootLoader } from '#app/root.tsx'
import {
  call,
  cookiesFrom,
  dataOf,
  followVerificationLink,
  loginAs,
  makeRequest,
  statusOf,
  verificationLinkFor,
} from '#tests/helpers.ts'
import { requireVerifiedUser } from './guards.server.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }

function locationOf(result: unknown) {
  return (result as Response).headers.get('location')
}

async function invitationToken(slug: string, managerCookie: string, email: string) {
  await call(
    teamAction,
    makeRequest(`/coop/${slug}/team`, {
      cookie: managerCookie,
      form: { intent: 'invite', email, role: 'manager', language: 'en' },
    }),
    { slug },
  )
  const [mail] = await db
    .select({ body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.template, 'invitation'), eq(notifications.recipient, email)))
  return mail!.body.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!
}

async function signUp(email: string) {
  const result = await call(
    signupAction,
    makeRequest('/signup', {
      form: {
        name: 'Someone',
        email,
        password: 'argan-cliffs-of-tamri',
        confirmPassword: 'argan-cliffs-of-tamri',
      },
    }),
  )
  return cookiesFrom(result)
}

describe('e-mail verification', () => {
  test('an invited address signed up by someone else cannot accept the invitation nor read the RIB', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const token = await invitationToken(
      cooperative.slug,
      await loginAs(manager),
      'treasurer@example.com',
    )
    // Whoever types the address at sign-up gets an account, but not the mailbox.
    const intruder = await signUp('treasurer@example.com')
    const accepted = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, { method: 'POST', cookie: intruder, language: 'en' }),
      { token },
    )
    expect(statusOf(accepted)).toBe(403)
    expect(dataOf<Reply>(accepted).formError).toMatch(/Confirm your e-mail address first/)
    const joined = await db
      .select()
      .from(memberships)
      .where(eq(memberships.cooperativeId, cooperative.id))
    expect(joined).toHaveLength(2)
    // Even a membership given some other way does not open the profile (and its RIB).
    const [intruderRow] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'treasurer@example.com'))
    await addMembership(db, {
      cooperativeId: cooperative.id,
      userId: intruderRow!.id,
      role: 'manager',
    })
    const profile = await call(
      profileLoader,
      makeRequest(`/coop/${cooperative.slug}/profile`, { cookie: intruder }),
      { slug: cooperative.slug },
    )
    expect(locationOf(profile)).toBe(
      `/verify-email?redirectTo=${encodeURIComponent(`/coop/${cooperative.slug}/profile`)}`,
    )
  })

  test('the owner of the address follows the link, then accepts the invitation', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const token = await invitationToken(
      cooperative.slug,
      await loginAs(manager),
      'owner@example.com',
    )
    const cookie = await signUp('owner@example.com')
    const link = await verificationLinkFor('owner@example.com')
    // Opening the link changes nothing (mail scanners open links): it shows a button.
    const page = await call(verifyLoader, makeRequest(`${link.pathname}${link.search}`, { cookie }))
    expect(dataOf<{ token: string | null }>(page).token).toBe(link.searchParams.get('token'))
    const [unused] = await db.select().from(emailVerifications)
    expect(unused?.usedAt).toBeNull()

    const verified = await followVerificationLink('owner@example.com')
    expect(statusOf(verified)).toBe(302)
    const accepted = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, { method: 'POST', cookie }),
      { token },
    )
    expect(locationOf(accepted)).toBe(`/coop/${cooperative.slug}`)
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'user.email_verified'))
    expect(audit).toHaveLength(1)
  })

  test('a link works once, and not after it expired', async () => {
    await signUp('once@example.com')
    expect(statusOf(await followVerificationLink('once@example.com'))).toBe(302)
    const again = await followVerificationLink('once@example.com')
    expect(statusOf(again)).toBe(400)

    await signUp('late@example.com')
    await db
      .update(emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailVerifications.email, 'late@example.com'))
    expect(statusOf(await followVerificationLink('late@example.com'))).toBe(400)
    const [late] = await db
      .select({ verified: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.email, 'late@example.com'))
    expect(late?.verified).toBeNull()
  })

  test('an unverified member cannot act for her cooperative until she verifies', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const newcomer = await createUser(db, { emailVerified: false, email: 'new@example.com' })
    await addMembership(db, { cooperativeId: cooperative.id, userId: newcomer.id, role: 'member' })
    const cookie = await loginAs(newcomer)
    const blocked = await call(
      dashboardLoader,
      makeRequest(`/coop/${cooperative.slug}`, { cookie }),
      { slug: cooperative.slug },
    )
    expect(locationOf(blocked)).toBe(`/verify-email?redirectTo=%2Fcoop%2F${cooperative.slug}`)
  })

  test('signed-in unverified users see the banner and can ask for the link again, a few times', async () => {
    const cookie = await signUp('banner@example.com')
    const root = dataOf<{ user: { emailVerified: boolean } }>(
      await call(rootLoader, makeRequest('/', { cookie })),
    )
    expect(root.user.emailVerified).toBe(false)
    for (let i = 0; i < 3; i++) {
      const sent = await call(
        verifyAction,
        makeRequest('/verify-email', { cookie, form: { intent: 'resend' } }),
      )
      expect(locationOf(sent)).toBe('/verify-email')
    }
    const refused = await call(
      verifyAction,
      makeRequest('/verify-email', { cookie, language: 'en', form: { intent: 'resend' } }),
    )
    expect(statusOf(refused)).toBe(429)
    const links = await db
      .select()
      .from(emailVerifications)
      .where(eq(emailVerifications.email, 'banner@example.com'))
    expect(links).toHaveLength(4)
  })

  test('requireVerifiedUser: the guard for orders that are not guest orders', async () => {
    const verified = await createUser(db)
    const unverified = await createUser(db, { emailVerified: false })
    const ok = await requireVerifiedUser(
      makeRequest('/checkout', { cookie: await loginAs(verified) }),
    )
    expect(ok.emailVerifiedAt).toBeInstanceOf(Date)
    const refused = await requireVerifiedUser(
      makeRequest('/checkout', { cookie: await loginAs(unverified) }),
    ).catch((response: Response) => response)
    expect(locationOf(refused)).toBe('/verify-email?redirectTo=%2Fcheckout')
  })
})
