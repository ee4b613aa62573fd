// Attacks and races found in review, each kept closed by a test.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productImages, products } from '#db/schema/catalog.ts'
import { cooperatives, memberships } from '#db/schema/cooperatives.ts'
import { notifications } from '#db/schema/notifications.ts'
import {
  addMembership,
  createCooperativeWithTeam,
  createProduct,
  createUser,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as forgotAction } from '#app/routes/forgot-password.tsx'
import { action as teamAction } from '#app/routes/coop.$slug.team.tsx'
import { action as invitationAction } from '#app/routes/invitations.$token.tsx'
import { action as reviewAction } from '#app/routes/admin.cooperatives.$id.tsx'
import { action as profileAction } from '#app/routes/coop.$slug.profile.tsx'
import { action as moderationAction } from '#app/routes/admin.products._index.tsx'
import { action as editAction } from '#app/routes/coop.$slug.products.$productId.tsx'
import { getStorage } from '#app/modules/media/storage.server.ts'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pngFile } from '#tests/files.ts'

type Reply = { fieldErrors: Record<string, string>; formError?: string }

describe('hardening', () => {
  test('a reset link never points to the host a request claims', async () => {
    await createUser(db, { email: 'victim@example.com' })
    const request = makeRequest('/forgot-password', {
      form: { email: 'victim@example.com' },
      headers: { 'x-forwarded-host': 'evil.example' },
    })
    request.headers.delete('origin')
    expect(statusOf(await call(forgotAction, request))).toBe(200)
    const [mail] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.template, 'passwordReset'))
    expect(mail?.body).not.toContain('evil.example')
    expect(mail?.body).toMatch(/http:\/\/localhost:\d+\/reset-password\?token=/)
  })

  test('an invitation works only for the address it was sent to', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    await call(
      teamAction,
      makeRequest(`/coop/${cooperative.slug}/team`, {
        cookie: await loginAs(manager),
        form: { intent: 'invite', email: 'amal@example.com', role: 'manager' },
      }),
      { slug: cooperative.slug },
    )
    const [mail] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.template, 'invitation'))
    const token = mail!.body.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!
    const stranger = await createUser(db, { email: 'someone-else@example.com' })
    const result = await call(
      invitationAction,
      makeRequest(`/invitations/${token}`, {
        cookie: await loginAs(stranger),
        form: {},
        language: 'en',
      }),
      { token },
    )
    expect(statusOf(result)).toBe(403)
    expect(dataOf<Reply>(result).formError).toContain('amal@example.com')
    expect(
      await db.select().from(memberships).where(eq(memberships.userId, stranger.id)),
    ).toHaveLength(0)
    const amal = await createUser(db, { email: 'Amal@Example.com' })
    expect(
      statusOf(
        await call(
          invitationAction,
          makeRequest(`/invitations/${token}`, { cookie: await loginAs(amal), form: {} }),
          { token },
        ),
      ),
    ).toBe(302)
  })

  test('approving a bank account approves the one the reviewer saw, not one sent in the meantime', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const [before] = await db
      .select({ rib: cooperatives.rib })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperative.id))
    const cookie = await loginAs(manager)
    const ask = (rib: string) =>
      call(
        profileAction,
        makeRequest(`/coop/${cooperative.slug}/profile`, {
          cookie,
          form: { intent: 'rib', rib, accountHolder: 'Holder' },
        }),
        { slug: cooperative.slug },
      )
    await ask('001810007800020110620318')
    await ask('001810007800020110620221')
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const result = await call(
      reviewAction,
      makeRequest(`/admin/cooperatives/${cooperative.id}`, {
        cookie: await loginAs(reviewer),
        form: { intent: 'approveRib', pendingRib: '001810007800020110620318' },
      }),
      { id: cooperative.id },
    )
    expect(statusOf(result)).toBe(409)
    const [after] = await db
      .select({ rib: cooperatives.rib, pendingRib: cooperatives.pendingRib })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperative.id))
    expect(after).toEqual({ rib: before!.rib, pendingRib: '001810007800020110620221' })
  })

  test('a reviewer cannot block or unblock the products of her own cooperative', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    await addMembership(db, { cooperativeId: cooperative.id, userId: reviewer.id, role: 'member' })
    const result = await call(
      moderationAction,
      makeRequest('/admin/products', {
        cookie: await loginAs(reviewer),
        form: { intent: 'block', productId: product.id, reason: 'Trying to block my own' },
      }),
    )
    expect(statusOf(result)).toBe(403)
    const [row] = await db
      .select({ blockedAt: products.blockedAt })
      .from(products)
      .where(eq(products.id, product.id))
    expect(row?.blockedAt).toBeNull()
  })

  test('removing a photo from one product keeps the same picture on another', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const a = await createProduct(db, { cooperativeId: cooperative.id, status: 'draft' })
    const b = await createProduct(db, { cooperativeId: cooperative.id, status: 'draft' })
    const photo = await pngFile('same.png', 80, 80)
    for (const product of [a, b]) {
      const form = new FormData()
      form.append('photos', photo)
      await call(
        editAction,
        makeRequest(`/coop/${cooperative.slug}/products/${product.id}`, { cookie, form }),
        { slug: cooperative.slug, productId: product.id },
      )
    }
    const [onA] = await db.select().from(productImages).where(eq(productImages.productId, a.id))
    expect(
      statusOf(
        await call(
          editAction,
          makeRequest(`/coop/${cooperative.slug}/products/${a.id}`, {
            cookie,
            form: { intent: 'removeImage', imageId: onA!.id },
          }),
          { slug: cooperative.slug, productId: a.id },
        ),
      ),
    ).toBe(302)
    for (const variant of onA!.image.variants)
      expect(await getStorage().exists(variant.key, 'public')).toBe(true)
  })
})

describe('body limits', () => {
  test('a form without files larger than 256 KB is refused before it is read whole', async () => {
    const { action: languageAction } = await import('#app/routes/set-language.tsx')
    const huge = makeRequest('/set-language', {
      form: { language: 'fr', redirectTo: '/', filler: 'x'.repeat(300 * 1024) },
    })
    expect(statusOf(await call(languageAction, huge))).toBe(413)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 400; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(1024)))
        controller.close()
      },
    })
    const chunked = new Request('http://localhost:3000/set-language', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(statusOf(await call(languageAction, chunked))).toBe(413)
    const fine = await call(
      languageAction,
      makeRequest('/set-language', { form: { language: 'fr', redirectTo: '/login' } }),
    )
    expect((fine as Response).headers.get('location')).toBe('/login')
  })
})

describe('one cooperative per ICE', () => {
  test('the database refuses a second live cooperative with the same ICE, and the error is recognised', async () => {
    const { createCooperative, makeIce } = await import('#db/seed/factories.ts')
    const { isUniqueViolation } = await import('#app/utils/errors.server.ts')
    const ice = makeIce(987654)
    await createCooperative(db, { ice })
    const error = await createCooperative(db, { ice }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(isUniqueViolation(error, 'cooperatives_ice_unique')).toBe(true)
    // A rejected application does not hold the ICE.
    await db.update(cooperatives).set({ status: 'rejected' }).where(eq(cooperatives.ice, ice))
    await expect(createCooperative(db, { ice })).resolves.toBeTruthy()
  })
})
