// Stripe's webhook endpoint. The signature is checked on the raw body exactly as received (a
// body parsed and serialised again no longer matches); a bad or stale signature is a 400. A
// verified event is processed once (see stripe-sync.server.ts) and answered 200, also when it
// is a replay, an unknown type or about an order we do not have, so that Stripe stops
// retrying it. Anything else (the database down, Stripe's API unreachable) is a 500: Stripe
// tries again later.
import { type ActionFunctionArgs } from '@remix-run/node'
import type Stripe from 'stripe'
import {
  stripeClient,
  stripeConfigured,
  webhookSecret,
} from '#app/modules/payments/stripe-client.server.ts'
import { handleStripeEvent } from '#app/modules/payments/stripe-sync.server.ts'

/** How old a signature may be, in seconds (Stripe's own default). */
const toleranceSeconds = 300

export async function loader() {
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 })
  if (!stripeConfigured()) return new Response('Not found', { status: 404 })
  const signature = request.headers.get('stripe-signature')
  if (!signature) return new Response('Missing signature', { status: 400 })
  const payload = Buffer.from(await request.arrayBuffer())
  let event: Stripe.Event
  try {
    event = stripeClient().webhooks.constructEvent(
      payload,
      signature,
      webhookSecret(),
      toleranceSeconds,
    )
  } catch {
    return new Response('Invalid signature', { status: 400 })
  }
  const outcome = await handleStripeEvent(event)
  if (outcome === 'ignored') console.info(`Stripe event ${event.id} (${event.type}) ignored`)
  return Response.json({ received: true, outcome })
}
