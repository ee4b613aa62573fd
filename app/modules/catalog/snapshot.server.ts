// Results that cost a pass over most of the catalog (the broad listings, the home page's
// cooperatives), kept in memory and reused only while nothing they depend on has changed.
import { sql } from 'drizzle-orm'
import { getDatabase } from '#app/utils/db.server.ts'

const maxAgeMs = 5_000
const maxEntries = 200

type Entry = { version: string; validUntil: number; value: Promise<unknown> }
const entries = new Map<string, Entry>()

/**
 * `compute()`, or its result from a moment ago when it is certainly still right: the
 * database's change counter (moved by triggers on every write to products, variants,
 * certificates, cooperatives and categories, migration 0007) is where it was, no certificate
 * has expired or come into force since, and at most a few seconds have passed (a write not
 * yet committed when the counter was read is seen by the next refresh). Readers that arrive
 * while it is being computed share that one computation. Checking costs one small query.
 */
export async function whileCatalogUnchanged<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const [state] = await getDatabase().rows<{ version: string; next_change: string | null }>(sql`
    select (select last_value::text from catalog_changes) as version,
      (select least(
        (select min(expires_at) from certificates where status = 'approved' and expires_at > now()),
        (select min(issued_at) from certificates where status = 'approved' and issued_at > now())
      ))::text as next_change`)
  const now = Date.now()
  const cached = entries.get(key)
  if (cached && cached.version === state!.version && now < cached.validUntil) {
    return cached.value as Promise<T>
  }
  const value = compute()
  const nextChange = state!.next_change ? new Date(state!.next_change).getTime() : Infinity
  entries.delete(key)
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
  entries.set(key, {
    version: state!.version,
    validUntil: Math.min(now + maxAgeMs, nextChange),
    value,
  })
  // A failure is not kept: the next reader tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key)
  })
  return value
}
