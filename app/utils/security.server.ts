import { getEnv } from './env.server.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuse cross-site mutations (CSRF): a browser tells us where a request comes from through
 * Sec-Fetch-Site or, in older browsers, Origin. Clients that send neither are not browsers
 * and cannot be made to act on a user's behalf.
 */
export function assertSameOrigin(request: Request) {
  if (safeMethods.has(request.method.toUpperCase())) return
  const fetchSite = request.headers.get('sec-fetch-site')
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new Response('Cross-site request refused', { status: 403 })
  }
  const origin = request.headers.get('origin')
  if (origin && origin !== 'null') {
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      throw new Response('Malformed Origin header', { status: 403 })
    }
    // X-Forwarded-Host is anyone's to write unless a proxy we trust sets it.
    const forwardedHost = getEnv().TRUST_PROXY
      ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
      : undefined
    const host = forwardedHost || request.headers.get('host') || new URL(request.url).host
    if (originHost !== host) throw new Response('Cross-origin request refused', { status: 403 })
  } else if (origin === 'null') {
    throw new Response('Opaque origin refused', { status: 403 })
  }
}

/** Only same-site relative paths may be used as a post-login destination. */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  // Browsers drop tabs and newlines and read backslashes as slashes: "/\t/evil.example"
  // would leave the site. Only plain same-origin paths are kept.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(target) || target.startsWith('//')) return fallback
  const resolved = new URL(target, 'http://taawun.invalid')
  if (resolved.origin !== 'http://taawun.invalid') return fallback
  return target
}
