// What the HTTP server answers before (or around) the app: methods it does not serve,
// forged origins and forwarding headers, and the headers every response must carry once.
// Plain JavaScript: the production server imports it without a build step.

/** The methods Remix routes serve; anything else (TRACE, OPTIONS, PROPFIND…) is a 405. */
export const allowedMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
const mutations = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function refuseUnknownMethods(req, res, next) {
  if (allowedMethods.includes(req.method)) return next()
  res.setHeader('Allow', allowedMethods.join(', '))
  res.status(405).type('text/plain').send('Method not allowed')
}

/**
 * X-Forwarded-Host is written by whoever sends the request unless a proxy we trust
 * replaces it: without TRUST_PROXY it is dropped before anything reads it (the app's own
 * origin check, Remix's, the request URL).
 */
export function forgetUntrustedForwarding(trustProxy) {
  return function forget(req, _res, next) {
    if (!trustProxy) delete req.headers['x-forwarded-host']
    next()
  }
}

function requestHost(req) {
  const forwarded = req.headers['x-forwarded-host']
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined
  return first || req.headers.host
}

/**
 * A mutation whose Origin is not this site is refused with 403 here: Remix's own check
 * throws on it first (a 500), and on a malformed or `null` Origin too.
 */
export function refuseForeignOrigins(req, res, next) {
  if (!mutations.has(req.method)) return next()
  const origin = req.headers.origin
  if (origin === undefined) return next()
  let originHost
  try {
    originHost = origin === 'null' ? null : new URL(origin).host
  } catch {
    originHost = null
  }
  if (originHost && originHost === requestHost(req)) return next()
  res.status(403).type('text/plain').send('Cross-origin request refused')
}

const resourceSuffix = /\.data$/

/** Full path patterns of the resource routes (routes without a component) of a build. */
export function resourceRoutePatterns(routes) {
  return routePatterns(
    routes,
    (route) => route.module && !route.module.default && !route.module.ErrorBoundary,
  )
}

/** Full path patterns of the routes of a build that `chosen(route)` picks. */
export function routePatterns(routes, chosen) {
  const fullPath = (route) => {
    const parts = []
    for (let current = route; current; current = routes[current.parentId]) {
      if (current.path) parts.unshift(current.path)
    }
    return parts.join('/')
  }
  return Object.values(routes)
    .filter(chosen)
    .map((route) => {
      const pattern = fullPath(route)
        .split('/')
        .map((segment) =>
          segment === '*'
            ? '.*'
            : segment.startsWith(':')
              ? '[^/]+'
              : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/')
      return new RegExp(`^/${pattern}$`)
    })
}

/**
 * A resource route (a file, a sitemap) read as `.data` would go through single fetch and
 * come out without its own headers (attachment, CSP, nosniff): there is no such data. Its
 * action stays reachable: a `<Form>` posts to `/logout.data` when JavaScript runs.
 */
export function refuseResourceData(patterns) {
  return function refuse(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    if (!resourceSuffix.test(req.path)) return next()
    const path = req.path.replace(resourceSuffix, '')
    if (!patterns.some((pattern) => pattern.test(path))) return next()
    res.status(404).type('text/plain').send('Not found')
  }
}

function hasSessionCookie(req) {
  return /(?:^|;\s*)(?:__Host-)?taawun_session=[^;]/.test(req.headers.cookie ?? '')
}

/**
 * Headers settled just before the response is sent, when the app's own are known: the
 * adapter appends the route's headers, so setting these earlier would send them twice.
 * - `X-Content-Type-Options: nosniff`, once;
 * - HSTS only over HTTPS (it means nothing over plain http and must not be learned there);
 * - `Cache-Control: private, no-store` on what a signed-in user (or one being signed in)
 *   is sent, unless the route chose its own caching;
 * - no page policy on a 304 (the browser keeps the page it has, nonce and policy together).
 */
export function settleHeaders({ hsts }) {
  return function settle(req, res, next) {
    const writeHead = res.writeHead
    res.writeHead = function writeHeadSettled(...args) {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      if (hsts && req.secure) {
        res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
      }
      if (!res.hasHeader('cache-control') && (hasSessionCookie(req) || res.hasHeader('set-cookie')))
        res.setHeader('Cache-Control', 'private, no-store')
      // A 304 keeps the page the browser has, with the policy of that page's own nonce.
      const status = typeof args[0] === 'number' ? args[0] : res.statusCode
      if (status === 304) {
        res.removeHeader('Content-Security-Policy')
        res.removeHeader('Content-Security-Policy-Report-Only')
      }
      return writeHead.apply(this, args)
    }
    next()
  }
}

/**
 * The page policy. Scripts come from our origin and, inline, only those named by
 * `inlineScripts`: the response's nonce (`'nonce-…'`) for a page rendered for this request,
 * or hashes (`'sha256-…'`) for a kept page sent again (ADR 020), so no nonce is ever reused.
 */
export function pagePolicy({ inlineScripts, production }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.join(' ')}${production ? '' : " 'unsafe-inline'"}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? '' : ' ws:'}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
