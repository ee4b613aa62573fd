import { auditLog } from '#db/schema/audit.ts'
import { type Queryable } from '#app/utils/db.server.ts'

export type AuditEntry = {
  actorUserId: string | null
  actorRole: string | null
  action: string
  targetType: string
  targetId: string
  before?: unknown
  after?: unknown
  requestId?: string | null
}

/** Write one audit entry, inside the caller's transaction so it lands with its effect. */
export async function recordAudit(tx: Queryable, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  })
}
