import { getEnv } from './env.server.ts'

/**
 * The public origin for links sent by e-mail. Never taken from request headers (Host and
 * X-Forwarded-Host are set by whoever sends the request, and a reset link pointing to their
 * site would hand them the token): APP_URL, or the local server when it is not set.
 */
export function publicOrigin(_request?: Request) {
  const { APP_URL, PORT } = getEnv()
  if (APP_URL) return APP_URL.replace(/\/$/, '')
  return `http://localhost:${PORT}`
}
