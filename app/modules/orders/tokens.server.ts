import crypto from 'node:crypto'
import { cookieSecrets } from '#app/modules/auth/session.server.ts'

/**
 * The token of a guest's tracking link: an HMAC of a value only this order's checkout knows
 * (its form's idempotency key), keyed with the application's newest secret. Unguessable
 * without the secret, and the same for a repeated submit of the same form.
 */
export async function newAccessToken(seed: string): Promise<string> {
  const [secret] = await cookieSecrets()
  return crypto
    .createHmac('sha256', secret ?? '')
    .update(seed)
    .digest('base64url')
}

/** Only the hash of a token is stored. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** Compare a presented token with a stored hash without leaking timing. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && crypto.timingSafeEqual(presented, stored)
}
