import { type LoaderFunctionArgs } from '@remix-run/node'
import { contentTypeOfKey, getStorage } from '#app/modules/media/storage.server.ts'

// Only the image variants are public. Documents (PDF, JPEG, PNG) live in the private area
// and are served by routes that check who asks; this one never reads there.
const servedTypes = new Set(['image/webp', 'image/avif'])

function notFound() {
  return new Response('Not found', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      // The key may be uploaded a moment later: do not let a cache remember the 404.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** Public image variants. Their names are content hashes, so they never change. */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = params['*'] ?? ''
  const contentType = contentTypeOfKey(key)
  if (!contentType || !servedTypes.has(contentType)) throw notFound()
  const file = await getStorage().get(key, 'public')
  if (!file) throw notFound()
  // fs.readFile gives a Buffer over a plain ArrayBuffer, which is what a Response body takes.
  const body = new Uint8Array(
    file.data.buffer as ArrayBuffer,
    file.data.byteOffset,
    file.data.length,
  )
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.data.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
