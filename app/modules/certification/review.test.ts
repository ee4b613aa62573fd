import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import {
  certificateEvents,
  certificateFiles,
  certificateProducts,
  certificates,
} from '#db/schema/certification.ts'
import { notifications } from '#db/schema/notifications.ts'
import {
  addMembership,
  createCertificate,
  createCooperativeWithTeam,
  createProduct,
  createUser,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import { loader as queueLoader } from '#app/routes/admin.certificates._index.tsx'
import {
  action as reviewAction,
  loader as reviewLoader,
} from '#app/routes/admin.certificates.$id.tsx'
import {
  action as moderationAction,
  loader as moderationLoader,
} from '#app/routes/admin.products._index.tsx'
import { loader as fileLoader } from '#app/routes/certificate-files.$id.ts'
import { loader as verifyLoader } from '#app/routes/certificates.$id.tsx'
import { call, dataOf, headersOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pdfFile } from '#tests/files.ts'
import ar from '#app/locales/ar/server.json'
import { type CertificateSubmission, submitCertificate } from './certificates.server.ts'
import { purchasableProductIds } from './gate.server.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }
type Language = 'ar' | 'fr' | 'en'

const day = 24 * 3600 * 1000
// Noon UTC: the same calendar day in Morocco, whatever the offset of the season.
const noon = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * day)
  d.setUTCHours(12, 0, 0, 0)
  return d
}
const dayString = (date: Date) => date.toISOString().slice(0, 10)

async function team() {
  const { cooperative, manager, member } = await createCooperativeWithTeam(db)
  const reviewer = await createUser(db, { roles: ['reviewer'] })
  return { cooperative, manager, member, reviewer, reviewerCookie: await loginAs(reviewer) }
}

/** A certificate sent by the cooperative's manager, with a real PDF as evidence. */
async function submitted(
  cooperative: { id: string; slug: string; displayName: string; status: string },
  manager: { id: string; email: string; name: string; locale: string },
  certificate: Partial<CertificateSubmission> = {},
) {
  const scope: CooperativeScope = {
    user: {
      ...manager,
      sessionId: 'test-session',
      roles: [],
      emailVerifiedAt: new Date(),
      twoFactorEnabled: false,
      secondFactorAt: null,
    },
    role: 'manager',
    cooperative,
  }
  const pdf = Buffer.from(await pdfFile('certificate.pdf').arrayBuffer())
  const { id } = await submitCertificate({
    scope,
    certificate: {
      type: 'fair_trade',
      issuingBody: 'WFTO',
      number: 'FT-2025-0042',
      signName: null,
      scope: 'cooperative',
      productIds: [],
      issuedAt: noon(-100),
      expiresAt: noon(600),
      ...certificate,
    },
    files: [pdf],
  })
  const [file] = await db
    .select()
    .from(certificateFiles)
    .where(eq(certificateFiles.certificateId, id))
  return { id, file: file! }
}

function decide(
  cookie: string,
  id: string,
  form: Record<string, string | string[]>,
  language: Language = 'en',
) {
  return call(reviewAction, makeRequest(`/admin/certificates/${id}`, { cookie, language, form }), {
    id,
  })
}

async function certificateRow(id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id))
  return row!
}

async function trail(id: string) {
  const events = await db
    .select()
    .from(certificateEvents)
    .where(eq(certificateEvents.certificateId, id))
    .orderBy(certificateEvents.createdAt)
  const audit = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'certificate'), eq(auditLog.targetId, id)))
  const mails = await db
    .select()
    .from(notifications)
    .where(eq(notifications.template, 'certificateDecision'))
  return { events, audit: audit.map((a) => a.action), mails }
}

describe('who may review certificates', () => {
  test('customers and finance staff get 403 on the queue, the review page and the decisions', async () => {
    const { cooperative } = await team()
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'pending_review',
    })
    const customer = await createUser(db)
    const finance = await createUser(db, { roles: ['finance'] })
    for (const user of [customer, finance]) {
      const cookie = await loginAs(user)
      expect(
        statusOf(await call(queueLoader, makeRequest('/admin/certificates', { cookie }))),
      ).toBe(403)
      expect(
        statusOf(
          await call(
            reviewLoader,
            makeRequest(`/admin/certificates/${certificate.id}`, { cookie }),
            { id: certificate.id },
          ),
        ),
      ).toBe(403)
      expect(statusOf(await decide(cookie, certificate.id, { intent: 'approve' }))).toBe(403)
      expect(
        statusOf(await call(moderationLoader, makeRequest('/admin/products', { cookie }))),
      ).toBe(403)
    }
    expect((await certificateRow(certificate.id)).status).toBe('pending_review')
    const guest = await call(queueLoader, makeRequest('/admin/certificates'))
    expect(statusOf(guest)).toBe(302)
  })

  test('a reviewer who belongs to the cooperative cannot decide, and nothing changes', async () => {
    const { cooperative, reviewer, reviewerCookie } = await team()
    await addMembership(db, { cooperativeId: cooperative.id, userId: reviewer.id, role: 'member' })
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'pending_review',
    })
    const result = await decide(reviewerCookie, certificate.id, { intent: 'approve' })
    expect(statusOf(result)).toBe(403)
    expect(dataOf<Reply>(result).formError).toBe(
      'You are a member of this cooperative: another reviewer must decide.',
    )
    const row = await certificateRow(certificate.id)
    expect(row).toMatchObject({ status: 'pending_review', reviewerId: null, approvedAt: null })
    const { events, audit, mails } = await trail(certificate.id)
    expect(events.map((e) => e.action)).toEqual(['submitted'])
    expect(audit).toEqual([])
    expect(mails).toEqual([])
  })

  test('unknown or malformed ids are 404, an unknown decision is 400', async () => {
    const { cooperative, reviewerCookie } = await team()
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'pending_review',
    })
    for (const id of ['not-a-uuid', '6f1c1a52-6a55-4d8e-9a43-3f2d0f6e1b7a']) {
      expect(
        statusOf(
          await call(
            reviewLoader,
            makeRequest(`/admin/certificates/${id}`, { cookie: reviewerCookie }),
            { id },
          ),
        ),
      ).toBe(404)
      expect(statusOf(await decide(reviewerCookie, id, { intent: 'approve' }))).toBe(404)
    }
    expect(statusOf(await decide(reviewerCookie, certificate.id, { intent: 'delete' }))).toBe(400)
    expect(statusOf(await decide(reviewerCookie, certificate.id, {}))).toBe(400)
    expect((await certificateRow(certificate.id)).status).toBe('pending_review')
  })
})

describe('deciding', () => {
  test('approve with a corrected expiry: approved, recorded, audited, and the managers are told', async () => {
    const { cooperative, manager, reviewer, reviewerCookie } = await team()
    const { id, file } = await submitted(cooperative, manager)
    const before = await certificateRow(id)

    const page = await call(
      reviewLoader,
      makeRequest(`/admin/certificates/${id}`, { cookie: reviewerCookie, language: 'en' }),
      { id },
    )
    expect(statusOf(page)).toBe(200)
    const view = dataOf<{
      decisions: string[]
      files: { id: string; contentType: string }[]
      certificate: { typeName: string; issuedDay: string; state: string }
      history: { action: string }[]
    }>(page)
    expect(view.decisions).toEqual(['approve', 'reject', 'requestChanges'])
    expect(view.files).toEqual([{ id: file.id, contentType: 'application/pdf' }])
    expect(view.certificate).toMatchObject({
      typeName: 'Fair trade',
      issuedDay: dayString(before.issuedAt),
      state: 'pending_review',
    })
    expect(view.history.map((h) => h.action)).toEqual(['submitted'])

    const newExpiry = dayString(noon(900))
    const result = await decide(reviewerCookie, id, {
      intent: 'approve',
      issuedAt: dayString(before.issuedAt),
      expiresAt: newExpiry,
      scope: 'cooperative',
      note: '',
    })
    expect(statusOf(result)).toBe(302)
    expect(headersOf(result).get('location')).toBe(`/admin/certificates/${id}`)
    expect(headersOf(result).get('set-cookie')).toBeTruthy()

    const after = await certificateRow(id)
    expect(after).toMatchObject({ status: 'approved', reviewerId: reviewer.id })
    // The untouched issue date keeps its exact moment; the expiry is the start of the new day.
    expect(after.issuedAt.toISOString()).toBe(before.issuedAt.toISOString())
    expect(after.expiresAt?.toISOString()).toBe(`${newExpiry}T00:00:00.000Z`)
    expect(after.approvedAt).toBeInstanceOf(Date)

    const { events, audit, mails } = await trail(id)
    expect(events.at(-1)).toMatchObject({
      action: 'approve',
      fromStatus: 'pending_review',
      toStatus: 'approved',
      actorUserId: reviewer.id,
    })
    expect(audit).toEqual(expect.arrayContaining(['certificate.submitted', 'certificate.approve']))
    expect(mails.map((m) => m.recipient)).toEqual([manager.email])
    // In the manager's language (Arabic by default), with no empty note and a link.
    expect(mails[0]?.data).toMatchObject({
      cooperative: cooperative.displayName,
      number: 'FT-2025-0042',
      decision: ar.certificateMail.decision.approve,
    })
    expect(mails[0]?.body).not.toMatch(/approve|ملاحظة/)
    expect(mails[0]?.body).toContain(`/coop/${cooperative.slug}/certificates#certificate-${id}`)
    // Once approved, only suspension and revocation remain.
    const again = await call(
      reviewLoader,
      makeRequest(`/admin/certificates/${id}`, { cookie: reviewerCookie }),
      { id },
    )
    expect(dataOf<{ decisions: string[] }>(again).decisions).toEqual(['suspend', 'revoke'])
  })

  test('approve may narrow the scope to chosen products; a type that expires needs its expiry date', async () => {
    const { cooperative, manager, reviewerCookie } = await team()
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    await createProduct(db, { cooperativeId: cooperative.id })
    const { id } = await submitted(cooperative, manager, { type: 'halal', number: 'H-7' })
    // Halal certificates expire: an approval that removes the expiry is refused.
    const noExpiry = await decide(reviewerCookie, id, {
      intent: 'approve',
      expiresAt: '',
      scope: 'products',
      productIds: [product.id],
    })
    expect(statusOf(noExpiry)).toBe(400)
    expect((await certificateRow(id)).status).toBe('pending_review')
    const result = await decide(reviewerCookie, id, {
      intent: 'approve',
      expiresAt: '2031-06-30',
      scope: 'products',
      productIds: [product.id],
    })
    expect(statusOf(result)).toBe(302)
    expect(await certificateRow(id)).toMatchObject({ status: 'approved', scope: 'products' })
    expect((await certificateRow(id)).expiresAt?.toISOString().slice(0, 10)).toMatch(
      /^2031-06-(29|30)$/,
    )
    const covered = await db
      .select({ productId: certificateProducts.productId })
      .from(certificateProducts)
      .where(eq(certificateProducts.certificateId, id))
    expect(covered).toEqual([{ productId: product.id }])
  })

  test('a note is required to reject; with one, the certificate is rejected and the managers read it', async () => {
    const { cooperative, manager, reviewerCookie } = await team()
    const { id } = await submitted(cooperative, manager)
    const noNote = await decide(reviewerCookie, id, { intent: 'reject', note: ' ' })
    expect(statusOf(noNote)).toBe(400)
    expect(dataOf<Reply>(noNote).fieldErrors.note).toBe('Write the reason (at least 5 characters).')
    expect((await certificateRow(id)).status).toBe('pending_review')
    expect((await trail(id)).mails).toEqual([])

    const note = 'The scan is unreadable: send a clearer copy.'
    expect(statusOf(await decide(reviewerCookie, id, { intent: 'reject', note }))).toBe(302)
    expect(await certificateRow(id)).toMatchObject({ status: 'rejected', decisionNote: note })
    const { events, audit, mails } = await trail(id)
    expect(events.at(-1)).toMatchObject({
      action: 'reject',
      fromStatus: 'pending_review',
      toStatus: 'rejected',
      note,
    })
    expect(audit).toContain('certificate.reject')
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ recipient: manager.email })
    expect(mails[0]?.data).toMatchObject({ decision: ar.certificateMail.decision.reject })
    expect(mails[0]?.body).toContain(`ملاحظة الجمعية: ${note}`)
  })

  test('suspend, reinstate and revoke move the status, each recorded, audited and e-mailed', async () => {
    const { cooperative, manager, reviewerCookie } = await team()
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'approved',
    })
    const id = certificate.id
    expect(statusOf(await decide(reviewerCookie, id, { intent: 'suspend' }))).toBe(400)
    expect((await certificateRow(id)).status).toBe('approved')

    const steps = [
      {
        intent: 'suspend',
        note: 'The ONSSA inspection is overdue.',
        from: 'approved',
        to: 'suspended',
      },
      { intent: 'reinstate', note: '', from: 'suspended', to: 'approved' },
      {
        intent: 'revoke',
        note: 'ONSSA withdrew the authorisation.',
        from: 'approved',
        to: 'revoked',
      },
    ]
    for (const step of steps) {
      const result = await decide(reviewerCookie, id, { intent: step.intent, note: step.note })
      expect(statusOf(result), step.intent).toBe(302)
      expect((await certificateRow(id)).status).toBe(step.to)
      const { events, audit, mails } = await trail(id)
      expect(events.at(-1)).toMatchObject({
        action: step.intent,
        fromStatus: step.from,
        toStatus: step.to,
        note: step.note || null,
      })
      expect(audit).toContain(`certificate.${step.intent}`)
      expect(mails.at(-1)).toMatchObject({ recipient: manager.email })
      expect(mails.at(-1)?.data).toMatchObject({
        decision:
          ar.certificateMail.decision[step.intent as keyof typeof ar.certificateMail.decision],
      })
    }
    expect((await trail(id)).mails).toHaveLength(3)

    // A decision the status does not allow changes nothing.
    const late = await decide(reviewerCookie, id, { intent: 'reinstate' })
    expect(statusOf(late)).toBe(409)
    expect((await certificateRow(id)).status).toBe('revoked')
  })

  test('an expiry before the issue date, or a date that does not exist, is refused and nothing changes', async () => {
    const { cooperative, manager, reviewerCookie } = await team()
    const { id } = await submitted(cooperative, manager)
    const before = await certificateRow(id)

    const early = await decide(reviewerCookie, id, {
      intent: 'approve',
      expiresAt: dayString(new Date(before.issuedAt.getTime() - 10 * day)),
    })
    expect(statusOf(early)).toBe(400)
    expect(dataOf<Reply>(early).fieldErrors.expiresAt).toBeTruthy()

    const impossible = await decide(
      reviewerCookie,
      id,
      { intent: 'approve', issuedAt: '2025-02-30', expiresAt: '2027-13-01' },
      'fr',
    )
    expect(statusOf(impossible)).toBe(400)
    expect(dataOf<Reply>(impossible).fieldErrors).toEqual({
      issuedAt: "Cette valeur n'est pas valide.",
      expiresAt: "Cette valeur n'est pas valide.",
    })

    expect(await certificateRow(id)).toEqual(before)
    const { events, audit, mails } = await trail(id)
    expect(events.map((e) => e.action)).toEqual(['submitted'])
    expect(audit).toEqual(['certificate.submitted'])
    expect(mails).toEqual([])
  })
})

describe('the queue', () => {
  test('counters count what waits, what expires within 30 days, what expired and what is suspended', async () => {
    const { cooperative, reviewerCookie } = await team()
    const base = { cooperativeId: cooperative.id, type: 'organic' as const }
    const older = await createCertificate(db, { ...base, status: 'pending_review' })
    const newer = await createCertificate(db, { ...base, status: 'pending_review' })
    await db
      .update(certificates)
      .set({ createdAt: new Date(Date.now() - 5 * day) })
      .where(eq(certificates.id, older.id))
    const expiring = await createCertificate(db, { ...base, expiresAt: noon(10) })
    const expired = await createCertificate(db, {
      ...base,
      issuedAt: noon(-800),
      expiresAt: noon(-3),
    })
    const suspended = await createCertificate(db, { ...base, status: 'suspended' })
    await createCertificate(db, { ...base, expiresAt: noon(90) })
    await createCertificate(db, { ...base, type: 'onssa', expiresAt: null })
    await createCertificate(db, { ...base, status: 'revoked' })

    type Queue = {
      filter: string
      counts: Record<string, number>
      list: { id: string; state: string }[]
    }
    const queue = async (search = '') =>
      dataOf<Queue>(
        await call(
          queueLoader,
          makeRequest(`/admin/certificates${search}`, { cookie: reviewerCookie }),
        ),
      )
    const first = await queue()
    expect(first.filter).toBe('to_review')
    expect(first.counts).toEqual({ to_review: 2, expiring: 1, expired: 1, suspended: 1 })
    expect(first.list.map((c) => c.id)).toEqual([older.id, newer.id])
    expect(first.list[0]?.state).toBe('pending_review')

    expect((await queue('?filter=expiring')).list.map((c) => c.id)).toEqual([expiring.id])
    const expiredList = await queue('?filter=expired')
    expect(expiredList.list).toEqual([
      expect.objectContaining({ id: expired.id, state: 'expired' }),
    ])
    expect((await queue('?filter=suspended')).list.map((c) => c.id)).toEqual([suspended.id])
    expect((await queue('?filter=everything')).filter).toBe('to_review')
  })
})

describe('the public verification page', () => {
  type Verify = { certificate: Record<string, unknown> & { state: string } }
  const verify = (id: string, language: Language = 'en') =>
    call(verifyLoader, makeRequest(`/certificates/${id}`, { language }), { id })

  test('404 for certificates the association has not vouched for', async () => {
    const { cooperative } = await team()
    for (const status of ['pending_review', 'rejected'] as const) {
      const c = await createCertificate(db, {
        cooperativeId: cooperative.id,
        type: 'onssa',
        status,
      })
      expect(statusOf(await verify(c.id)), status).toBe(404)
    }
    expect(statusOf(await verify('6f1c1a52-6a55-4d8e-9a43-3f2d0f6e1b7a'))).toBe(404)
    expect(statusOf(await verify('../etc/passwd'))).toBe(404)
  })

  test('an approved certificate is shown, in the reader language, without any trace of its files', async () => {
    const { cooperative, manager, reviewerCookie } = await team()
    const { id, file } = await submitted(cooperative, manager)
    expect(statusOf(await verify(id))).toBe(404)
    expect(statusOf(await decide(reviewerCookie, id, { intent: 'approve' }))).toBe(302)

    const page = await verify(id, 'fr')
    expect(statusOf(page)).toBe(200)
    const data = dataOf<Verify & { title: string; description: string }>(page)
    expect(data.certificate).toMatchObject({
      state: 'approved',
      typeName: 'Commerce équitable',
      issuingBody: 'WFTO',
      number: 'FT-2025-0042',
      cooperativeSlug: cooperative.slug,
    })
    expect(data.certificate.approvedAt).toEqual(expect.any(String))
    expect(data.title).toBeTruthy()
    const json = JSON.stringify(data)
    expect(json).not.toContain(file.storageKey)
    expect(json).not.toContain(file.id)
    expect(json).not.toMatch(/storage|certificate-files/i)
  })

  test('revoked and expired certificates say so', async () => {
    const { cooperative } = await team()
    const revoked = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'revoked',
    })
    const expired = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      issuedAt: noon(-800),
      expiresAt: noon(-1),
    })
    const suspended = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'halal',
      status: 'suspended',
    })
    expect(dataOf<Verify>(await verify(revoked.id)).certificate.state).toBe('revoked')
    expect(dataOf<Verify>(await verify(expired.id)).certificate.state).toBe('expired')
    expect(dataOf<Verify>(await verify(suspended.id)).certificate.state).toBe('suspended')
  })
})

describe('evidence files', () => {
  test('only the cooperative and the association may open them', async () => {
    const { cooperative, manager, member, reviewer } = await team()
    const { file } = await submitted(cooperative, manager)
    const open = async (cookie?: string) =>
      call(fileLoader, makeRequest(`/certificate-files/${file.id}`, { cookie }), { id: file.id })

    const other = await createCooperativeWithTeam(db)
    const customer = await createUser(db)
    expect(statusOf(await open(await loginAs(other.manager)))).toBe(404)
    expect(statusOf(await open(await loginAs(other.member)))).toBe(404)
    expect(statusOf(await open(await loginAs(customer)))).toBe(404)
    const guest = await open()
    expect(statusOf(guest)).toBe(302)
    expect(headersOf(guest).get('location')).toMatch(/^\/login\?redirectTo=/)

    for (const user of [manager, member, reviewer]) {
      const result = await open(await loginAs(user))
      expect(statusOf(result)).toBe(200)
      const response = result as Response
      expect(response.headers.get('content-type')).toBe('application/pdf')
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
    }
    expect(
      statusOf(
        await call(
          fileLoader,
          makeRequest('/certificate-files/nope', { cookie: await loginAs(reviewer) }),
          { id: 'nope' },
        ),
      ),
    ).toBe(404)
  })
})

describe('product moderation', () => {
  test('blocking needs a reason and takes the product off sale; unblocking puts it back', async () => {
    const { cooperative, reviewerCookie } = await team()
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    expect(await purchasableProductIds([product.id])).toEqual(new Set([product.id]))

    const moderate = (form: Record<string, string>) =>
      call(
        moderationAction,
        makeRequest('/admin/products', { cookie: reviewerCookie, language: 'en', form }),
      )
    const noReason = await moderate({ intent: 'block', productId: product.id, reason: 'bad' })
    expect(statusOf(noReason)).toBe(400)
    expect(dataOf<Reply>(noReason).fieldErrors.reason).toBe(
      'Write the reason (at least 5 characters).',
    )
    expect(await purchasableProductIds([product.id])).toEqual(new Set([product.id]))

    const reason = 'The photos show another brand.'
    const blocked = await moderate({ intent: 'block', productId: product.id, reason })
    expect(statusOf(blocked)).toBe(302)
    expect(headersOf(blocked).get('location')).toBe('/admin/products')
    expect(await purchasableProductIds([product.id])).toEqual(new Set())
    const listed = dataOf<{ products: { id: string; blockedReason: string | null }[] }>(
      await call(moderationLoader, makeRequest('/admin/products', { cookie: reviewerCookie })),
    )
    expect(listed.products).toEqual([
      expect.objectContaining({ id: product.id, blockedReason: reason }),
    ])

    expect(statusOf(await moderate({ intent: 'unblock', productId: product.id }))).toBe(302)
    expect(await purchasableProductIds([product.id])).toEqual(new Set([product.id]))
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, product.id))
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['product.blocked', 'product.unblocked']),
    )
    expect(statusOf(await moderate({ intent: 'delete', productId: product.id }))).toBe(400)
  })
})
