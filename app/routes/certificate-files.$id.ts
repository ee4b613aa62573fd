import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { readCertificateFile } from '#app/modules/certification/certificates.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'

const extensions: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
}

/**
 * A certificate's evidence file, for the certificate's cooperative and the association only
 * (anyone else gets 404, so its existence is not revealed). Served only as an attachment:
 * our pages show it as an image or draw it with PDF.js (see ADR 011).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  try {
    const file = await readCertificateFile(user, params.id ?? '')
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="certificate${extensions[file.contentType] ?? ''}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        // Never rendered as a page of ours: a download, or bytes for an <img> or PDF.js.
        'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    })
  } catch (error) {
    if (isDomainError(error)) throw new Response('Not found', { status: 404 })
    throw error
  }
}
