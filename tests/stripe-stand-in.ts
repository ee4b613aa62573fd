// A stand-in of Stripe's API at the HTTP boundary, for the tests and the end-to-end run.
// Why: Stripe's servers cannot be reached from where the tests run (and must not be called by
// a test suite anyway). The official `stripe` SDK is real and talks HTTP to this server
// through STRIPE_API_BASE; the stand-in records what it was sent (method, path, idempotency
// key, parameters), checks the parameters Checkout needs, and answers with objects shaped like
// Stripe's (the fields the app reads), keeping their state so a test can pay, expire or refund.
import crypto from 'node:crypto'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import Stripe from 'stripe'

export type RecordedRequest = {
  method: string
  path: string
  idempotencyKey: string | null
  authorization: string | null
  params: Record<string, unknown>
}

type Obj = Record<string, unknown> & { id: string }

export type StripeStandIn = {
  url: string
  requests: RecordedRequest[]
  sessions: Map<string, Obj>
  charges: Map<string, Obj>
  /** The customer paid on the hosted page: the session completes with a payment and a charge. */
  pay(sessionId: string): { paymentIntentId: string; chargeId: string }
  /** A bank debit that failed after the session completed. */
  failAsync(sessionId: string): void
  /** Stripe expired the session (30 minutes passed). */
  expire(sessionId: string): void
  /** A refund made outside the app (Stripe's dashboard). */
  refundOutside(chargeId: string, amount: number): Obj
  close(): Promise<void>
}

/** `a[b][0][c]=v` form bodies (what the SDK sends) into nested objects and arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[')
    let node: Record<string, unknown> | unknown[] = root
    path.forEach((part, i) => {
      const last = i === path.length - 1
      const holder = node as Record<string, unknown>
      if (last) {
        holder[part] = value
        return
      }
      if (holder[part] === undefined) holder[part] = /^\d+$/.test(path[i + 1]!) ? [] : {}
      node = holder[part] as Record<string, unknown>
    })
  }
  return root
}

function newId(prefix: string) {
  return `${prefix}_test_${crypto.randomBytes(12).toString('hex')}`
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
  ) {
    super(message)
  }
}

function requireParam(params: Record<string, unknown>, name: string) {
  if (params[name] === undefined || params[name] === '')
    throw new StripeError(400, 'invalid_request_error', `Missing required param: ${name}.`, name)
  return params[name]
}

export async function startStripeStandIn(
  options: { now?: () => Date } = {},
): Promise<StripeStandIn> {
  const now = () => Math.floor((options.now?.() ?? new Date()).getTime() / 1000)
  const requests: RecordedRequest[] = []
  const sessions = new Map<string, Obj>()
  const intents = new Map<string, Obj>()
  const charges = new Map<string, Obj>()
  const refunds = new Map<string, Obj>()
  const replays = new Map<string, { body: string; status: number; response: unknown }>()
  let base = ''

  function createSession(params: Record<string, unknown>): Obj {
    if (requireParam(params, 'mode') !== 'payment')
      throw new StripeError(400, 'invalid_request_error', 'Only mode=payment here.', 'mode')
    const lines = requireParam(params, 'line_items') as Record<string, unknown>[]
    let total = 0
    for (const [i, line] of lines.entries()) {
      const price = line.price_data as Record<string, unknown> | undefined
      const amount = Number(price?.unit_amount)
      const quantity = Number(line.quantity)
      if (!price || !Number.isInteger(amount) || amount <= 0)
        throw new StripeError(
          400,
          'invalid_request_error',
          'Invalid integer',
          `line_items[${i}][price_data][unit_amount]`,
        )
      if (price.currency !== params.currency)
        throw new StripeError(400, 'invalid_request_error', 'Currencies differ', 'currency')
      if (!(price.product_data as Record<string, unknown> | undefined)?.name)
        throw new StripeError(400, 'invalid_request_error', 'Missing name', 'product_data')
      total += amount * quantity
    }
    const expiresAt = Number(requireParam(params, 'expires_at'))
    if (expiresAt < now() + 30 * 60 || expiresAt > now() + 24 * 3600)
      throw new StripeError(
        400,
        'invalid_request_error',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.',
        'expires_at',
      )
    const id = newId('cs')
    const session: Obj = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      currency: requireParam(params, 'currency'),
      amount_total: total,
      client_reference_id: requireParam(params, 'client_reference_id'),
      customer_email: params.customer_email ?? null,
      metadata: params.metadata ?? {},
      locale: params.locale ?? null,
      expires_at: expiresAt,
      success_url: requireParam(params, 'success_url'),
      cancel_url: requireParam(params, 'cancel_url'),
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      url: `${base}/pay/${id}`,
      livemode: false,
      created: now(),
      // Not a Stripe field: kept to give the payment intent its metadata when paid.
      _intent_metadata:
        (params.payment_intent_data as Record<string, unknown> | undefined)?.metadata ?? {},
    }
    sessions.set(id, session)
    return session
  }

  function publicView(object: Obj) {
    return Object.fromEntries(Object.entries(object).filter(([k]) => !k.startsWith('_')))
  }

  function chargeView(charge: Obj) {
    const data = [...refunds.values()].filter((r) => r.charge === charge.id)
    return {
      ...charge,
      refunds: { object: 'list', data, has_more: false, url: `/v1/charges/${charge.id}/refunds` },
    }
  }

  function found<T>(map: Map<string, T>, id: string, kind: string): T {
    const value = map.get(id)
    if (!value)
      throw new StripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'id')
    return value
  }

  function createRefund(params: Record<string, unknown>): Obj {
    const intent = found(intents, String(requireParam(params, 'payment_intent')), 'payment_intent')
    const charge = found(charges, String(intent.latest_charge), 'charge')
    const left = Number(charge.amount) - Number(charge.amount_refunded)
    const amount = params.amount === undefined ? left : Number(params.amount)
    if (!Number.isInteger(amount) || amount <= 0 || amount > left)
      throw new StripeError(
        400,
        'invalid_request_error',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount',
      )
    const refund: Obj = {
      id: newId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: intent.id,
      reason: params.reason ?? null,
      metadata: params.metadata ?? {},
      status: 'succeeded',
      created: now(),
    }
    refunds.set(refund.id, refund)
    charge.amount_refunded = Number(charge.amount_refunded) + amount
    charge.refunded = charge.amount_refunded === charge.amount
    return refund
  }

  function route(method: string, path: string, params: Record<string, unknown>): unknown {
    let m: RegExpMatchArray | null
    if (method === 'POST' && path === '/v1/checkout/sessions')
      return publicView(createSession(params))
    if (method === 'GET' && (m = path.match(/^\/v1\/checkout\/sessions\/([\w]+)$/)))
      return publicView(found(sessions, m[1]!, 'checkout.session'))
    if (method === 'POST' && (m = path.match(/^\/v1\/checkout\/sessions\/([\w]+)\/expire$/))) {
      const session = found(sessions, m[1]!, 'checkout.session')
      if (session.status !== 'open')
        throw new StripeError(
          400,
          'invalid_request_error',
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`,
        )
      session.status = 'expired'
      return publicView(session)
    }
    if (method === 'GET' && (m = path.match(/^\/v1\/payment_intents\/([\w]+)$/)))
      return found(intents, m[1]!, 'payment_intent')
    if (method === 'GET' && (m = path.match(/^\/v1\/charges\/([\w]+)$/))) {
      const charge = found(charges, m[1]!, 'charge')
      const expand = (params.expand as string[] | undefined) ?? []
      // Since API version 2022-11-15 a charge lists its refunds only when expanded.
      return expand.includes('refunds') ? chargeView(charge) : charge
    }
    if (method === 'POST' && path === '/v1/refunds') return createRefund(params)
    if (method === 'GET' && (m = path.match(/^\/v1\/refunds\/([\w]+)$/)))
      return found(refunds, m[1]!, 'refund')
    throw new StripeError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}).`,
    )
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      const body = Buffer.concat(chunks).toString()
      if (req.method === 'GET' && url.pathname.startsWith('/pay/')) {
        // The hosted payment page, as far as a browser test needs it.
        const session = sessions.get(url.pathname.slice(5))
        res.writeHead(session ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
        res.end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe Checkout (stand-in)</title></head><body><main><h1>Stripe Checkout (stand-in)</h1><p>${session ? `Pay ${Number(session.amount_total) / 100} ${String(session.currency).toUpperCase()}` : 'No such session'}</p></main></body></html>`,
        )
        return
      }
      const params = parseStripeForm(req.method === 'GET' ? url.search.slice(1) : body)
      const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        idempotencyKey,
        authorization: (req.headers.authorization as string | undefined) ?? null,
        params,
      })
      const send = (status: number, response: unknown) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req_${crypto.randomBytes(6).toString('hex')}`,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        })
        res.end(JSON.stringify(response))
      }
      // Stripe answers a repeated key with the first answer, and refuses it with other params.
      const replayKey = idempotencyKey ? `${req.method} ${url.pathname} ${idempotencyKey}` : null
      const replay = replayKey ? replays.get(replayKey) : undefined
      if (replay) {
        if (replay.body !== body)
          return send(400, {
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          })
        return send(replay.status, replay.response)
      }
      let status = 200
      let response: unknown
      try {
        response = route(req.method ?? 'GET', url.pathname, params)
      } catch (error) {
        if (!(error instanceof StripeError)) throw error
        status = error.status
        response = { error: { type: error.type, message: error.message, param: error.param } }
      }
      if (replayKey && req.method === 'POST') replays.set(replayKey, { body, status, response })
      send(status, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: base,
    requests,
    sessions,
    charges,
    pay(sessionId) {
      const session = found(sessions, sessionId, 'checkout.session')
      const chargeId = newId('ch')
      const intent: Obj = {
        id: newId('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        currency: session.currency,
        status: 'succeeded',
        latest_charge: chargeId,
        metadata: session._intent_metadata,
      }
      intents.set(intent.id, intent)
      charges.set(chargeId, {
        id: chargeId,
        object: 'charge',
        amount: session.amount_total,
        amount_refunded: 0,
        refunded: false,
        currency: session.currency,
        paid: true,
        status: 'succeeded',
        payment_intent: intent.id,
      })
      Object.assign(session, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: intent.id,
      })
      return { paymentIntentId: intent.id, chargeId }
    },
    failAsync(sessionId) {
      const session = found(sessions, sessionId, 'checkout.session')
      const intent: Obj = {
        id: newId('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        currency: session.currency,
        status: 'requires_payment_method',
        latest_charge: null,
        metadata: session._intent_metadata,
      }
      intents.set(intent.id, intent)
      Object.assign(session, {
        status: 'complete',
        payment_status: 'unpaid',
        payment_intent: intent.id,
      })
    },
    expire(sessionId) {
      found(sessions, sessionId, 'checkout.session').status = 'expired'
    },
    refundOutside(chargeId, amount) {
      const charge = found(charges, chargeId, 'charge')
      return createRefund({ payment_intent: charge.payment_intent, amount })
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const signer = new Stripe('sk_test_signer')

/** A webhook delivery as Stripe sends it: the JSON body and its Stripe-Signature header. */
export function signedEvent(
  secret: string,
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(
    {
      id: options.id ?? newId('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      type,
      data: { object },
    },
    null,
    2,
  )
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: options.timestamp,
  })
  return { payload, header }
}
