import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { notifications } from '#db/schema/notifications.ts'
import { createCooperativeWithTeam, createUser } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as profileAction } from '#app/routes/coop.$slug.profile.tsx'
import {
  action as reviewAction,
  loader as reviewLoader,
} from '#app/routes/admin.cooperatives.$id.tsx'
import { loader as queueLoader } from '#app/routes/admin.cooperatives._index.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { applicationForm, validApplication } from '#tests/cooperative-forms.ts'

const newIdentity = {
  legalNameAr: 'تعاونية الأمل النسوية',
  legalNameFr: 'Coopérative féminine Al Amal',
  registerNumber: '2024/77',
  ice: '002136093000040',
}

async function row(id: string) {
  const [cooperative] = await db.select().from(cooperatives).where(eq(cooperatives.id, id))
  return cooperative!
}

async function setUp(status: 'active' | 'applied' = 'active') {
  const team = await createCooperativeWithTeam(db, { status })
  await db
    .update(cooperatives)
    .set({ email: 'office@coop.example' })
    .where(eq(cooperatives.id, team.cooperative.id))
  const reviewer = await createUser(db, { roles: ['reviewer'], email: 'reviewer@example.com' })
  return {
    ...team,
    reviewerCookie: await loginAs(reviewer),
    before: await row(team.cooperative.id),
  }
}

function saveProfile(slug: string, cookie: string, overrides: Record<string, string>) {
  return applicationForm({ ...overrides, logo: null }).then((form) =>
    call(profileAction, makeRequest(`/coop/${slug}/profile`, { cookie, form }), { slug }),
  )
}

async function decide(cookie: string, id: string, intent: string, requestedAt?: string) {
  const page = await call(reviewLoader, makeRequest(`/admin/cooperatives/${id}`, { cookie }), {
    id,
  })
  const seen = dataOf<{ cooperative: { pendingLegalRequestedAt: string | null } }>(page)
  return call(
    reviewAction,
    makeRequest(`/admin/cooperatives/${id}`, {
      cookie,
      form: {
        intent,
        legalRequestedAt: requestedAt ?? seen.cooperative.pendingLegalRequestedAt ?? '',
      },
    }),
    { id },
  )
}

describe('changes of legal identity', () => {
  test('a manager’s new ICE, legal names and register wait for review; the old ones stay in force', async () => {
    const { cooperative, manager, before } = await setUp()
    const saved = await saveProfile(cooperative.slug, await loginAs(manager), newIdentity)
    expect(statusOf(saved)).toBe(302)
    const after = await row(cooperative.id)
    // In force: unchanged, and the cooperative stays active with its products on sale.
    expect(after).toMatchObject({
      status: 'active',
      ice: before.ice,
      legalNameAr: before.legalNameAr,
      legalNameFr: before.legalNameFr,
      registerNumber: before.registerNumber,
      registerCourt: before.registerCourt,
    })
    // The rest of the profile is saved at once.
    expect(after.displayName).toBe(validApplication.displayName)
    expect(after.pendingLegal).toEqual({
      ...newIdentity,
      registerCourt: validApplication.registerCourt,
    })
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cooperative.legal_change_requested'))
    expect(audit).toMatchObject({ targetId: cooperative.id, actorUserId: manager.id })
    const mail = await db
      .select({ to: notifications.recipient, template: notifications.template })
      .from(notifications)
    expect(mail).toEqual(
      expect.arrayContaining([
        { to: manager.email, template: 'legalChangeRequested' },
        { to: 'reviewer@example.com', template: 'legalChangeToReview' },
      ]),
    )
  })

  test('the reviewer sees it in the queue and approves it: the new values come into force', async () => {
    const { cooperative, manager, reviewerCookie } = await setUp()
    await saveProfile(cooperative.slug, await loginAs(manager), newIdentity)
    const queue = dataOf<{ legalChanges: { id: string }[] }>(
      await call(queueLoader, makeRequest('/admin/cooperatives', { cookie: reviewerCookie })),
    )
    expect(queue.legalChanges.map((c) => c.id)).toEqual([cooperative.id])
    expect(statusOf(await decide(reviewerCookie, cooperative.id, 'approveLegal'))).toBe(302)
    const after = await row(cooperative.id)
    expect(after).toMatchObject({ ...newIdentity, pendingLegal: null, status: 'active' })
    const actions = await db.select({ action: auditLog.action }).from(auditLog)
    expect(actions.map((a) => a.action)).toContain('cooperative.legal_approved')
    const mail = await db
      .select({ template: notifications.template })
      .from(notifications)
      .where(eq(notifications.recipient, manager.email))
    expect(mail.map((m) => m.template)).toContain('legalChangeApproved')
  })

  test('a rejected change leaves the values in force', async () => {
    const { cooperative, manager, reviewerCookie, before } = await setUp()
    await saveProfile(cooperative.slug, await loginAs(manager), newIdentity)
    expect(statusOf(await decide(reviewerCookie, cooperative.id, 'rejectLegal'))).toBe(302)
    const after = await row(cooperative.id)
    expect(after).toMatchObject({ ice: before.ice, legalNameFr: before.legalNameFr })
    expect(after.pendingLegal).toBeNull()
    const mail = await db
      .select({ template: notifications.template })
      .from(notifications)
      .where(eq(notifications.recipient, manager.email))
    expect(mail.map((m) => m.template)).toContain('legalChangeRejected')
  })

  test('a reviewer approves only the request she saw, not a newer one', async () => {
    const { cooperative, manager, reviewerCookie, before } = await setUp()
    const cookie = await loginAs(manager)
    await saveProfile(cooperative.slug, cookie, newIdentity)
    const seen = (await row(cooperative.id)).pendingLegalRequestedAt!.toISOString()
    await saveProfile(cooperative.slug, cookie, { ...newIdentity, registerNumber: '2024/78' })
    const stale = await decide(reviewerCookie, cooperative.id, 'approveLegal', seen)
    expect(statusOf(stale)).toBe(409)
    expect((await row(cooperative.id)).registerNumber).toBe(before.registerNumber)
  })

  test('before its first approval, an applying cooperative corrects its identity directly', async () => {
    const { cooperative, manager } = await setUp('applied')
    await saveProfile(cooperative.slug, await loginAs(manager), newIdentity)
    const after = await row(cooperative.id)
    expect(after).toMatchObject({ ...newIdentity, pendingLegal: null })
  })
})
