import { data } from '@remix-run/node'
import { z } from 'zod'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { type MakerInput } from './makers.server.ts'

const optionalBio = z
  .string()
  .trim()
  .max(600, { error: 'errors.tooLong' })
  .optional()
  .transform((v) => (v ? v : null))

export const makerSchema = z.object({
  name: z
    .string({ error: 'errors.required' })
    .trim()
    .min(2, { error: 'errors.tooShort' })
    .max(80, { error: 'errors.tooLong' }),
  bioAr: optionalBio,
  bioFr: optionalBio,
  bioEn: optionalBio,
  consent: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  removePhoto: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

/** A maker's form with an optional photo; or the reply to send back. */
export async function readMakerForm(request: Request, t: Translate, rateKey: string) {
  const upload = await readUploadForm(
    request,
    t,
    {
      maxFileBytes: 10 * 1024 * 1024,
      maxTotalBytes: 11 * 1024 * 1024,
      maxFiles: 1,
    },
    { rateKey },
  )
  if (!upload.ok) return { ok: false as const, response: upload.response }
  const formData = upload.formData
  const parsed = parseForm(formData, makerSchema, t)
  if (!parsed.ok) return { ok: false as const, response: data(parsed.reply, { status: 400 }) }
  const photo = formData.get('photo')
  const { removePhoto, ...maker } = parsed.data
  return {
    ok: true as const,
    formData,
    maker: maker satisfies MakerInput,
    removePhoto,
    photo: photo instanceof File && photo.size > 0 ? Buffer.from(await photo.arrayBuffer()) : null,
  }
}
