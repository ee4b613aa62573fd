// A guest pays by card: checkout sends them to Stripe Checkout (a stand-in of Stripe's API and
// hosted page, since Stripe's servers cannot be reached from where tests run), Stripe's signed
// webhook says it was paid, the tracking page shows it paid and the cooperative sees a new
// order to prepare. This spec runs its own server, with Stripe's keys set.
import { signedEvent, startStripeStandIn, type StripeStandIn } from '../stripe-stand-in.ts'
import { expect, test } from './fixtures.ts'
import { startServer, type RunningServer } from './server.ts'

const webhookSecret = 'whsec_e2e_taawun'
let standIn: StripeStandIn
let server: RunningServer

test.describe.configure({ timeout: 120_000 })

test.beforeAll(async () => {
  standIn = await startStripeStandIn()
  server = await startServer({
    STRIPE_SECRET_KEY: 'sk_test_e2e',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_BASE: standIn.url,
  })
})

test.afterAll(async () => {
  await server?.stop()
  await standIn?.close()
})

test('fr: a guest pays by card, the webhook confirms, the cooperative sees it', async ({
  page,
}) => {
  const base = server.url
  await page.goto(`${base}/products/mendil-raye-rouge-blanc?lng=fr`)
  await page.getByRole('button', { name: 'Ajouter au panier' }).first().click()
  await expect(page.getByText('Ajouté à votre panier.')).toBeVisible()

  await page.goto(`${base}/checkout?lng=fr`)
  await page.getByLabel('Région').selectOption({ label: 'Tanger-Tétouan-Al Hoceïma' })
  await page.getByLabel('Province ou préfecture').selectOption({ label: 'Tétouan' })
  await page.getByRole('button', { name: 'Calculer la livraison' }).click()
  await page.getByLabel('Nom complet').fill('Salma Idrissi')
  await page.getByLabel('Téléphone mobile').fill('06 12 34 56 78')
  await page.getByLabel('E-mail (facultatif)').fill('salma@example.com')
  await page.getByLabel('Ville ou commune').fill('Tétouan')
  await page.getByLabel('Rue et point de repère').fill('Rue 5, près de l’école')
  await page.getByRole('radio', { name: /Carte bancaire/ }).check()
  await page.getByRole('checkbox', { name: /J'accepte les conditions/ }).check()
  await page.getByRole('button', { name: 'Passer la commande' }).click()

  // The hosted payment page (the stand-in's).
  await page.waitForURL(/\/pay\/cs_test_/)
  await expect(page.getByRole('heading', { name: 'Stripe Checkout (stand-in)' })).toBeVisible()
  const sessionId = new URL(page.url()).pathname.split('/').pop()!
  const session = standIn.sessions.get(sessionId)!

  // Back on the success page before the webhook: nothing is marked paid.
  standIn.pay(sessionId)
  await page.goto(String(session.success_url))
  await expect(page.getByText('Paiement en cours de confirmation')).toBeVisible()

  const { payload, header } = signedEvent(webhookSecret, 'checkout.session.completed', {
    id: sessionId,
    object: 'checkout.session',
  })
  const response = await fetch(`${base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  })
  expect(response.status).toBe(200)

  await page.goto(`${String(session.success_url)}&lng=fr`)
  await expect(page.getByRole('paragraph').filter({ hasText: 'Paiement reçu' })).toBeVisible()
  await expect(page.getByText('Confirmée', { exact: true }).first()).toBeVisible()
  const number = String((session.metadata as Record<string, string>).order_number)

  await page.context().clearCookies()
  // This spec's own server, not the shared one logIn() goes to.
  await page.goto(`${base}/login?lng=fr`)
  await page.getByLabel('E-mail').fill('hayat.zaitouni@demo.taawun.ma')
  await page.getByLabel('Mot de passe').fill('taawun-demo-2026')
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await page.goto(`${base}/coop/tarz-oued-laou/orders?lng=fr`)
  const row = page.getByRole('listitem').filter({ hasText: number })
  await expect(row).toBeVisible()
  await expect(row.getByText('Payée par carte')).toBeVisible()
})
