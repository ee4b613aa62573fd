import { data } from '@remix-run/node'
import { hitRateLimit, rules } from '#app/modules/auth/rate-limit.server.ts'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { type FormReply } from '#app/utils/forms.server.ts'
import { readMultipartForm, type UploadLimits } from './upload.server.ts'

/**
 * A form with files, read within limits; or the reply to send back (413, 415, 400) with the
 * reason in the reader's language, next to `field` when given.
 */
export async function readUploadForm(
  request: Request,
  t: Translate,
  limits: UploadLimits,
  options: { field?: string; rateKey?: string } = {},
): Promise<
  { ok: true; formData: FormData } | { ok: false; response: ReturnType<typeof data<FormReply>> }
> {
  if (options.rateKey) {
    // Every upload costs image work: each account gets a generous hourly allowance.
    const state = await hitRateLimit(`upload:${options.rateKey}`, rules.uploadsPerUser)
    if (!state.allowed) {
      const reply: FormReply = {
        status: 'error',
        fieldErrors: {},
        formError: t('errors.tooManyAttempts', {
          minutes: Math.ceil(state.retryAfterSeconds / 60),
        }),
        values: {},
      }
      return { ok: false, response: data(reply, { status: 429 }) }
    }
  }
  try {
    return { ok: true, formData: await readMultipartForm(request, limits) }
  } catch (error) {
    if (!isDomainError(error)) throw error
    const message = t(error.messageKey, error.details)
    const reply: FormReply = {
      status: 'error',
      fieldErrors: options.field ? { [options.field]: message } : {},
      formError: options.field ? undefined : message,
      values: {},
    }
    return { ok: false, response: data(reply, { status: error.status }) }
  }
}
