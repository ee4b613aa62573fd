import { getOptionalUser } from '#app/modules/auth/guards.server.ts'
import { devMailboxEnabled } from '#app/utils/env.server.ts'

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * A request made on this machine itself, not relayed: a proxy in front of the app connects
 * from loopback too, but adds a forwarding header (and with TRUST_PROXY the address is read
 * from that header, which anyone can write, so its presence alone disqualifies).
 */
function fromThisMachine(request: Request, clientIp: string) {
  if (request.headers.has('x-forwarded-for') || request.headers.has('forwarded')) return false
  return loopbackAddresses.has(clientIp)
}

/**
 * The development mailbox shows every reset link: reading one takes over any account. It
 * is shown to a signed-in association admin, or to a browser on the machine that runs the
 * app (the local demo); everyone else is told it does not exist.
 */
export async function requireDevMailboxReader(request: Request, clientIp: string) {
  if (!devMailboxEnabled()) throw new Response('Not found', { status: 404 })
  const user = await getOptionalUser(request)
  if (user?.roles.includes('admin')) return
  if (fromThisMachine(request, clientIp)) return
  throw new Response('Not found', { status: 404 })
}
