import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { invitations, makers, memberships } from '#db/schema/cooperatives.ts'
import { notifications } from '#db/schema/notifications.ts'
import { createCooperativeWithTeam, createUser } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as teamAction, loader as teamLoader } from '#app/routes/coop.$slug.team.tsx'
import {
  action as invitationAction,
  loader as invitationLoader,
} from '#app/routes/invitations.$token.tsx'
import {
  action as makersAction,
  loader as makersLoader,
} from '#app/routes/coop.$slug.makers._index.tsx'
import { action as makerAction } from '#app/routes/coop.$slug.makers.$makerId.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pngFile } from '#tests/files.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }

async function invite(slug: string, cookie: string, email: string, role = 'member') {
  const result = await call(
    teamAction,
    makeRequest(`/coop/${slug}/team`, {
      cookie,
      form: { intent: 'invite', email, role, language: 'fr' },
    }),
    { slug },
  )
  const [mail] = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.template, 'invitation'),
        eq(notifications.recipient, email.toLowerCase()),
      ),
    )
  return { result, token: mail?.body.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1] }
}

describe('team', () => {
  test('a manager invites by e-mail; the invitee logs in, accepts once, and reaches the dashboard', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const { result, token } = await invite(
      cooperative.slug,
      await loginAs(manager),
      'Samira@Example.com',
    )
    expect(statusOf(result)).toBe(302)
    expect(token).toBeTruthy()
    const [mail] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.template, 'invitation'))
    expect(mail?.subject).toContain(cooperative.displayName)

    const page = await call(invitationLoader, makeRequest(`/invitations/${token}`), {
      token: token!,
    })
    expect(
      dataOf<{ invitation: { cooperativeName: string } }>(page).invitation.cooperativeName,
    ).toBe(cooperative.displayName)
    const anonymous = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, { method: 'POST' }),
      { token: token! },
    )
    expect(statusOf(anonymous)).toBe(302)
    expect((anonymous as Response).headers.get('location')).toMatch(/^\/login\?redirectTo=/)

    const samira = await createUser(db, { email: 'samira@example.com' })
    const cookie = await loginAs(samira)
    const accepted = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, { method: 'POST', cookie }),
      { token: token! },
    )
    expect((accepted as Response).headers.get('location')).toBe(`/coop/${cooperative.slug}`)
    const [membership] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.cooperativeId, cooperative.id), eq(memberships.userId, samira.id)))
    expect(membership?.role).toBe('member')

    const other = await createUser(db)
    const again = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, {
        method: 'POST',
        cookie: await loginAs(other),
        language: 'en',
      }),
      { token: token! },
    )
    expect(statusOf(again)).toBe(400)
    expect(dataOf<Reply>(again).formError).toMatch(/not valid any more/)
    expect(
      await db.select().from(memberships).where(eq(memberships.userId, other.id)),
    ).toHaveLength(0)
  })

  test('an invitation expires after 7 days', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const { token } = await invite(cooperative.slug, await loginAs(manager), 'late@example.com')
    const [row] = await db.select().from(invitations)
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) })
    const late = await createUser(db, { email: 'late@example.com' })
    const result = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, { method: 'POST', cookie: await loginAs(late) }),
      { token: token! },
    )
    expect(statusOf(result)).toBe(400)
  })

  test('members cannot invite, change roles or remove anyone', async () => {
    const { cooperative, manager, member } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(member)
    const forms: Record<string, string>[] = [
      { intent: 'invite', email: 'x@example.com', role: 'manager' },
      { intent: 'changeRole', userId: member.id, role: 'manager' },
      { intent: 'remove', userId: manager.id },
    ]
    for (const form of forms) {
      const result = await call(
        teamAction,
        makeRequest(`/coop/${cooperative.slug}/team`, { cookie, form }),
        { slug: cooperative.slug },
      )
      expect(statusOf(result)).toBe(403)
    }
    const team = await db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.cooperativeId, cooperative.id))
    expect(team).toEqual(
      expect.arrayContaining([
        { userId: manager.id, role: 'manager' },
        { userId: member.id, role: 'member' },
      ]),
    )
    expect(team).toHaveLength(2)
  })

  test('the last manager can be neither removed nor demoted; with a second manager she can', async () => {
    const { cooperative, manager, member } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const post = (form: Record<string, string>) =>
      call(
        teamAction,
        makeRequest(`/coop/${cooperative.slug}/team`, { cookie, language: 'en', form }),
        { slug: cooperative.slug },
      )
    const demote = await post({ intent: 'changeRole', userId: manager.id, role: 'member' })
    expect(statusOf(demote)).toBe(409)
    expect(dataOf<Reply>(demote).formError).toBe(
      'The cooperative needs at least one manager: name another manager first.',
    )
    expect(statusOf(await post({ intent: 'remove', userId: manager.id }))).toBe(409)

    expect(statusOf(await post({ intent: 'changeRole', userId: member.id, role: 'manager' }))).toBe(
      302,
    )
    expect(statusOf(await post({ intent: 'changeRole', userId: manager.id, role: 'member' }))).toBe(
      302,
    )
    const roles = await db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.cooperativeId, cooperative.id))
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: manager.id, role: 'member' },
        { userId: member.id, role: 'manager' },
      ]),
    )
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, cooperative.id))
    expect(audit.filter((a) => a.action === 'cooperative.member_role_changed')).toHaveLength(2)
  })

  test('tampered ids are refused without changing anything', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const other = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const notAnId = await call(
      teamAction,
      makeRequest(`/coop/${cooperative.slug}/team`, {
        cookie,
        form: { intent: 'remove', userId: "1' or 1=1" },
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(notAnId)).toBe(400)
    const foreign = await call(
      teamAction,
      makeRequest(`/coop/${cooperative.slug}/team`, {
        cookie,
        form: { intent: 'remove', userId: other.member.id },
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(foreign)).toBe(404)
    expect(
      await db.select().from(memberships).where(eq(memberships.userId, other.member.id)),
    ).toHaveLength(1)
    const unknown = await call(
      teamAction,
      makeRequest(`/coop/${cooperative.slug}/team`, { cookie, form: { intent: 'dance' } }),
      { slug: cooperative.slug },
    )
    expect(statusOf(unknown)).toBe(400)
  })

  test('the team page lists members and pending invitations', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    await invite(cooperative.slug, cookie, 'pending@example.com')
    const page = await call(teamLoader, makeRequest(`/coop/${cooperative.slug}/team`, { cookie }), {
      slug: cooperative.slug,
    })
    const data = dataOf<{ members: unknown[]; pending: { email: string }[] }>(page)
    expect(data.members).toHaveLength(2)
    expect(data.pending.map((p) => p.email)).toEqual(['pending@example.com'])
  })
})

describe('makers', () => {
  test('a manager adds a maker with a photo only with her consent, edits and archives her', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const withoutConsent = new FormData()
    withoutConsent.append('name', 'Khadija')
    withoutConsent.append('photo', await pngFile('khadija.png'))
    const refused = await call(
      makersAction,
      makeRequest(`/coop/${cooperative.slug}/makers`, {
        cookie,
        language: 'en',
        form: withoutConsent,
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(refused)).toBe(400)
    expect(dataOf<Reply>(refused).fieldErrors.consent).toBe(
      'A photo can be kept only if she agrees to be shown.',
    )
    expect(await db.select().from(makers)).toHaveLength(0)

    const form = new FormData()
    form.append('name', 'Khadija')
    form.append('bioAr', 'تصنع الخوابي منذ عشرين سنة.')
    form.append('consent', 'on')
    form.append('photo', await pngFile('khadija.png'))
    expect(
      statusOf(
        await call(
          makersAction,
          makeRequest(`/coop/${cooperative.slug}/makers`, { cookie, form }),
          { slug: cooperative.slug },
        ),
      ),
    ).toBe(302)
    const [maker] = await db.select().from(makers)
    expect(maker).toMatchObject({ name: 'Khadija', bioFr: null })
    expect(maker?.consentAt).toBeTruthy()
    expect(maker?.photo?.variants.length).toBeGreaterThan(0)

    const edit = new FormData()
    edit.append('name', 'Khadija Amrani')
    edit.append('removePhoto', 'on')
    expect(
      statusOf(
        await call(
          makerAction,
          makeRequest(`/coop/${cooperative.slug}/makers/${maker!.id}`, { cookie, form: edit }),
          { slug: cooperative.slug, makerId: maker!.id },
        ),
      ),
    ).toBe(302)
    const [edited] = await db.select().from(makers)
    expect(edited).toMatchObject({ name: 'Khadija Amrani', photo: null, consentAt: null })

    expect(
      statusOf(
        await call(
          makerAction,
          makeRequest(`/coop/${cooperative.slug}/makers/${maker!.id}`, {
            cookie,
            form: { intent: 'archive' },
          }),
          { slug: cooperative.slug, makerId: maker!.id },
        ),
      ),
    ).toBe(302)
    const [archived] = await db.select().from(makers)
    expect(archived?.archivedAt).toBeTruthy()
    const list = await call(
      makersLoader,
      makeRequest(`/coop/${cooperative.slug}/makers`, { cookie }),
      { slug: cooperative.slug },
    )
    expect(dataOf<{ makers: { archived: boolean }[] }>(list).makers).toEqual([
      expect.objectContaining({ archived: true }),
    ])
  })

  test('makers of another cooperative cannot be edited, and members cannot add makers', async () => {
    const a = await createCooperativeWithTeam(db)
    const b = await createCooperativeWithTeam(db)
    const [foreign] = await db
      .insert(makers)
      .values({ cooperativeId: b.cooperative.id, name: 'Foreign' })
      .returning()
    const cookie = await loginAs(a.manager)
    const result = await call(
      makerAction,
      makeRequest(`/coop/${a.cooperative.slug}/makers/${foreign!.id}`, {
        cookie,
        form: { intent: 'archive' },
      }),
      { slug: a.cooperative.slug, makerId: foreign!.id },
    )
    expect(statusOf(result)).toBe(404)
    const form = new FormData()
    form.append('name', 'Someone')
    const byMember = await call(
      makersAction,
      makeRequest(`/coop/${a.cooperative.slug}/makers`, { cookie: await loginAs(a.member), form }),
      { slug: a.cooperative.slug },
    )
    expect(statusOf(byMember)).toBe(403)
    const [still] = await db.select().from(makers).where(eq(makers.id, foreign!.id))
    expect(still?.archivedAt).toBeNull()
  })
})
