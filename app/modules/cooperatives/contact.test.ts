// Call and WhatsApp buttons: off until the cooperative ticks the box in its profile, then on
// its page and on its products, with a wa.me link that carries the page's address.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { createCooperativeWithTeam, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import {
  action as profileAction,
  loader as profileLoader,
} from '#app/routes/coop.$slug.profile.tsx'
import { loader as cooperativeLoader } from '#app/routes/cooperatives.$slug.tsx'
import { loader as productLoader } from '#app/routes/products.$slug.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf, testOrigin } from '#tests/helpers.ts'
import { applicationForm } from '#tests/cooperative-forms.ts'
import { contactLinks } from './contact.ts'

type Contact = { display: string; tel: string; whatsapp: string } | null

describe('contactLinks', () => {
  test('a tel: link and a wa.me link with the page address, from the stored +212 number', () => {
    expect(
      contactLinks('+212661482937', 'https://taawun.ma/products/miel-de-thym?a=1&b=2'),
    ).toEqual({
      display: '+212 661 48 29 37',
      tel: 'tel:+212661482937',
      whatsapp:
        'https://wa.me/212661482937?text=https%3A%2F%2Ftaawun.ma%2Fproducts%2Fmiel-de-thym%3Fa%3D1%26b%3D2',
    })
  })

  test('nothing without a number (a cooperative that keeps it to itself)', () => {
    expect(contactLinks(null, 'https://taawun.ma/')).toBeNull()
    expect(contactLinks('12', 'https://taawun.ma/')).toBeNull()
  })
})

async function pages(cooperativeSlug: string, productSlug: string) {
  const coop = await call(cooperativeLoader, makeRequest(`/cooperatives/${cooperativeSlug}`), {
    slug: cooperativeSlug,
  })
  const product = await call(productLoader, makeRequest(`/products/${productSlug}`), {
    slug: productSlug,
  })
  expect(statusOf(coop)).toBe(200)
  expect(statusOf(product)).toBe(200)
  return {
    cooperative: dataOf<{ contact: Contact; cooperative: { phone: string | null } }>(coop),
    product: dataOf<{ contact: Contact; product: { cooperative: { phone: string | null } } }>(
      product,
    ),
  }
}

describe('the contact buttons setting', () => {
  test('off by default: no buttons and no phone number on the public pages', async () => {
    const { cooperative } = await createCooperativeWithTeam(db, { category: 'craft' })
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      categorySlug: 'pottery',
    })
    const [row] = await db
      .select({ show: cooperatives.showContactButtons })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperative.id))
    expect(row?.show).toBe(false)
    const seen = await pages(cooperative.slug, product.slug)
    expect(seen.cooperative.contact).toBeNull()
    expect(seen.cooperative.cooperative.phone).toBeNull()
    expect(seen.product.contact).toBeNull()
    expect(seen.product.product.cooperative.phone).toBeNull()
  })

  test('a manager turns it on in the profile: both pages show call and WhatsApp', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db, { category: 'craft' })
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      categorySlug: 'pottery',
    })
    const cookie = await loginAs(manager)
    const profile = async () =>
      dataOf<{ profile: { showContactButtons: boolean } }>(
        await call(profileLoader, makeRequest(`/coop/${cooperative.slug}/profile`, { cookie }), {
          slug: cooperative.slug,
        }),
      ).profile
    expect((await profile()).showContactButtons).toBe(false)

    const save = async (overrides: Record<string, string>) => {
      const form = await applicationForm({ ...overrides, phone: '06 61 48 29 37', logo: null })
      const saved = await call(
        profileAction,
        makeRequest(`/coop/${cooperative.slug}/profile`, { cookie, form }),
        { slug: cooperative.slug },
      )
      expect(statusOf(saved)).toBe(302)
    }
    await save({ showContactButtons: 'on' })
    expect((await profile()).showContactButtons).toBe(true)

    const seen = await pages(cooperative.slug, product.slug)
    expect(seen.product.contact).toEqual({
      display: '+212 661 48 29 37',
      tel: 'tel:+212661482937',
      whatsapp: `https://wa.me/212661482937?text=${encodeURIComponent(`${testOrigin}/products/${product.slug}`)}`,
    })
    expect(seen.cooperative.contact?.whatsapp).toBe(
      `https://wa.me/212661482937?text=${encodeURIComponent(`${testOrigin}/cooperatives/${cooperative.slug}`)}`,
    )

    // An unticked box is absent from the form: the buttons go away again.
    await save({})
    expect((await profile()).showContactButtons).toBe(false)
    expect((await pages(cooperative.slug, product.slug)).product.contact).toBeNull()
  })

  test('members cannot change it', async () => {
    const { cooperative, member } = await createCooperativeWithTeam(db)
    const form = await applicationForm({ showContactButtons: 'on', logo: null })
    const refused = await call(
      profileAction,
      makeRequest(`/coop/${cooperative.slug}/profile`, { cookie: await loginAs(member), form }),
      { slug: cooperative.slug },
    )
    expect(statusOf(refused)).toBe(403)
    const [row] = await db
      .select({ show: cooperatives.showContactButtons })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperative.id))
    expect(row?.show).toBe(false)
  })
})
