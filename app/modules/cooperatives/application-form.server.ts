import { data } from '@remix-run/node'
import { z } from 'zod'
import { documentKinds, type DocumentKind } from '#db/schema/cooperatives.ts'
import { newPasswordSchema } from '#app/modules/auth/password.server.ts'
import { emailSchema, nameSchema } from '#app/modules/auth/schemas.ts'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import { type FormReply, parseForm } from '#app/utils/forms.server.ts'
import { type ApplicationFiles } from './application.server.ts'

const documentBytes = 8 * 1024 * 1024

/**
 * Anyone may apply, signed in or not, and the body is held in memory while it is read: the
 * total is the four documents and a little room for the fields, nothing more (see ADR 011).
 */
export const uploadLimits = {
  maxFileBytes: documentBytes,
  maxTotalBytes: 4 * documentBytes + 512 * 1024,
  maxFiles: 4,
}

const applicantSchema = z.object({
  applicantName: nameSchema,
  applicantEmail: emailSchema,
  applicantPassword: newPasswordSchema,
})

function fileOf(formData: FormData, name: string): File | null {
  const value = formData.get(name)
  return value instanceof File && value.size > 0 ? value : null
}

async function bytesOf(file: File | null) {
  return file ? Buffer.from(await file.arrayBuffer()) : null
}

/** The multipart form of a cooperative, or the reply to send back (400/413) with what was typed. */
export async function readCooperativeForm<S extends z.ZodType>(
  request: Request,
  t: Translate,
  options: { schema: S; withAccount: boolean; requireDocuments: boolean; withDocuments: boolean },
): Promise<
  | {
      ok: true
      formData: FormData
      fields: z.output<S>
      applicant: z.output<typeof applicantSchema> | null
      files: ApplicationFiles
    }
  | { ok: false; response: ReturnType<typeof data<FormReply>> }
> {
  const upload = await readUploadForm(request, t, uploadLimits)
  if (!upload.ok) return { ok: false as const, response: upload.response }
  const formData = upload.formData
  if (
    typeof formData.get('website') === 'string' &&
    String(formData.get('website')).trim() !== ''
  ) {
    throw new Response('Bad request', { status: 400 })
  }
  const parsed = parseForm(formData, options.schema, t)
  const account = options.withAccount ? parseForm(formData, applicantSchema, t) : null
  const fieldErrors: Record<string, string> = {
    ...(parsed.ok ? {} : parsed.reply.fieldErrors),
    ...(account && !account.ok ? account.reply.fieldErrors : {}),
  }
  const documents: Partial<Record<DocumentKind, Buffer>> = {}
  if (options.withDocuments) {
    for (const kind of documentKinds) {
      const file = fileOf(formData, kind)
      if (file) documents[kind] = (await bytesOf(file))!
      else if (options.requireDocuments) fieldErrors[kind] = t('errors.documentRequired')
    }
  }
  if (!parsed.ok || (account && !account.ok) || Object.keys(fieldErrors).length) {
    const values = parsed.ok ? {} : parsed.reply.values
    const reply: FormReply = {
      status: 'error',
      fieldErrors,
      formError: t('errors.fixFields'),
      values: Object.keys(values).length
        ? values
        : Object.fromEntries(
            [...formData.entries()].filter(
              ([k, v]) => typeof v === 'string' && !/password/i.test(k),
            ) as [string, string][],
          ),
    }
    return { ok: false, response: data(reply, { status: 400 }) }
  }
  return {
    ok: true,
    formData,
    fields: parsed.data,
    applicant: account?.ok ? account.data : null,
    files: { logo: await bytesOf(fileOf(formData, 'logo')), documents },
  }
}
