import { eq, sql } from 'drizzle-orm'
import {
  cooperatives,
  cooperativeStatuses,
  type CooperativeStatus,
} from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'

/** How many cooperatives stand in each status, for the association's counters. */
export async function countCooperativesByStatus(): Promise<Record<CooperativeStatus, number>> {
  const rows = await db
    .select({ status: cooperatives.status, count: sql<number>`count(*)::int` })
    .from(cooperatives)
    .groupBy(cooperatives.status)
  const counts = Object.fromEntries(cooperativeStatuses.map((s) => [s, 0])) as Record<
    CooperativeStatus,
    number
  >
  for (const row of rows) counts[row.status as CooperativeStatus] = row.count
  return counts
}

export async function getCooperativeStatus(cooperativeId: string) {
  const [row] = await db
    .select({
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      status: cooperatives.status,
      decisionNote: cooperatives.decisionNote,
      pendingRib: sql<boolean>`${cooperatives.pendingRib} is not null`,
    })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
  if (!row) throw new Response('Not found', { status: 404 })
  return row
}
