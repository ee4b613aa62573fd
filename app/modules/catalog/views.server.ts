import { certificationTypes } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { type GateReason } from '#app/modules/certification/gate.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'

/** Certification type names in the reader's language. */
export async function certificationTypeNames(language: Language): Promise<Record<string, string>> {
  const rows = await db
    .select({
      code: certificationTypes.code,
      nameAr: certificationTypes.nameAr,
      nameFr: certificationTypes.nameFr,
      nameEn: certificationTypes.nameEn,
    })
    .from(certificationTypes)
  return Object.fromEntries(rows.map((r) => [r.code, localized(r, 'name', language)]))
}

/** Gate reasons made ready for the page: dates formatted, type names translated. */
export function viewReasons(
  reasons: GateReason[],
  names: Record<string, string>,
  language: Language,
) {
  return reasons.map((reason) => {
    if (reason.kind === 'certificate') {
      const date = 'date' in reason && reason.date ? formatDate(reason.date, language) : null
      return {
        kind: reason.kind,
        type: reason.type,
        typeName: names[reason.type] ?? reason.type,
        requiredBy: reason.requiredBy,
        state: reason.state,
        date,
      }
    }
    if (reason.kind === 'blocked')
      return {
        kind: reason.kind,
        reason: reason.reason,
        date: reason.date ? formatDate(reason.date, language) : null,
      }
    return reason
  })
}
