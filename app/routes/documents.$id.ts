import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { readCooperativeDocument } from '#app/modules/cooperatives/profile.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'

/**
 * A cooperative's private document, for its members and the association only. It may be
 * framed by our own pages (the reviewer's document viewer) and nowhere else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  try {
    const document = await readCooperativeDocument(user, params.id ?? '')
    return new Response(new Uint8Array(document.data), {
      headers: {
        'Content-Type': document.contentType,
        'Content-Disposition': `inline; filename="${document.kind}${document.contentType === 'application/pdf' ? '.pdf' : document.contentType === 'image/png' ? '.png' : '.jpg'}"`,
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
