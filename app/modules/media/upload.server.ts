import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { DomainError, isDomainError } from '#app/utils/errors.server.ts'
import { maxFormFields } from '#app/utils/forms.server.ts'

export type UploadLimits = {
  /** Largest single file, in bytes. */
  maxFileBytes: number
  /** Largest request body (all files and fields), in bytes. */
  maxTotalBytes: number
  /** Most files in one form (empty file inputs do not count). */
  maxFiles: number
  /** Most parts (fields and files) in one form; `maxFormFields` when not given. */
  maxParts?: number
}

function megabytes(bytes: number) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

function bodyTooLarge(limits: UploadLimits) {
  return new DomainError('too_large', 'errors.upload.bodyTooLarge', {
    details: { megabytes: megabytes(limits.maxTotalBytes) },
  })
}

function notMultipart() {
  return new DomainError('invalid', 'errors.upload.notMultipart')
}

/**
 * Passes the body through while counting it, and fails as soon as it passes `maxBytes`,
 * so a body without Content-Length (or with a false one) is never read or buffered further.
 */
function limitBody(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
  onExceeded: () => DomainError,
): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  let total = 0
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) {
          controller.close()
          return
        }
        total += value.byteLength
        if (total > maxBytes) {
          controller.error(onExceeded())
          // Only clients that stream without Content-Length get here (browsers send it and
          // are refused before reading): stop receiving the rest, even if that drops the
          // connection before they read the 413.
          await reader.cancel().catch(() => {})
          return
        }
        controller.enqueue(value)
      },
      cancel(reason) {
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}

/**
 * Reads a multipart form (file uploads) within limits, keeping files in memory as `File`s.
 * A file input left empty comes out absent. Refusals are DomainErrors: `too_large` for a
 * body or file over its limit, `invalid` for too many files or a body that is no such form.
 */
export async function readMultipartForm(request: Request, limits: UploadLimits): Promise<FormData> {
  // The same test as unstable_parseMultipartFormData, so that what passes here parses there.
  const [type, boundary] = (request.headers.get('content-type') ?? '').split(/\s*;\s*boundary=/)
  if (type !== 'multipart/form-data' || !boundary || !request.body) throw notMultipart()
  if (Number(request.headers.get('content-length')) > limits.maxTotalBytes) {
    throw bodyTooLarge(limits)
  }

  let exceeded = false
  const body = limitBody(request.body, limits.maxTotalBytes, () => {
    exceeded = true
    return bodyTooLarge(limits)
  })
  const init: RequestInit & { duplex: 'half' } = {
    method: request.method,
    headers: request.headers,
    body,
    duplex: 'half',
  }
  const limited = new Request(request.url, init)

  const readFile = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFileBytes })
  // Text fields are bounded by the body limit already.
  const readText = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxTotalBytes })
  let files = 0
  let parts = 0
  const maxParts = limits.maxParts ?? maxFormFields
  const handler: UploadHandler = async (part) => {
    // Refused as the parts arrive: a body of tens of thousands of tiny parts is never
    // read to its end.
    parts += 1
    if (parts > maxParts) {
      throw new DomainError('too_large', 'hardening.tooManyParts', {
        details: { maxParts },
      })
    }
    if (part.filename === undefined) return readText(part)
    const file = await readFile(part)
    // A browser sends a file input where nothing was chosen as a part with an empty file
    // name and no bytes.
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) return undefined
    files += 1
    if (files > limits.maxFiles) {
      throw new DomainError('invalid', 'errors.upload.tooManyFiles', {
        details: { maxFiles: limits.maxFiles },
      })
    }
    return file
  }

  try {
    return await unstable_parseMultipartFormData(limited, handler)
  } catch (error) {
    if (exceeded) throw bodyTooLarge(limits)
    if (isDomainError(error)) throw error
    if (error instanceof MaxPartSizeExceededError) {
      throw new DomainError('too_large', 'errors.upload.fileTooLarge', {
        details: { megabytes: megabytes(limits.maxFileBytes) },
        field: error.field,
      })
    }
    if (error instanceof Error && error.message.startsWith('malformed')) {
      throw notMultipart()
    }
    throw error
  }
}
