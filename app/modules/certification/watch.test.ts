import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import { notifications } from '#db/schema/notifications.ts'
import {
  addMembership,
  createCertificate,
  createCooperativeWithTeam,
  createProduct,
  createUser,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import ar from '#app/locales/ar/server.json'
import { type AssociationScope } from '#app/modules/auth/guards.server.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { loader as dashboardLoader } from '#app/routes/coop.$slug._index.tsx'
import { loader as certificatesLoader } from '#app/routes/coop.$slug.certificates._index.tsx'
import {
  action as publishAction,
  loader as publishLoader,
} from '#app/routes/coop.$slug.products.publish.tsx'
import { loader as moderationLoader } from '#app/routes/admin.products._index.tsx'
import { loader as verifyLoader } from '#app/routes/certificates.$id.tsx'
import { call, dataOf, headersOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { decideCertificate } from './certificates.server.ts'
import { purchasableProductIds } from './gate.server.ts'
import { expiryWarnings, publishableDrafts } from './watch.server.ts'

const day = 24 * 3600 * 1000
const minute = 60 * 1000

/** A cooperative whose honey may be sold (ONSSA, without expiry), with its team. */
async function honeyCooperative() {
  const team = await createCooperativeWithTeam(db)
  await createCertificate(db, {
    cooperativeId: team.cooperative.id,
    type: 'onssa',
    decidedAt: new Date(Date.now() - 300 * day),
  })
  return team
}

async function statusOfProduct(id: string) {
  const [row] = await db
    .select({ status: products.status })
    .from(products)
    .where(eq(products.id, id))
  return row?.status
}

describe('expiry warnings', () => {
  test('tiers at 60, 30 and 7 days, boundaries included, computed at the given instant', async () => {
    const { cooperative } = await honeyCooperative()
    // An instant months away from the real clock: nothing here may read the clock.
    const now = new Date(Date.now() + 400 * day)
    const cases: [string, number, 60 | 30 | 7 | null][] = [
      ['60 days', 60 * day, 60],
      ['just over 60 days', 60 * day + minute, null],
      ['30 days', 30 * day, 30],
      ['just over 30 days', 30 * day + minute, 60],
      ['7 days', 7 * day, 7],
      ['just over 7 days', 7 * day + minute, 30],
      ['one minute', minute, 7],
      ['expiring now', 0, null],
      ['expired yesterday', -day, null],
    ]
    // One insert for all of them (the factory writes events too, which this test does not need).
    const issuedAt = new Date(now.getTime() - 300 * day)
    const rows = await db
      .insert(certificates)
      .values([
        ...cases.map(([label, offset]) => ({
          cooperativeId: cooperative.id,
          type: 'organic',
          issuingBody: 'Ecocert',
          number: label,
          scope: 'cooperative',
          issuedAt,
          expiresAt: new Date(now.getTime() + offset),
          status: 'approved',
        })),
        // Neither a certificate waiting for review nor a revoked one warns.
        ...(['pending_review', 'revoked'] as const).map((status) => ({
          cooperativeId: cooperative.id,
          type: 'organic',
          issuingBody: 'Ecocert',
          number: status,
          scope: 'cooperative',
          issuedAt,
          expiresAt: new Date(now.getTime() + 5 * day),
          status,
        })),
      ])
      .returning({ id: certificates.id, number: certificates.number })
    const ids = new Map(rows.map((r) => [r.number, r.id]))
    const warnings = await expiryWarnings(cooperative.id, now)
    const byNumber = new Map(warnings.map((w) => [w.number, w]))
    for (const [label, , tier] of cases) {
      expect(byNumber.get(label)?.tier ?? null, label).toBe(tier)
    }
    expect(warnings).toHaveLength(6)
    // Soonest first; the last minute still counts as one day left.
    expect(warnings.map((w) => w.number)).toEqual([
      'one minute',
      '7 days',
      'just over 7 days',
      '30 days',
      'just over 30 days',
      '60 days',
    ])
    expect(byNumber.get('one minute')?.daysLeft).toBe(1)
    expect(byNumber.get('30 days')?.daysLeft).toBe(30)
    expect(byNumber.get('60 days')?.certificateId).toBe(ids.get('60 days'))
    // The first test of the file also opens the database: slow on a busy machine.
  }, 90_000)

  test('name the products on sale that would go off sale, not drafts nor those another certificate keeps', async () => {
    const { cooperative } = await honeyCooperative()
    const now = new Date()
    const soon = new Date(now.getTime() + 20 * day)
    const later = new Date(now.getTime() + 300 * day)
    const onSale = await createProduct(db, {
      cooperativeId: cooperative.id,
      titleAr: 'عسل بيولوجي',
      claims: ['organic'],
    })
    const draft = await createProduct(db, {
      cooperativeId: cooperative.id,
      status: 'draft',
      claims: ['organic'],
    })
    const renewed = await createProduct(db, { cooperativeId: cooperative.id, claims: ['organic'] })
    const unclaimed = await createProduct(db, { cooperativeId: cooperative.id })
    const fairTrade = await createProduct(db, {
      cooperativeId: cooperative.id,
      titleAr: 'عسل منصف',
      claims: ['fair_trade'],
    })
    const expiring = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      productIds: [onSale.id, draft.id, renewed.id, unclaimed.id],
      expiresAt: soon,
    })
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      productIds: [renewed.id],
      expiresAt: later,
    })
    // Cooperative-wide: every product that claims it.
    const wide = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'fair_trade',
      expiresAt: new Date(now.getTime() + 5 * day),
    })
    // Another cooperative's product under a certificate of its own is none of this one's.
    const other = await honeyCooperative()
    const foreign = await createProduct(db, {
      cooperativeId: other.cooperative.id,
      claims: ['organic'],
    })
    await createCertificate(db, {
      cooperativeId: other.cooperative.id,
      type: 'organic',
      productIds: [foreign.id],
      expiresAt: soon,
    })

    const warnings = await expiryWarnings(cooperative.id, now)
    expect(warnings.map((w) => [w.certificateId, w.tier])).toEqual([
      [wide.id, 7],
      [expiring.id, 30],
    ])
    expect(warnings[0]!.productsGoingOffSale.map((p) => p.id)).toEqual([fairTrade.id])
    expect(warnings[1]!.productsGoingOffSale.map((p) => p.id)).toEqual([onSale.id])
    // What the warning says is what the gate does once the day comes.
    const after = new Date(soon.getTime() + minute)
    const ids = [onSale.id, renewed.id, unclaimed.id]
    expect(await purchasableProductIds(ids, now)).toEqual(new Set(ids))
    expect(await purchasableProductIds(ids, after)).toEqual(new Set([renewed.id, unclaimed.id]))
  })

  test('the dashboard and the certificate list show them; the list shows revoked and expired for what they are', async () => {
    const { cooperative, manager, member } = await honeyCooperative()
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      titleAr: 'عسل بيولوجي',
      titleFr: 'Miel bio',
      claims: ['organic'],
    })
    const expiring = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      productIds: [product.id],
      expiresAt: new Date(Date.now() + 6 * day),
    })
    const decidedAt = new Date(Date.now() - 3 * day)
    const revoked = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'halal',
      status: 'revoked',
      decidedAt,
      expiresAt: new Date(Date.now() + 100 * day),
    })
    const expiredOn = new Date(Date.now() - 2 * day)
    const expired = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'fair_trade',
      expiresAt: expiredOn,
    })
    for (const user of [manager, member]) {
      const page = dataOf<{
        warnings: { certificateId: string; tier: number; products: string[]; daysLeft: number }[]
      }>(
        await call(
          dashboardLoader,
          makeRequest(`/coop/${cooperative.slug}`, {
            cookie: await loginAs(user),
            language: 'fr',
          }),
          { slug: cooperative.slug },
        ),
      )
      expect(page.warnings).toEqual([
        expect.objectContaining({
          certificateId: expiring.id,
          tier: 7,
          daysLeft: 6,
          products: ['Miel bio'],
        }),
      ])
    }
    const list = dataOf<{
      warnings: { certificateId: string }[]
      certificates: { id: string; state: string; endedOn: string | null }[]
    }>(
      await call(
        certificatesLoader,
        makeRequest(`/coop/${cooperative.slug}/certificates`, {
          cookie: await loginAs(manager),
          language: 'fr',
        }),
        { slug: cooperative.slug },
      ),
    )
    expect(list.warnings.map((w) => w.certificateId)).toEqual([expiring.id])
    const byId = new Map(list.certificates.map((c) => [c.id, c]))
    expect(byId.get(revoked.id)).toMatchObject({
      state: 'revoked',
      endedOn: formatDate(decidedAt, 'fr'),
    })
    expect(byId.get(expired.id)).toMatchObject({
      state: 'expired',
      endedOn: formatDate(expiredOn, 'fr'),
    })
    expect(byId.get(expiring.id)).toMatchObject({ state: 'approved', endedOn: null })
  })
})

function reviewerScope(reviewer: { id: string; email: string; name: string; locale: string }) {
  return {
    user: {
      ...reviewer,
      sessionId: 'test-session',
      roles: ['reviewer'],
      emailVerifiedAt: new Date(),
      twoFactorEnabled: true,
      secondFactorAt: new Date(),
    },
    role: 'reviewer',
  } as AssociationScope
}

async function decisionMails() {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.template, 'certificateDecision'))
    .orderBy(notifications.recipient)
}

describe('the decision e-mail', () => {
  test('after an approval: the decision in each manager’s language, no empty note, a link, and the drafts to publish', async () => {
    const { cooperative, manager } = await honeyCooperative()
    const french = await createUser(db, { locale: 'fr', email: 'z-french@example.com' })
    await addMembership(db, { cooperativeId: cooperative.id, userId: french.id, role: 'manager' })
    const draft = await createProduct(db, {
      cooperativeId: cooperative.id,
      status: 'draft',
      titleAr: 'عسل السدر',
      titleFr: 'Miel de jujubier',
      claims: ['organic'],
    })
    // A draft it does not cover is not announced.
    await createProduct(db, { cooperativeId: cooperative.id, status: 'draft', claims: ['organic'] })
    const pending = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      status: 'pending_review',
      productIds: [draft.id],
      expiresAt: new Date(Date.now() + 400 * day),
    })
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    await decideCertificate({
      actor: reviewerScope(reviewer),
      certificateId: pending.id,
      decision: 'approve',
      note: '  ',
    })
    const mails = await decisionMails()
    const arabic = mails.find((m) => m.recipient === manager.email)!
    const fr = mails.find((m) => m.recipient === french.email)!
    expect(arabic.data.decision).toBe(ar.certificateMail.decision.approve)
    expect(fr.data.decision).toBe('approuvé, il est en vigueur')
    const publishLink = `/coop/${cooperative.slug}/products/publish?certificate=${pending.id}`
    const certificateLink = `/coop/${cooperative.slug}/certificates#certificate-${pending.id}`
    for (const mail of [arabic, fr]) {
      expect(mail.body).not.toMatch(/\bapprove\b|ملاحظة|Note/)
      expect(mail.body).toContain(certificateLink)
      expect(mail.body).toContain(publishLink)
      expect(mail.body).not.toMatch(/\n\n\n/)
    }
    expect(arabic.body).toContain('- عسل السدر')
    expect(fr.body).toContain('- Miel de jujubier')
    expect(fr.body).toContain('encore en brouillon : 1')
    // The link changes nothing by itself: the draft is still a draft.
    expect(await statusOfProduct(draft.id)).toBe('draft')
  })

  test('a rejection carries its note and no publishing prompt', async () => {
    const { cooperative, manager } = await honeyCooperative()
    const draft = await createProduct(db, {
      cooperativeId: cooperative.id,
      status: 'draft',
      claims: ['organic'],
    })
    const pending = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      status: 'pending_review',
      productIds: [draft.id],
      expiresAt: new Date(Date.now() + 400 * day),
    })
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    await decideCertificate({
      actor: reviewerScope(reviewer),
      certificateId: pending.id,
      decision: 'reject',
      note: 'The scan is unreadable.',
    })
    const [mail] = await decisionMails()
    expect(mail).toMatchObject({ recipient: manager.email })
    expect(mail!.body).toContain(`${ar.certificateMail.decision.reject}.`)
    expect(mail!.body).toContain('ملاحظة الجمعية: The scan is unreadable.')
    expect(mail!.body).not.toContain('/products/publish')
  })
})

describe('publishing the drafts a certificate allows', () => {
  async function setting() {
    const team = await honeyCooperative()
    const ready = await createProduct(db, {
      cooperativeId: team.cooperative.id,
      status: 'draft',
      titleAr: 'أ عسل',
      titleFr: 'Miel prêt',
      claims: ['organic'],
    })
    // Also covered, but edited after the approval: kept back on purpose, not announced.
    const keptBack = await createProduct(db, {
      cooperativeId: team.cooperative.id,
      status: 'draft',
      titleAr: 'ب عسل',
      titleFr: 'Miel en attente',
      claims: ['organic'],
    })
    const notReady = await createProduct(db, {
      cooperativeId: team.cooperative.id,
      status: 'draft',
      claims: ['halal'],
    })
    const approvedAt = new Date(Date.now() - day)
    const certificate = await createCertificate(db, {
      cooperativeId: team.cooperative.id,
      type: 'organic',
      productIds: [ready.id, keptBack.id],
      decidedAt: approvedAt,
      expiresAt: new Date(Date.now() + 400 * day),
    })
    await db
      .update(products)
      .set({ updatedAt: new Date(approvedAt.getTime() - day) })
      .where(eq(products.id, ready.id))
    await db
      .update(products)
      .set({ updatedAt: new Date(approvedAt.getTime() + minute) })
      .where(eq(products.id, keptBack.id))
    return { ...team, ready, keptBack, notReady, certificate }
  }

  const post = (slug: string, cookie: string, productIds: string[]) =>
    call(
      publishAction,
      makeRequest(`/coop/${slug}/products/publish`, {
        cookie,
        language: 'en',
        form: { productIds },
      }),
      { slug },
    )

  test('the page lists the ready drafts and changes nothing; the dashboard counts them for managers', async () => {
    const { cooperative, manager, member, ready, keptBack, certificate } = await setting()
    const cookie = await loginAs(manager)
    for (const query of ['', `?certificate=${certificate.id}`]) {
      const page = await call(
        publishLoader,
        makeRequest(`/coop/${cooperative.slug}/products/publish${query}`, {
          cookie,
          language: 'fr',
        }),
        { slug: cooperative.slug },
      )
      expect(dataOf<{ drafts: unknown[] }>(page).drafts).toEqual([
        { id: ready.id, title: 'Miel prêt' },
        { id: keptBack.id, title: 'Miel en attente' },
      ])
    }
    expect(await statusOfProduct(ready.id)).toBe('draft')
    const dashboard = (user: { id: string }) =>
      loginAs(user).then((c) =>
        call(dashboardLoader, makeRequest(`/coop/${cooperative.slug}`, { cookie: c }), {
          slug: cooperative.slug,
        }),
      )
    expect(dataOf<{ readyToPublish: number }>(await dashboard(manager)).readyToPublish).toBe(1)
    expect(dataOf<{ readyToPublish: number }>(await dashboard(member)).readyToPublish).toBe(0)
    // A member does not reach the page at all.
    const memberPage = await call(
      publishLoader,
      makeRequest(`/coop/${cooperative.slug}/products/publish`, {
        cookie: await loginAs(member),
      }),
      { slug: cooperative.slug },
    )
    expect(statusOf(memberPage)).toBe(403)
  })

  test('only a manager of the cooperative publishes, and only drafts the gate lets on sale', async () => {
    const { cooperative, manager, member, ready, keptBack, notReady } = await setting()
    const other = await honeyCooperative()
    const foreignDraft = await createProduct(db, {
      cooperativeId: other.cooperative.id,
      status: 'draft',
    })

    // Another cooperative's manager: not found, whichever slug she uses.
    expect(statusOf(await post(cooperative.slug, await loginAs(other.manager), [ready.id]))).toBe(
      404,
    )
    expect(await statusOfProduct(ready.id)).toBe('draft')
    // A member of the cooperative: forbidden.
    expect(statusOf(await post(cooperative.slug, await loginAs(member), [ready.id]))).toBe(403)
    expect(await statusOfProduct(ready.id)).toBe('draft')
    // Nothing ticked: a clear error.
    const cookie = await loginAs(manager)
    const empty = await post(cooperative.slug, cookie, [])
    expect(statusOf(empty)).toBe(400)
    expect(dataOf<{ fieldErrors: Record<string, string> }>(empty).fieldErrors.productIds).toBe(
      'Tick at least one product to publish.',
    )

    const result = await post(cooperative.slug, cookie, [ready.id, notReady.id, foreignDraft.id])
    expect(statusOf(result)).toBe(302)
    expect(headersOf(result).get('location')).toBe(`/coop/${cooperative.slug}/products`)
    expect(await statusOfProduct(ready.id)).toBe('published')
    expect(await purchasableProductIds([ready.id])).toEqual(new Set([ready.id]))
    // Still missing its certificate, or someone else's: untouched.
    expect(await statusOfProduct(notReady.id)).toBe('draft')
    expect(await statusOfProduct(foreignDraft.id)).toBe('draft')
    expect((await publishableDrafts(cooperative.id, new Date())).map((p) => p.id)).toEqual([
      keptBack.id,
    ])
  })
})

describe('reviewer screens', () => {
  test('/admin/products says on sale only of what the gate lets customers buy', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const missing = await createProduct(db, { cooperativeId: cooperative.id })
    const covered = await createCooperativeWithTeam(db)
    await createCertificate(db, { cooperativeId: covered.cooperative.id, type: 'onssa' })
    const onSale = await createProduct(db, { cooperativeId: covered.cooperative.id })
    const blocked = await createProduct(db, {
      cooperativeId: covered.cooperative.id,
      blockedReason: 'Photos of another brand.',
    })
    const admin = await createUser(db, { roles: ['admin'] })
    const page = dataOf<{
      products: { id: string; onSale: boolean; offSaleBecause: string[] }[]
    }>(
      await call(
        moderationLoader,
        makeRequest('/admin/products', { cookie: await loginAs(admin), language: 'en' }),
      ),
    )
    const byId = new Map(page.products.map((p) => [p.id, p]))
    expect(byId.get(onSale.id)).toMatchObject({ onSale: true, offSaleBecause: [] })
    expect(byId.get(missing.id)).toMatchObject({
      onSale: false,
      offSaleBecause: ['no ONSSA sanitary authorisation'],
    })
    expect(byId.get(blocked.id)).toMatchObject({
      onSale: false,
      offSaleBecause: ['blocked by the association'],
    })
  })

  test('a revoked certificate’s public page says when it was revoked, in the reader’s language', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const decidedAt = new Date(Date.now() - 10 * day)
    const revoked = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'revoked',
      decidedAt,
    })
    for (const language of ['ar', 'fr'] as const) {
      const page = dataOf<{ certificate: { state: string; endedOn: string } }>(
        await call(verifyLoader, makeRequest(`/certificates/${revoked.id}`, { language }), {
          id: revoked.id,
        }),
      )
      expect(page.certificate).toMatchObject({
        state: 'revoked',
        endedOn: formatDate(decidedAt, language),
      })
    }
  })
})
