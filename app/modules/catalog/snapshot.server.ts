// Results that cost a pass over much of the catalog (the broad listings, the home page's
// cooperatives), kept in memory and reused only while they are exactly what a fresh
// computation would give.
import { sql, type SQL } from 'drizzle-orm'
import { getDatabase } from '#app/utils/db.server.ts'

const maxEntries = 500

type Entry = {
  /** The catalogue version the result was computed with (read in its own statement). */
  version: string | null
  /** The next instant at which a sale window may open or close, in ms. */
  validUntil: number
  value: Promise<unknown>
}
const entries = new Map<string, Entry>()

/** The instant the cache's validity is judged at (a test may set it). */
let clock: () => number = () => Date.now()

/** For tests: judge validity at another instant. Returns the way back. */
export function setSnapshotClockForTests(now: () => number): () => void {
  const previous = clock
  clock = now
  return () => {
    clock = previous
  }
}

/** The catalogue version as a column of a statement: read in the snapshot of its result. */
export const catalogVersionColumn: SQL = sql`(select version::text from catalog_version where id = 1)`

/**
 * The next instant a sale window may open or close (an approved certificate comes into force
 * or expires), as text; null when none is ahead. The only instants a kept result can go
 * stale without a write.
 */
export const nextSaleChangeColumn: SQL = sql`(select least(
  (select min(expires_at) from certificates where status = 'approved' and expires_at > now()),
  (select min(issued_at) from certificates where status = 'approved' and issued_at > now())
))::text`

/**
 * `compute()`'s result, or a result kept from before when it is certainly the same: the
 * catalogue's version (moved in the transaction of every write that changes a listing,
 * migration 0016) is the one the result was computed with, and no certificate has expired
 * or come into force since. `compute` returns the version it read in the same statement as
 * its result, so the pair is one snapshot: a write committed meanwhile cannot be hidden
 * under an older version. Readers that arrive while it is being computed share that one
 * computation. Checking costs one small query.
 */
export async function whileCatalogUnchanged<T>(
  key: string,
  compute: () => Promise<{ version: string | null; value: T }>,
): Promise<T> {
  const [state] = await getDatabase().rows<{ version: string | null; next_change: string | null }>(
    sql`
    select ${catalogVersionColumn} as version,
      ${nextSaleChangeColumn} as next_change`,
  )
  const now = clock()
  const cached = entries.get(key)
  if (cached && cached.version === state!.version && now < cached.validUntil) {
    return cached.value as Promise<T>
  }
  const nextChange = state!.next_change ? new Date(state!.next_change).getTime() : Infinity
  const entry: Entry = {
    // Until the computation says which version it saw, only readers of this version share it.
    version: state!.version,
    validUntil: nextChange,
    value: Promise.resolve(),
  }
  const value = compute().then((result) => {
    entry.version = result.version
    return result.value
  })
  entry.value = value
  entries.delete(key)
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
  entries.set(key, entry)
  // A failure is not kept: the next reader tries again.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key)
  })
  return value
}
