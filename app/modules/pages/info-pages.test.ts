// The pages every shop has: each loader answers everyone in the reader's language, delivery
// fees and the withdrawal window come from the database, and the sitemap lists them all.
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import * as catalogSchema from '#db/schema/catalog.ts'
import * as cooperativesSchema from '#db/schema/cooperatives.ts'
import * as identitySchema from '#db/schema/identity.ts'
import * as ordersSchema from '#db/schema/orders.ts'
import { shippingRates } from '#db/schema/orders.ts'
import { platformSettings } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { loader as aboutLoader } from '#app/routes/about.tsx'
import { loader as certificationLoader } from '#app/routes/certification.tsx'
import { loader as contactLoader } from '#app/routes/contact.tsx'
import { loader as deliveryLoader } from '#app/routes/delivery-returns.tsx'
import { loader as privacyLoader } from '#app/routes/privacy.tsx'
import { loader as termsLoader } from '#app/routes/terms.tsx'
import { loader as sitemapFileLoader } from '#app/routes/sitemaps.$file.ts'
import { defaultShippingRates } from '#app/modules/orders/shipping.ts'
import { call, dataOf, makeRequest, statusOf } from '#tests/helpers.ts'
import { infoPages } from './info-pages.ts'

const loaders = {
  about: aboutLoader,
  certification: certificationLoader,
  delivery: deliveryLoader,
  terms: termsLoader,
  privacy: privacyLoader,
  contact: contactLoader,
}

describe('information pages', () => {
  test.each(infoPages)('$path answers in the reader’s language', async ({ key, path }) => {
    for (const [language, title] of [
      ['ar', /[\u0600-\u06FF]/],
      ['fr', /^[^\u0600-\u06FF]+$/],
    ] as const) {
      const result = await call(loaders[key], makeRequest(path, { language }))
      expect(statusOf(result)).toBe(200)
      const data = dataOf<{ title: string; description: string; seo: { path: string } }>(result)
      expect(data.title).toMatch(title)
      expect(data.description.length).toBeGreaterThan(20)
      expect(data.seo.path).toBe(path)
    }
  })

  test('delivery and returns shows the fees of the shipping table and the withdrawal window', async () => {
    for (const rate of defaultShippingRates) {
      const edited =
        rate.zone === 'national'
          ? { ...rate, feeCentimes: 4550, surchargePerKgCentimes: 700 }
          : rate
      await db
        .insert(shippingRates)
        .values(edited)
        .onConflictDoUpdate({ target: shippingRates.zone, set: edited })
    }
    await db
      .insert(platformSettings)
      .values({ key: 'withdrawal_window_days', value: 10 })
      .onConflictDoUpdate({ target: platformSettings.key, set: { value: 10 } })
    const result = await call(deliveryLoader, makeRequest('/delivery-returns', { language: 'en' }))
    const data = dataOf<{ rates: { zone: string; fee: string; heavy: string }[]; days: string }>(
      result,
    )
    expect(data.rates.map((r) => r.zone)).toEqual(['local', 'region', 'national'])
    expect(data.rates[2]!.fee).toMatch(/45\.50/)
    expect(data.rates[2]!.heavy).toMatch(/Over 10 kg, each kilogram started adds MAD\s?7\.00/)
    expect(data.days).toBe('10')
  })

  test('contact gives the association’s address', async () => {
    const data = dataOf<{ email: string }>(await call(contactLoader, makeRequest('/contact')))
    expect(data.email).toMatch(/^[^@\s]+@[^@\s]+$/)
  })

  test('the sitemap lists every information page and the directory, in three languages', async () => {
    const result = await call(sitemapFileLoader, makeRequest('/sitemaps/pages.xml'), {
      file: 'pages.xml',
    })
    const xml = await (result as Response).text()
    for (const path of [...infoPages.map((p) => p.path), '/cooperatives']) {
      expect(xml).toContain(`<loc>${publicOrigin()}${path}</loc>`)
      expect(xml).toContain(`<loc>${publicOrigin()}${path}?lng=fr</loc>`)
    }
  })

  test('what the privacy page promises: no national identity (CIN) numbers, no card numbers', () => {
    const columns = [catalogSchema, cooperativesSchema, identitySchema, ordersSchema].flatMap(
      (schema) =>
        Object.values(schema)
          .filter((v) => v && typeof v === 'object' && Symbol.for('drizzle:IsDrizzleTable') in v)
          .flatMap((table) =>
            Object.values(getTableColumns(table as never)).map((c) => (c as { name: string }).name),
          ),
    )
    expect(columns.length).toBeGreaterThan(50)
    expect(
      columns.filter((name) => /(^|_)(cin|national_id|id_card|card_number|pan)($|_)/.test(name)),
    ).toEqual([])
  })
})
