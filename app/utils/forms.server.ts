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

function formToObject(formData: FormData, arrays: readonly string[]) {
  const object: Record<string, unknown> = {}
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key)
    object[key] = arrays.includes(key) ? all : all[0]
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
 * The request's form (urlencoded or multipart), read within `maxBytes`: a 413 when it is
 * larger, a 400 when the body is not a form at all.
 */
export async function readFormData(request: Request, maxBytes = maxFormBytes): Promise<FormData> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new Response('The form is too large', { status: 413 })
  }
  const chunks: Uint8Array[] = []
  if (request.body) {
    const reader = request.body.getReader()
    let total = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        throw new Response('The form is too large', { status: 413 })
      }
      chunks.push(value)
    }
  }
  try {
    const body = Buffer.concat(chunks)
    return await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData()
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
