// Buying through the routes, with real Requests: cart, checkout, tracking, the cooperative's
// and the association's order pages; who may see and move what; bad input refused with
// nothing written.
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { certificates } from '#db/schema/certification.ts'
import { cooperativeOrders, orders } from '#db/schema/orders.ts'
import { productVariants } from '#db/schema/catalog.ts'
import { addMembership, createUser } from '#db/seed/factories.ts'
import { userRoles } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'
import { sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { action as cartAction, loader as cartLoader } from '#app/routes/cart.tsx'
import { action as checkoutAction, loader as checkoutLoader } from '#app/routes/checkout.tsx'
import { action as trackAction, loader as trackLoader } from '#app/routes/orders.$number.tsx'
import { loader as coopOrdersLoader } from '#app/routes/coop.$slug.orders._index.tsx'
import {
  action as coopOrderAction,
  loader as coopOrderLoader,
} from '#app/routes/coop.$slug.orders.$orderId.tsx'
import { loader as slipLoader } from '#app/routes/coop.$slug_.orders.$orderId.slip.tsx'
import { loader as adminOrdersLoader } from '#app/routes/admin.orders._index.tsx'
import {
  action as adminOrderAction,
  loader as adminOrderLoader,
} from '#app/routes/admin.orders.$id.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { testPassword } from '#db/seed/factories.ts'
import {
  call,
  cookiesFrom,
  dataOf,
  headersOf,
  loginAs,
  makeRequest,
  statusOf,
} from '#tests/helpers.ts'

const address = {
  contactName: 'Amina B.',
  phone: '06 61 23 45 67',
  email: 'amina@example.ma',
  regionCode: 'tanger-tetouan-al-hoceima',
  provinceCode: 'tetouan',
  city: 'Tétouan',
  addressLine: 'Derb Sidi Ali, près du four',
  postcode: '93000',
  paymentMethod: 'cod',
}

async function counts() {
  const result = await db.execute(
    sql`select (select count(*) from orders)::int as orders, (select count(*) from order_items)::int as items`,
  )
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows
  return rows[0] as { orders: number; items: number }
}

/** A guest puts lines in the cart through the route; returns the cart cookie. */
async function addLines(lines: { variantId: string; quantity: string }[], cookie = '') {
  for (const line of lines) {
    const result = await call(
      cartAction,
      makeRequest('/cart', { cookie, form: { intent: 'add', ...line, redirectTo: '/products' } }),
    )
    expect(statusOf(result)).toBe(302)
    cookie = [cookie, cookiesFrom(result)].filter(Boolean).join('; ')
  }
  return cookie
    .split('; ')
    .filter((c) => c.startsWith('taawun_cart='))
    .join('; ')
}

/** Checkout as a browser would: ask the quote for the address, then place with its digest. */
async function placeThroughPages(cookie: string, language: 'ar' | 'fr' = 'fr') {
  const page = dataOf<{ idempotencyKey: string }>(
    await call(checkoutLoader, makeRequest('/checkout', { cookie, language })),
  )
  const quote = dataOf<{ digest: string }>(
    await call(
      checkoutAction,
      makeRequest('/checkout', {
        cookie,
        language,
        form: {
          intent: 'quote',
          regionCode: address.regionCode,
          provinceCode: address.provinceCode,
        },
      }),
    ),
  )
  const form = {
    ...address,
    intent: 'place',
    terms: 'on',
    idempotencyKey: page.idempotencyKey,
    digest: quote.digest,
  }
  const placed = await call(checkoutAction, makeRequest('/checkout', { cookie, language, form }))
  return { placed, form }
}

function trackingUrl(result: unknown) {
  const location = headersOf(result).get('location')!
  return new URL(location, 'http://localhost:3000')
}

describe('a guest buys from two cooperatives', () => {
  test('cart → checkout → tracking link; each cooperative sees only its part and moves it', async () => {
    const a = await sellingCooperative({ provinceCode: 'tetouan', stock: 6 })
    const b = await sellingCooperative({ provinceCode: 'nador', stock: 6 })
    const cookie = await addLines([
      { variantId: a.variantId, quantity: '2' },
      { variantId: b.variantId, quantity: '١' }, // typed on an Arabic keyboard
    ])
    const cart = dataOf<{ cart: { count: number; groups: unknown[] } }>(
      await call(cartLoader, makeRequest('/cart', { cookie })),
    )
    expect(cart.cart).toMatchObject({ count: 3 })
    expect(cart.cart.groups).toHaveLength(2)

    const { placed } = await placeThroughPages(cookie)
    expect(statusOf(placed)).toBe(302)
    const url = trackingUrl(placed)
    const number = url.pathname.split('/').pop()!
    const token = url.searchParams.get('token')!
    expect(number).toMatch(/^TW-\d{4}-\d{6}$/)

    // The tracking page: with the token, yes; without it or with another, a 404 that says nothing.
    const page = dataOf<{ found: boolean; parts: { status: string }[] }>(
      await call(trackLoader, makeRequest(`/orders/${number}?token=${token}`), { number }),
    )
    expect(page.found).toBe(true)
    expect(page.parts.map((p) => p.status)).toEqual([
      'awaiting_confirmation',
      'awaiting_confirmation',
    ])
    expect(statusOf(await call(trackLoader, makeRequest(`/orders/${number}`), { number }))).toBe(
      404,
    )
    expect(
      statusOf(
        await call(trackLoader, makeRequest(`/orders/${number}?token=${token}x`), { number }),
      ),
    ).toBe(404)

    // Cooperative A sees its part, not B's.
    const [partA] = await db
      .select({ id: cooperativeOrders.id })
      .from(cooperativeOrders)
      .where(eq(cooperativeOrders.cooperativeId, a.cooperative.id))
    const [partB] = await db
      .select({ id: cooperativeOrders.id })
      .from(cooperativeOrders)
      .where(eq(cooperativeOrders.cooperativeId, b.cooperative.id))
    const memberA = await loginAs(a.member)
    const managerA = await loginAs(a.manager)
    const list = dataOf<{ orders: { id: string }[]; counts: { new: number } }>(
      await call(
        coopOrdersLoader,
        makeRequest(`/coop/${a.cooperative.slug}/orders`, { cookie: memberA }),
        {
          slug: a.cooperative.slug,
        },
      ),
    )
    expect(list.orders.map((o) => o.id)).toEqual([partA!.id])
    expect(list.counts.new).toBe(1)
    const foreign = await call(
      coopOrderLoader,
      makeRequest(`/coop/${a.cooperative.slug}/orders/${partB!.id}`, { cookie: managerA }),
      { slug: a.cooperative.slug, orderId: partB!.id },
    )
    expect(statusOf(foreign)).toBe(404)
    const foreignMove = await call(
      coopOrderAction,
      makeRequest(`/coop/${a.cooperative.slug}/orders/${partB!.id}`, {
        cookie: managerA,
        form: { intent: 'confirm' },
      }),
      { slug: a.cooperative.slug, orderId: partB!.id },
    )
    expect(statusOf(foreignMove)).toBe(404)
    expect(
      statusOf(
        await call(
          slipLoader,
          makeRequest(`/coop/${a.cooperative.slug}/orders/${partB!.id}/slip`, { cookie: managerA }),
          { slug: a.cooperative.slug, orderId: partB!.id },
        ),
      ),
    ).toBe(404)

    // A member confirms, accepts and ships; she cannot cancel.
    const move = (form: Record<string, string>, cookieOf = memberA) =>
      call(
        coopOrderAction,
        makeRequest(`/coop/${a.cooperative.slug}/orders/${partA!.id}`, {
          cookie: cookieOf,
          language: 'fr',
          form,
        }),
        { slug: a.cooperative.slug, orderId: partA!.id },
      )
    expect(statusOf(await move({ intent: 'cancel', reason: 'pas de stock' }))).toBe(403)
    expect(statusOf(await move({ intent: 'confirm' }))).toBe(302)
    expect(statusOf(await move({ intent: 'confirm' }))).toBe(409)
    expect(statusOf(await move({ intent: 'accept' }))).toBe(302)
    const badShip = await move({ intent: 'ship', carrier: 'amana', trackingNumber: '' })
    expect(statusOf(badShip)).toBe(400)
    expect(
      dataOf<{ fieldErrors: Record<string, string> }>(badShip).fieldErrors.trackingNumber,
    ).toBe('Saisissez le numéro de suivi (3 à 40 lettres ou chiffres).')
    expect(statusOf(await move({ intent: 'teleport' }))).toBe(400)
    expect(
      statusOf(await move({ intent: 'ship', carrier: 'amana', trackingNumber: 'RR1234MA' })),
    ).toBe(302)
    const slip = dataOf<{ order: { cod: boolean } }>(
      await call(
        slipLoader,
        makeRequest(`/coop/${a.cooperative.slug}/orders/${partA!.id}/slip`, { cookie: memberA }),
        { slug: a.cooperative.slug, orderId: partA!.id },
      ),
    )
    expect(slip.order.cod).toBe(true)

    // The customer sees the step; B's part is still hers to cancel, A's no longer.
    const after = dataOf<{
      parts: { id: string; status: string; tracking: string | null; actions: string[] }[]
    }>(
      await call(trackLoader, makeRequest(`/orders/${number}?token=${token}`, { language: 'fr' }), {
        number,
      }),
    )
    const shownA = after.parts.find((p) => p.id === partA!.id)!
    expect(shownA).toMatchObject({ status: 'shipped' })
    expect(shownA.tracking).toContain('RR1234MA')
    expect(shownA.actions).not.toContain('cancel')
    const cancelled = await call(
      trackAction,
      makeRequest(`/orders/${number}`, {
        form: { intent: 'cancel', cooperativeOrderId: partB!.id, reason: 'Erreur', token },
      }),
      { number },
    )
    expect(statusOf(cancelled)).toBe(302)
    const strangerCancel = await call(
      trackAction,
      makeRequest(`/orders/${number}`, {
        form: { intent: 'cancel', cooperativeOrderId: partA!.id, reason: 'Erreur' },
      }),
      { number },
    )
    expect(statusOf(strangerCancel)).toBe(404)
    const [stockB] = await db
      .select({ stock: productVariants.stockQuantity })
      .from(productVariants)
      .where(eq(productVariants.id, b.variantId))
    expect(stockB!.stock).toBe(6)
  })

  test('the association lists, filters and cancels; reviewers may confirm but not cancel', async () => {
    const seller = await sellingCooperative({ stock: 4 })
    const cookie = await addLines([{ variantId: seller.variantId, quantity: '1' }])
    await placeThroughPages(cookie)
    const [part] = await db.select({ id: cooperativeOrders.id }).from(cooperativeOrders)
    const staff = async (role: 'reviewer' | 'finance') => {
      const user = await createUser(db, { name: role })
      await db.insert(userRoles).values({ userId: user.id, role })
      return loginAs(user)
    }
    const reviewer = await staff('reviewer')
    const finance = await staff('finance')
    const listed = dataOf<{ total: number }>(
      await call(
        adminOrdersLoader,
        makeRequest(
          `/admin/orders?status=awaiting_confirmation&cooperative=${seller.cooperative.slug}`,
          {
            cookie: reviewer,
          },
        ),
      ),
    )
    expect(listed.total).toBe(1)
    const none = dataOf<{ total: number }>(
      await call(
        adminOrdersLoader,
        makeRequest('/admin/orders?status=shipped', { cookie: reviewer }),
      ),
    )
    expect(none.total).toBe(0)
    const move = (cookie: string, form: Record<string, string>) =>
      call(adminOrderAction, makeRequest(`/admin/orders/${part!.id}`, { cookie, form }), {
        id: part!.id,
      })
    expect(statusOf(await move(reviewer, { intent: 'cancel', reason: 'fraude' }))).toBe(403)
    expect(statusOf(await move(finance, { intent: 'cancel', reason: 'Commande en double' }))).toBe(
      302,
    )
    const detail = dataOf<{ part: { status: string } }>(
      await call(adminOrderLoader, makeRequest(`/admin/orders/${part!.id}`, { cookie: reviewer }), {
        id: part!.id,
      }),
    )
    expect(detail.part.status).toBe('cancelled')
    // Customers and cooperative members are not the association.
    expect(
      statusOf(
        await call(
          adminOrdersLoader,
          makeRequest('/admin/orders', { cookie: await loginAs(seller.manager) }),
        ),
      ),
    ).toBe(403)
  })
})

describe('bad input is refused with a localized 4xx and nothing is written', () => {
  test('quantities, variants and a tampered summary', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const add = (form: Record<string, string>) =>
      call(cartAction, makeRequest('/cart', { language: 'fr', form: { intent: 'add', ...form } }))
    for (const quantity of ['0', '-1', '1000000000', 'beaucoup', '']) {
      const result = await add({ variantId: seller.variantId, quantity })
      expect(statusOf(result), quantity).toBe(400)
      expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors.quantity).toBe(
        'Choisissez une quantité entre 1 et 50.',
      )
    }
    const unknown = await add({ variantId: '00000000-0000-4000-8000-000000000000', quantity: '1' })
    expect(statusOf(unknown)).toBe(404)
    expect(statusOf(await add({ variantId: "'; drop table orders; --", quantity: '1' }))).toBe(404)
    // A variant whose certificate is revoked cannot even be put in the cart.
    await db
      .update(certificates)
      .set({ status: 'revoked' })
      .where(eq(certificates.id, seller.certificate.id))
    const hidden = await add({ variantId: seller.variantId, quantity: '1' })
    expect(statusOf(hidden)).toBe(409)
    expect(dataOf<{ formError: string }>(hidden).formError).toBe(
      "Ce produit n'est pas en vente en ce moment.",
    )
    await db
      .update(certificates)
      .set({ status: 'approved' })
      .where(eq(certificates.id, seller.certificate.id))
    // A price sent with the form is not a price: the cart keeps the catalogue's.
    const cookie = await addLines([{ variantId: seller.variantId, quantity: '1' }])
    const { form } = await placeThroughPages(cookie).then(async (r) => {
      // Undo: the first order is fine; this test is about a second, tampered one.
      return r
    })
    expect(await counts()).toEqual({ orders: 1, items: 1 })

    const cookie2 = await addLines([{ variantId: seller.variantId, quantity: '1' }])
    const page = dataOf<{ idempotencyKey: string }>(
      await call(checkoutLoader, makeRequest('/checkout', { cookie: cookie2 })),
    )
    const place = (overrides: Record<string, string>) =>
      call(
        checkoutAction,
        makeRequest('/checkout', {
          cookie: cookie2,
          language: 'fr',
          form: { ...form, idempotencyKey: page.idempotencyKey, ...overrides },
        }),
      )
    const tampered = await place({ digest: 'x'.repeat(22), priceCentimes: '1' })
    expect(statusOf(tampered)).toBe(409)
    expect(dataOf<{ formError: string }>(tampered).formError).toContain('Quelque chose a changé')
    const notAPhone = await place({ phone: '12' })
    expect(statusOf(notAPhone)).toBe(400)
    expect(dataOf<{ fieldErrors: Record<string, string> }>(notAPhone).fieldErrors.phone).toContain(
      'numéro de mobile',
    )
    const landline = await place({ phone: '0539123456' })
    expect(statusOf(landline)).toBe(400)
    const wrongProvince = await place({ provinceCode: 'nador' })
    expect(statusOf(wrongProvince)).toBe(400)
    expect(
      dataOf<{ fieldErrors: Record<string, string> }>(wrongProvince).fieldErrors.provinceCode,
    ).toBe('Choisissez une province de la région choisie.')
    const noTerms = await place({ terms: '' })
    expect(statusOf(noTerms)).toBe(400)
    const badKey = await place({ idempotencyKey: 'not-a-key' })
    expect(statusOf(badKey)).toBe(400)
    const badPostcode = await place({ postcode: '9000' })
    expect(statusOf(badPostcode)).toBe(400)
    expect(await counts()).toEqual({ orders: 1, items: 1 })
  })

  test('the same checkout POST twice makes one order', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const cookie = await addLines([{ variantId: seller.variantId, quantity: '2' }])
    const { placed, form } = await placeThroughPages(cookie)
    const again = await call(checkoutAction, makeRequest('/checkout', { cookie, form }))
    expect(statusOf(again)).toBe(302)
    expect(trackingUrl(again).pathname).toBe(trackingUrl(placed).pathname)
    expect(trackingUrl(again).searchParams.get('token')).toBe(
      trackingUrl(placed).searchParams.get('token'),
    )
    expect(await counts()).toEqual({ orders: 1, items: 1 })
  })
})

describe('carts and accounts', () => {
  test("a guest's cart joins the account's cart at sign-in; her orders are listed there", async () => {
    const seller = await sellingCooperative({ stock: 9 })
    const customer = await createUser(db, { name: 'Salma', email: 'salma@example.ma' })
    const mine = await loginAs(customer)
    await addLines([{ variantId: seller.variantId, quantity: '2' }], mine)
    const guest = await addLines([{ variantId: seller.variantId, quantity: '3' }])
    const login = await call(
      loginAction,
      makeRequest('/login', {
        cookie: guest,
        form: { email: 'salma@example.ma', password: testPassword },
      }),
    )
    expect(statusOf(login)).toBe(302)
    const session = cookiesFrom(login)
    expect(
      headersOf(login)
        .getSetCookie()
        .some((c) => c.startsWith('taawun_cart=;')),
    ).toBe(true)
    const cart = dataOf<{ cart: { count: number } }>(
      await call(cartLoader, makeRequest('/cart', { cookie: session })),
    )
    expect(cart.cart.count).toBe(5)
    const { placed } = await placeThroughPages(session)
    // A signed-in customer's order opens from her account, without a token.
    expect(trackingUrl(placed).searchParams.get('token')).toBeNull()
    const [order] = await db.select({ userId: orders.userId }).from(orders)
    expect(order!.userId).toBe(customer.id)
  })

  test('an account whose address is not verified orders only after verifying it', async () => {
    const seller = await sellingCooperative({ stock: 9 })
    const customer = await createUser(db, { emailVerified: false })
    const cookie = await loginAs(customer)
    await addLines([{ variantId: seller.variantId, quantity: '1' }], cookie)
    const page = await call(checkoutLoader, makeRequest('/checkout', { cookie }))
    expect(statusOf(page)).toBe(302)
    expect(headersOf(page).get('location')).toMatch(/^\/verify-email/)
  })

  test('another member of the same cooperative sees the same orders; a stranger none', async () => {
    const seller = await sellingCooperative({ stock: 9 })
    const cookie = await addLines([{ variantId: seller.variantId, quantity: '1' }])
    await placeThroughPages(cookie)
    const colleague = await createUser(db)
    await addMembership(db, {
      cooperativeId: seller.cooperative.id,
      userId: colleague.id,
      role: 'member',
    })
    const list = dataOf<{ orders: unknown[] }>(
      await call(
        coopOrdersLoader,
        makeRequest(`/coop/${seller.cooperative.slug}/orders`, {
          cookie: await loginAs(colleague),
        }),
        { slug: seller.cooperative.slug },
      ),
    )
    expect(list.orders).toHaveLength(1)
    const stranger = await loginAs(await createUser(db))
    expect(
      statusOf(
        await call(
          coopOrdersLoader,
          makeRequest(`/coop/${seller.cooperative.slug}/orders`, { cookie: stranger }),
          { slug: seller.cooperative.slug },
        ),
      ),
    ).toBe(404)
  })
})
