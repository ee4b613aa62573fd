import fs from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { cooperativeDocuments, cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { notifications } from '#db/schema/notifications.ts'
import { users } from '#db/schema/identity.ts'
import {
  addMembership,
  createCooperativeWithTeam,
  createMaker,
  createUser,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as joinAction } from '#app/routes/join.tsx'
import {
  action as reviewAction,
  loader as reviewLoader,
} from '#app/routes/admin.cooperatives.$id.tsx'
import { loader as queueLoader } from '#app/routes/admin.cooperatives._index.tsx'
import {
  action as profileAction,
  loader as profileLoader,
} from '#app/routes/coop.$slug.profile.tsx'
import { loader as publicLoader } from '#app/routes/cooperatives.$slug.tsx'
import { loader as documentLoader } from '#app/routes/documents.$id.ts'
import { loader as dashboardLoader } from '#app/routes/coop.$slug._index.tsx'
import { loader as teamLoader } from '#app/routes/coop.$slug.team.tsx'
import { loader as makersLoader } from '#app/routes/coop.$slug.makers._index.tsx'
import {
  call,
  cookiesFrom,
  dataOf,
  followVerificationLink,
  loginAs,
  makeRequest,
  statusOf,
} from '#tests/helpers.ts'
import { applicationForm, validApplication } from '#tests/cooperative-forms.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }

function uploadedFiles() {
  const root = path.join(process.env.DATA_DIR!, 'uploads')
  if (!fs.existsSync(root)) return []
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
}

async function apply(
  overrides: Record<string, string | File | null> = {},
  language: 'ar' | 'fr' | 'en' = 'ar',
) {
  const form = await applicationForm(overrides, {
    name: 'Fatima Azzouzi',
    email: 'fatima@example.com',
    password: 'pottery-of-ajdir-2026',
  })
  return call(joinAction, makeRequest('/join', { form, language }))
}

async function cooperativeBySlug(slug: string) {
  const [row] = await db.select().from(cooperatives).where(eq(cooperatives.slug, slug))
  return row!
}

describe('applying to join', () => {
  test('a newcomer applies: she gets an account, becomes manager, and the association is told', async () => {
    await createUser(db, { email: 'reviewer@example.com', roles: ['reviewer'] })
    const result = await apply()
    expect(statusOf(result)).toBe(302)
    expect((result as Response).headers.get('location')).toBe('/coop/tifawin')
    const cooperative = await cooperativeBySlug('tifawin')
    expect(cooperative).toMatchObject({
      status: 'applied',
      phone: '+212612345678',
      ice: '001561191000066',
      rib: '001810007800020110620318',
      storyFr: null,
    })
    const [manager] = await db
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.cooperativeId, cooperative.id))
    expect(manager).toEqual({ role: 'manager', email: 'fatima@example.com' })
    const documents = await db
      .select()
      .from(cooperativeDocuments)
      .where(eq(cooperativeDocuments.cooperativeId, cooperative.id))
    expect(documents.map((d) => d.kind).sort()).toEqual([
      'bank_attestation',
      'register_extract',
      'statutes',
    ])
    expect(cooperative.logo?.variants.length).toBeGreaterThan(0)
    const mail = await db
      .select({ to: notifications.recipient, template: notifications.template })
      .from(notifications)
    expect(mail).toEqual(
      expect.arrayContaining([
        { to: 'fatima@example.com', template: 'applicationReceived' },
        { to: 'reviewer@example.com', template: 'cooperativeApplied' },
      ]),
    )
    // She is signed in, and sees her dashboard once her e-mail address is verified.
    const cookie = cookiesFrom(result)
    const early = await call(dashboardLoader, makeRequest('/coop/tifawin', { cookie }), {
      slug: 'tifawin',
    })
    expect((early as Response).headers.get('location')).toBe(
      '/verify-email?redirectTo=%2Fcoop%2Ftifawin',
    )
    await followVerificationLink('fatima@example.com')
    const dashboard = await call(dashboardLoader, makeRequest('/coop/tifawin', { cookie }), {
      slug: 'tifawin',
    })
    expect(statusOf(dashboard)).toBe(200)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cooperative.applied'))
    expect(audit?.targetId).toBe(cooperative.id)
  })

  test('an existing customer applies with her account', async () => {
    const customer = await createUser(db, { email: 'houda@example.com' })
    const form = await applicationForm()
    const result = await call(
      joinAction,
      makeRequest('/join', { form, cookie: await loginAs(customer) }),
    )
    expect(statusOf(result)).toBe(302)
    const cooperative = await cooperativeBySlug('tifawin')
    const [membership] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.cooperativeId, cooperative.id))
    expect(membership).toMatchObject({ userId: customer.id, role: 'manager' })
  })

  test('ICE, RIB, phone, counts and place are checked, with a message next to each field, and nothing is kept', async () => {
    const filesBefore = uploadedFiles().length
    const result = await apply(
      {
        ice: '001561191000067',
        rib: '00181000780002011062031',
        phone: '0812345678',
        womenMemberCount: '15',
        provinceCode: 'nador',
        storyAr: 'A story without Arabic letters at all.',
        statutes: null,
      },
      'fr',
    )
    expect(statusOf(result)).toBe(400)
    const { fieldErrors, formError } = dataOf<Reply>(result)
    expect(formError).toBe('Certaines réponses sont à corriger : voyez les messages ci-dessous.')
    expect(fieldErrors).toMatchObject({
      ice: "Cet ICE n'est pas valide : vérifiez chaque chiffre.",
      rib: 'Le RIB compte exactement 24 chiffres.',
      phone: 'Saisissez un numéro de téléphone marocain, par exemple 06 12 34 56 78.',
      storyAr: expect.any(String),
      statutes: expect.any(String),
    })
    expect(await db.select().from(cooperatives)).toHaveLength(0)
    expect(await db.select().from(users)).toHaveLength(0)
    expect(uploadedFiles()).toHaveLength(filesBefore)
  })

  test('more women members than members is refused', async () => {
    const result = await apply({ womenOnly: '', memberCount: '10', womenMemberCount: '12' }, 'en')
    expect(statusOf(result)).toBe(400)
    expect(dataOf<Reply>(result).fieldErrors.womenMemberCount).toBe(
      'There cannot be more women members than members.',
    )
    const womenOnly = await apply(
      { womenOnly: 'on', memberCount: '10', womenMemberCount: '9' },
      'en',
    )
    expect(dataOf<Reply>(womenOnly).fieldErrors.womenMemberCount).toBe(
      'In a women-only cooperative, every member is a woman.',
    )
  })

  test('a province outside the chosen region is refused, and the files already processed are removed', async () => {
    const filesBefore = uploadedFiles().length
    const result = await apply({ provinceCode: 'nador' }, 'en')
    expect(statusOf(result)).toBe(400)
    expect(dataOf<Reply>(result).fieldErrors.provinceCode).toBe(
      'This province is not in the chosen region.',
    )
    expect(await db.select().from(cooperatives)).toHaveLength(0)
    expect(uploadedFiles()).toHaveLength(filesBefore)
  })

  test('a paper that is not a PDF, JPEG or PNG is refused with nothing left behind', async () => {
    const filesBefore = uploadedFiles().length
    const html = new File(['<html><script>alert(1)</script></html>'], 'statutes.pdf', {
      type: 'application/pdf',
    })
    const result = await apply({ statutes: html }, 'en')
    expect(statusOf(result)).toBe(415)
    expect(dataOf<Reply>(result).fieldErrors.statutes).toBeTruthy()
    expect(await db.select().from(cooperatives)).toHaveLength(0)
    expect(uploadedFiles()).toHaveLength(filesBefore)
  })

  test('a body larger than the limit is refused while it streams (413), and nothing is written', async () => {
    const filesBefore = uploadedFiles().length
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    // A 500 MB upload without a Content-Length: the server must stop reading long before the end.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(
            new TextEncoder().encode(
              '--x\r\nContent-Disposition: form-data; name="logo"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n',
            ),
          )
        if (sent >= 500) return controller.close()
        sent++
        controller.enqueue(chunk)
      },
    })
    const request = new Request('http://localhost:3000/join', {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    const result = await call(joinAction, request)
    expect(statusOf(result)).toBe(413)
    expect(sent).toBeLessThan(100)
    expect(uploadedFiles()).toHaveLength(filesBefore)
    expect(await db.select().from(cooperatives)).toHaveLength(0)
  })

  test('the same ICE cannot apply twice', async () => {
    await apply()
    const again = await call(
      joinAction,
      makeRequest('/join', {
        form: await applicationForm(
          { displayName: 'Tifawin bis' },
          { name: 'Other', email: 'other@example.com', password: 'another-pottery-2026' },
        ),
        language: 'en',
      }),
    )
    expect(statusOf(again)).toBe(409)
    expect(dataOf<Reply>(again).fieldErrors.ice).toBe(
      'A cooperative with this ICE is already on Taawun.',
    )
  })
})

describe('the association reviews', () => {
  async function setUp() {
    await apply()
    await followVerificationLink('fatima@example.com')
    const cooperative = await cooperativeBySlug('tifawin')
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const [manager] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'fatima@example.com'))
    return {
      cooperative,
      reviewerCookie: await loginAs(reviewer),
      managerCookie: await loginAs(manager!),
    }
  }

  function decide(
    cookie: string,
    id: string,
    intent: string,
    reason?: string,
    language: 'ar' | 'fr' | 'en' = 'en',
  ) {
    return call(
      reviewAction,
      makeRequest(`/admin/cooperatives/${id}`, {
        cookie,
        language,
        form: { intent, ...(reason ? { reason } : {}) },
      }),
      { id },
    )
  }

  test('reject with a reason → the manager corrects and resubmits → approve; public only after approval; all audited', async () => {
    const { cooperative, reviewerCookie, managerCookie } = await setUp()
    const queue = await call(
      queueLoader,
      makeRequest('/admin/cooperatives', { cookie: reviewerCookie }),
    )
    expect(dataOf<{ queue: { id: string }[] }>(queue).queue.map((q) => q.id)).toEqual([
      cooperative.id,
    ])
    const detail = await call(
      reviewLoader,
      makeRequest(`/admin/cooperatives/${cooperative.id}`, { cookie: reviewerCookie }),
      { id: cooperative.id },
    )
    expect(dataOf<{ documents: unknown[] }>(detail).documents).toHaveLength(3)

    expect(
      statusOf(await call(publicLoader, makeRequest('/cooperatives/tifawin'), { slug: 'tifawin' })),
    ).toBe(404)

    const noReason = await decide(reviewerCookie, cooperative.id, 'reject')
    expect(statusOf(noReason)).toBe(400)
    expect(dataOf<Reply>(noReason).fieldErrors.reason).toBe(
      'Write the reason (at least 5 characters).',
    )

    expect(
      statusOf(
        await decide(
          reviewerCookie,
          cooperative.id,
          'reject',
          'The register extract is unreadable.',
        ),
      ),
    ).toBe(302)
    expect((await cooperativeBySlug('tifawin')).status).toBe('rejected')
    const [rejectionMail] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.template, 'cooperativeRejected'))
    expect(rejectionMail?.recipient).toBe('fatima@example.com')
    expect(rejectionMail?.body).toContain('The register extract is unreadable.')
    expect(
      statusOf(await call(publicLoader, makeRequest('/cooperatives/tifawin'), { slug: 'tifawin' })),
    ).toBe(404)

    const form = await applicationForm({
      registerNumber: '2016/113',
      logo: null,
      statutes: null,
      bank_attestation: null,
    })
    const resubmitted = await call(
      profileAction,
      makeRequest('/coop/tifawin/profile', { cookie: managerCookie, form }),
      { slug: 'tifawin' },
    )
    expect(statusOf(resubmitted)).toBe(302)
    const back = await cooperativeBySlug('tifawin')
    expect(back).toMatchObject({ status: 'applied', registerNumber: '2016/113' })
    const current = await db
      .select()
      .from(cooperativeDocuments)
      .where(and(eq(cooperativeDocuments.cooperativeId, cooperative.id)))
    expect(current.filter((d) => d.kind === 'register_extract')).toHaveLength(2)
    expect(current.filter((d) => d.kind === 'register_extract' && !d.replacedAt)).toHaveLength(1)

    expect(statusOf(await decide(reviewerCookie, cooperative.id, 'approve'))).toBe(302)
    expect((await cooperativeBySlug('tifawin')).status).toBe('active')
    const page = await call(
      publicLoader,
      makeRequest('/cooperatives/tifawin', { language: 'fr' }),
      { slug: 'tifawin' },
    )
    expect(statusOf(page)).toBe(200)
    // No French story: the Arabic one stands in.
    expect(dataOf<{ cooperative: { story: string } }>(page).cooperative.story).toBe(
      validApplication.storyAr,
    )

    expect(
      statusOf(
        await decide(reviewerCookie, cooperative.id, 'suspend', 'Complaints about late parcels.'),
      ),
    ).toBe(302)
    expect(
      statusOf(await call(publicLoader, makeRequest('/cooperatives/tifawin'), { slug: 'tifawin' })),
    ).toBe(404)
    expect(statusOf(await decide(reviewerCookie, cooperative.id, 'reactivate'))).toBe(302)
    // A decision that the status does not allow changes nothing.
    expect(statusOf(await decide(reviewerCookie, cooperative.id, 'approve'))).toBe(409)

    const actions = (
      await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, cooperative.id))
    ).map((a) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'cooperative.applied',
        'cooperative.reject',
        'cooperative.resubmitted',
        'cooperative.approve',
        'cooperative.suspend',
        'cooperative.reactivate',
      ]),
    )
    const decisionMails = await db
      .select({ template: notifications.template })
      .from(notifications)
      .where(eq(notifications.recipient, 'fatima@example.com'))
    expect(decisionMails.map((m) => m.template)).toEqual(
      expect.arrayContaining([
        'cooperativeRejected',
        'cooperativeApproved',
        'cooperativeSuspended',
        'cooperativeReactivated',
      ]),
    )
  })

  test('a reviewer cannot decide on a cooperative she belongs to', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db, { status: 'applied' })
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    await addMembership(db, { cooperativeId: cooperative.id, userId: reviewer.id, role: 'member' })
    const result = await decide(await loginAs(reviewer), cooperative.id, 'approve')
    expect(statusOf(result)).toBe(403)
    expect((await cooperativeBySlug(cooperative.slug)).status).toBe('applied')
    expect(manager).toBeTruthy()
  })

  test('customers and finance staff cannot review cooperatives', async () => {
    const { cooperative } = await createCooperativeWithTeam(db, { status: 'applied' })
    const customer = await createUser(db)
    const finance = await createUser(db, { roles: ['finance'] })
    for (const user of [customer, finance]) {
      const cookie = await loginAs(user)
      expect(
        statusOf(await call(queueLoader, makeRequest('/admin/cooperatives', { cookie }))),
      ).toBe(403)
      expect(statusOf(await decide(cookie, cooperative.id, 'approve'))).toBe(403)
    }
    expect((await cooperativeBySlug(cooperative.slug)).status).toBe('applied')
  })
})

describe('profile, bank account and documents', () => {
  test('a member can read the profile but cannot change legal or bank data', async () => {
    const { cooperative, member } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(member)
    const page = await call(
      profileLoader,
      makeRequest(`/coop/${cooperative.slug}/profile`, { cookie }),
      { slug: cooperative.slug },
    )
    expect(statusOf(page)).toBe(200)
    const before = await cooperativeBySlug(cooperative.slug)
    const legal = await call(
      profileAction,
      makeRequest(`/coop/${cooperative.slug}/profile`, {
        cookie,
        form: await applicationForm({ ice: '002136093000040', logo: null }),
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(legal)).toBe(403)
    const bank = await call(
      profileAction,
      makeRequest(`/coop/${cooperative.slug}/profile`, {
        cookie,
        form: { intent: 'rib', rib: '001810007800020110620221', accountHolder: 'Someone' },
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(bank)).toBe(403)
    const after = await cooperativeBySlug(cooperative.slug)
    expect(after).toEqual(before)
  })

  test('a new RIB is not in force before a reviewer approves it, and every manager is told', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const second = await createUser(db, { email: 'second-manager@example.com' })
    await addMembership(db, { cooperativeId: cooperative.id, userId: second.id, role: 'manager' })
    const before = await cooperativeBySlug(cooperative.slug)
    const cookie = await loginAs(manager)
    const bad = await call(
      profileAction,
      makeRequest(`/coop/${cooperative.slug}/profile`, {
        cookie,
        language: 'en',
        form: { intent: 'rib', rib: '001810007800020110620219', accountHolder: 'New holder' },
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(bad)).toBe(400)
    expect(dataOf<Reply>(bad).fieldErrors.rib).toMatch(/not valid/)

    const requested = await call(
      profileAction,
      makeRequest(`/coop/${cooperative.slug}/profile`, {
        cookie,
        form: { intent: 'rib', rib: '0018 1000 7800 0201 1062 0221', accountHolder: 'New holder' },
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(requested)).toBe(302)
    const pending = await cooperativeBySlug(cooperative.slug)
    expect(pending.rib).toBe(before.rib)
    expect(pending.pendingRib).toBe('001810007800020110620221')
    const told = await db
      .select({ to: notifications.recipient })
      .from(notifications)
      .where(eq(notifications.template, 'ribChangeRequested'))
    expect(told.map((m) => m.to).sort()).toEqual(
      [manager.email, 'second-manager@example.com'].sort(),
    )

    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const approve = await call(
      reviewAction,
      makeRequest(`/admin/cooperatives/${cooperative.id}`, {
        cookie: await loginAs(reviewer),
        form: { intent: 'approveRib', pendingRib: '001810007800020110620221' },
      }),
      { id: cooperative.id },
    )
    expect(statusOf(approve)).toBe(302)
    const approved = await cooperativeBySlug(cooperative.slug)
    expect(approved).toMatchObject({
      rib: '001810007800020110620221',
      accountHolder: 'New holder',
      pendingRib: null,
    })
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, cooperative.id))
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cooperative.rib_change_requested', 'cooperative.rib_approved']),
    )
  })

  test("another cooperative's manager gets 404 on this cooperative's pages and documents; strangers never see documents", async () => {
    await apply()
    const cooperative = await cooperativeBySlug('tifawin')
    const [document] = await db
      .select()
      .from(cooperativeDocuments)
      .where(eq(cooperativeDocuments.cooperativeId, cooperative.id))
    const other = await createCooperativeWithTeam(db)
    const cookie = await loginAs(other.manager)
    for (const loader of [dashboardLoader, profileLoader, teamLoader, makersLoader]) {
      expect(
        statusOf(await call(loader, makeRequest('/coop/tifawin', { cookie }), { slug: 'tifawin' })),
      ).toBe(404)
    }
    expect(
      statusOf(
        await call(documentLoader, makeRequest(`/documents/${document!.id}`, { cookie }), {
          id: document!.id,
        }),
      ),
    ).toBe(404)
    const customer = await createUser(db)
    expect(
      statusOf(
        await call(
          documentLoader,
          makeRequest(`/documents/${document!.id}`, { cookie: await loginAs(customer) }),
          { id: document!.id },
        ),
      ),
    ).toBe(404)
    const guest = await call(documentLoader, makeRequest(`/documents/${document!.id}`), {
      id: document!.id,
    })
    expect(statusOf(guest)).toBe(302)

    const [manager] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'fatima@example.com'))
    const own = await call(
      documentLoader,
      makeRequest(`/documents/${document!.id}`, { cookie: await loginAs(manager!) }),
      { id: document!.id },
    )
    expect(statusOf(own)).toBe(200)
    expect((own as Response).headers.get('content-type')).toBe('application/pdf')
    expect((own as Response).headers.get('cache-control')).toBe('private, no-store')
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const reviewed = await call(
      documentLoader,
      makeRequest(`/documents/${document!.id}`, { cookie: await loginAs(reviewer) }),
      { id: document!.id },
    )
    expect(statusOf(reviewed)).toBe(200)
    expect(
      Buffer.from(await (reviewed as Response).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  test('the public page shows only makers who agreed to be shown, and only for active cooperatives', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    await createMaker(db, {
      cooperativeId: cooperative.id,
      name: 'Shown Maker',
      consent: true,
      bioAr: 'صانعة فخار',
    })
    await createMaker(db, { cooperativeId: cooperative.id, name: 'Private Maker', consent: false })
    const page = await call(publicLoader, makeRequest(`/cooperatives/${cooperative.slug}`), {
      slug: cooperative.slug,
    })
    expect(
      dataOf<{ cooperative: { makers: { name: string }[] } }>(page).cooperative.makers.map(
        (m) => m.name,
      ),
    ).toEqual(['Shown Maker'])
    for (const status of ['applied', 'rejected', 'suspended'] as const) {
      const { cooperative: hidden } = await createCooperativeWithTeam(db, { status })
      expect(
        statusOf(
          await call(publicLoader, makeRequest(`/cooperatives/${hidden.slug}`), {
            slug: hidden.slug,
          }),
        ),
      ).toBe(404)
    }
  })
})
