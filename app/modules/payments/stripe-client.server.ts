// The one Stripe client of the app (the official SDK), configured from the environment.
// STRIPE_API_BASE points it at another host: the tests' stand-in of Stripe's API, or a local
// mock for demos without network.
import Stripe from 'stripe'
import { getEnv } from '#app/utils/env.server.ts'

let cached: { key: string; client: Stripe } | undefined

/** Whether card payments can be offered: both the API key and the webhook secret are set. */
export function stripeConfigured() {
  const env = getEnv()
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET)
}

export function stripeClient(): Stripe {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set')
  const key = `${env.STRIPE_SECRET_KEY}|${env.STRIPE_API_BASE ?? ''}`
  if (cached?.key === key) return cached.client
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    // Retries reuse the idempotency key of the first attempt, so they cannot double a charge.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
  cached = { key, client }
  return client
}

export function webhookSecret(): string {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is not set')
  return secret
}
