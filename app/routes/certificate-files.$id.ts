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
 * (anyone else gets 404, so its existence is not revealed). It may be framed by our own pages
 * (the reviewer's viewer) and nowhere else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  try {
    const file = await readCertificateFile(user, params.id ?? '')
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `inline; filename="certificate${extensions[file.contentType] ?? ''}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy':
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        'X-Frame-Options': 'SAMEORIGIN',
      },
    })
  } catch (error) {
    if (isDomainError(error)) throw new Response('Not found', { status: 404 })
    throw error
  }
}
