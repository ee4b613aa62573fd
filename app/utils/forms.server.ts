import { data } from '@remix-run/node'
import { type z } from 'zod'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { isDomainError } from './errors.server.ts'

export type FieldErrors = Record<string, string>
export type FormReply = {
  status: 'error'
  formError?: string
  fieldErrors: FieldErrors
  values: Record<string, string>
}

/** Every form's field names to plain values (files are left out of the echo). */
function valuesOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !/password/i.test(key)) values[key] = value
  }
  return values
}

/**
 * The form as an object for zod, in one pass over its entries: the first value of each
 * field, or all of them for the fields named in `arrays`. (Calling `getAll` once per field
 * name is quadratic in the number of fields: 40,000 of them took seconds of CPU.)
 */
function formToObject(formData: FormData, arrays: readonly string[]) {
  const arrayFields = new Set(arrays)
  const object: Record<string, unknown> = {}
  for (const [key, value] of formData.entries()) {
    if (arrayFields.has(key)) {
      const list = object[key]
      if (Array.isArray(list)) list.push(value)
      else object[key] = [value]
    } else if (!Object.hasOwn(object, key)) {
      object[key] = value
    }
  }
  return object
}

/**
 * Validate a form with a zod schema whose messages are catalogue keys (`errors.*`).
 * Returns the parsed data, or a translated reply to send back with status 400.
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  t: Translate,
  options: { arrays?: readonly string[] } = {},
): { ok: true; data: z.output<S> } | { ok: false; reply: FormReply } {
  const result = schema.safeParse(formToObject(formData, options.arrays ?? []))
  if (result.success) return { ok: true, data: result.data }
  const fieldErrors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form'
    if (fieldErrors[field]) continue
    fieldErrors[field] = translateIssue(issue.message, t)
  }
  const formError = fieldErrors._form
  delete fieldErrors._form
  return {
    ok: false,
    reply: { status: 'error', fieldErrors, formError, values: valuesOf(formData) },
  }
}

function translateIssue(message: string, t: Translate) {
  // Catalogue keys: shared `errors.*`, or a domain's own (`checkout.errors.*`).
  return /^(\w+\.)?errors\./.test(message) ? t(message) : t('errors.invalid')
}

export function badRequest(reply: FormReply, status = 400) {
  return data(reply, { status })
}

/** A reply for a form whose business rule failed (a DomainError), keeping what was typed. */
export function domainErrorReply(error: unknown, formData: FormData, t: Translate) {
  if (!isDomainError(error)) throw error
  const message = t(error.messageKey, error.details)
  const reply: FormReply = {
    status: 'error',
    fieldErrors: error.field ? { [error.field]: message } : {},
    formError: error.field ? undefined : message,
    values: valuesOf(formData),
  }
  return data(reply, { status: error.status })
}

/** Forms without files are small: a larger body is refused before it is read whole. */
export const maxFormBytes = 256 * 1024

/**
 * The most fields (or multipart parts) one form may have. Our largest form has well under
 * a hundred; the cap is what keeps a body of tens of thousands of empty fields from being
 * parsed at all (see ADR 011).
 */
export const maxFormFields = 500

/** The answer to a form with more fields than `maxFields`: refused before it is parsed. */
export function tooManyFields() {
  return new Response('The form has too many fields', { status: 413 })
}

/**
 * How many fields a body holds, counted on the raw bytes without parsing it: the `&`
 * separators of an urlencoded body, the boundary lines of a multipart one.
 */
export function countFormFields(body: Uint8Array, contentType: string): number {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const boundary = /^multipart\/form-data\s*;.*\bboundary="?([^";]+)"?/i.exec(contentType)?.[1]
  const separator = boundary ? Buffer.from(`--${boundary}`) : Buffer.from('&')
  let count = 0
  for (
    let at = bytes.indexOf(separator);
    at !== -1;
    at = bytes.indexOf(separator, at + separator.length)
  ) {
    count += 1
  }
  // n separators: n + 1 urlencoded fields, or n - 1 parts before the closing boundary.
  if (boundary) return Math.max(0, count - 1)
  return bytes.byteLength === 0 ? 0 : count + 1
}

/**
 * The request's form (urlencoded or multipart), read within `maxBytes` and `maxFields`: a
 * 413 when it is larger or has more fields, a 400 when the body is not a form at all.
 */
export async function readFormData(
  request: Request,
  maxBytes = maxFormBytes,
  { maxFields = maxFormFields }: { maxFields?: number } = {},
): Promise<FormData> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new Response('The form is too large', { status: 413 })
  }
  const contentType = request.headers.get('content-type') ?? ''
  // An urlencoded body is counted as it arrives: refused at the 501st field, not at its end.
  const urlencoded = /^application\/x-www-form-urlencoded\b/i.test(contentType)
  const chunks: Uint8Array[] = []
  if (request.body) {
    const reader = request.body.getReader()
    let total = 0
    let separators = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        throw new Response('The form is too large', { status: 413 })
      }
      if (urlencoded) {
        for (let at = value.indexOf(0x26); at !== -1; at = value.indexOf(0x26, at + 1)) {
          separators += 1
        }
        if (separators + 1 > maxFields) {
          // The rest is read and dropped (within maxBytes): cancelling the body would close
          // the connection before the 413 is sent, and the client would see a reset.
          for (;;) {
            const rest = await reader.read()
            if (rest.done) break
            total += rest.value.byteLength
            if (total > maxBytes) {
              await reader.cancel()
              break
            }
          }
          throw tooManyFields()
        }
      }
      chunks.push(value)
    }
  }
  const body = Buffer.concat(chunks)
  if (countFormFields(body, contentType) > maxFields) throw tooManyFields()
  try {
    return await new Response(body, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new Response('The request body is not a form', { status: 400 })
  }
}

/** Public forms carry an invisible field; a bot that fills it gets a plain 400. */
export function rejectBots(formData: FormData) {
  const trap = formData.get('website')
  if (typeof trap === 'string' && trap.trim() !== '') {
    throw new Response('Bad request', { status: 400 })
  }
}
