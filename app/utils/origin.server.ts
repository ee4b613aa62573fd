import { getEnv } from './env.server.ts'

/** The public origin for links in e-mails: APP_URL when set, else the request's own. */
export function publicOrigin(request: Request) {
  const configured = getEnv().APP_URL
  if (configured) return configured.replace(/\/$/, '')
  const url = new URL(request.url)
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host
  return `${url.protocol}//${host}`
}
