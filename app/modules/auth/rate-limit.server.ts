import { eq, sql } from 'drizzle-orm'
import { rateLimits } from '#db/schema/identity.ts'
import { db } from '#app/utils/db.server.ts'

export type RateLimitRule = { limit: number; windowSeconds: number }

export const rules = {
  loginPerIp: { limit: 100, windowSeconds: 15 * 60 },
  /** Wrong passwords for one account from one address. */
  loginFailuresPerAccount: { limit: 5, windowSeconds: 15 * 60 },
  resetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  signupPerIp: { limit: 10, windowSeconds: 60 * 60 },
  applicationsPerIp: { limit: 10, windowSeconds: 60 * 60 },
  uploadsPerUser: { limit: 120, windowSeconds: 60 * 60 },
  secondFactorFailuresPerUser: { limit: 5, windowSeconds: 15 * 60 },
  secondFactorPerIp: { limit: 50, windowSeconds: 15 * 60 },
  verificationEmailsPerUser: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>

export type RateLimitState = { allowed: boolean; retryAfterSeconds: number }

/** How the key stands, without counting a new hit. */
export async function peekRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const [row] = await db
    .select({
      count: rateLimits.count,
      remaining: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${rule.windowSeconds}) - now())))::int`,
    })
    .from(rateLimits)
    .where(eq(rateLimits.key, key))
  if (!row || row.remaining <= 0) return { allowed: true, retryAfterSeconds: 0 }
  return { allowed: row.count < rule.limit, retryAfterSeconds: Math.max(1, row.remaining) }
}

/** Count one hit and say whether it was within the limit. */
export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const expired = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${rule.windowSeconds})`
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      remaining: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${rule.windowSeconds}) - now())))::int`,
    })
  const count = row?.count ?? 1
  return {
    allowed: count <= rule.limit,
    retryAfterSeconds: Math.max(1, row?.remaining ?? rule.windowSeconds),
  }
}

export async function clearRateLimit(key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}
