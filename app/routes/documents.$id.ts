import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { readCooperativeDocument } from '#app/modules/cooperatives/profile.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'

/**
 * A cooperative's private document, for its members and the association only. Served only
 * as an attachment: our pages show it as an image or draw it with PDF.js (see ADR 011).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  try {
    const document = await readCooperativeDocument(user, params.id ?? '')
    return new Response(new Uint8Array(document.data), {
      headers: {
        'Content-Type': document.contentType,
        'Content-Disposition': `attachment; filename="${document.kind}${document.contentType === 'application/pdf' ? '.pdf' : document.contentType === 'image/png' ? '.png' : '.jpg'}"`,
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
