// The message catalogue of each language is kept in parts, one file per part under
// `app/locales/<language>/`, so that a page downloads only the messages it can show (ADR 021).
// They all make up the one `common` namespace: a key is written the same wherever it lives.

/** Parts the browser may load: the storefront always, the others for the routes that await them. */
export const clientParts = ['storefront', 'account', 'info', 'backoffice'] as const
export type ClientPart = (typeof clientParts)[number]

/** Every part; `server` holds what only the server translates (e-mails), never sent to a browser. */
export const catalogueParts = [...clientParts, 'server'] as const
export type CataloguePart = (typeof catalogueParts)[number]

export type Messages = { [key: string]: string | Messages }

function isBranch(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null
}

/** Adds the messages of `part` into `into`, section by section (a section may span parts). */
export function mergeMessages(into: Messages, part: Messages): Messages {
  for (const [key, value] of Object.entries(part)) {
    const existing = into[key]
    if (isBranch(value) && isBranch(existing)) mergeMessages(existing, value)
    else into[key] = isBranch(value) ? mergeMessages({}, value) : value
  }
  return into
}
