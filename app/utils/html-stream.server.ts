import { Transform, type TransformCallback } from 'node:stream'

// The byte-level repairs between React 18's `renderToPipeableStream` and the response
// (ADR 009). Both are what React 19 does itself; drop this when the app moves to it.

const closingTags = Buffer.from('</body></html>')

/** The bytes without their 0x00s: in UTF-8 a 0x00 only ever stands for U+0000. */
export function withoutNulBytes(bytes: Buffer): Buffer {
  let at = bytes.indexOf(0)
  if (at === -1) return bytes
  const kept = Buffer.allocUnsafe(bytes.length)
  let length = 0
  let from = 0
  while (at !== -1) {
    length += bytes.copy(kept, length, from, at)
    from = at + 1
    at = bytes.indexOf(0, from)
  }
  length += bytes.copy(kept, length, from)
  return kept.subarray(0, length)
}

/** How many bytes at the end of `bytes` could be the start of `</body></html>`. */
function partialClosingTags(bytes: Buffer): number {
  for (let length = Math.min(bytes.length, closingTags.length - 1); length > 0; length--) {
    if (bytes.subarray(bytes.length - length).equals(closingTags.subarray(0, length))) {
      return length
    }
  }
  return 0
}

/**
 * The HTML stream as it must be sent:
 * - **no NUL byte.** React 18 encodes into a 2,048-byte buffer and, when a multi-byte UTF-8
 *   character does not fit at its end, sends the whole buffer, unwritten zero bytes included,
 *   then writes the character into the next one (react#27554, react#31134; fixed in React
 *   19). The text is intact around the zeros, so dropping every 0x00 is the repair, and
 *   never loses anything: HTML has no use for U+0000.
 * - **`</body></html>` last.** Remix streams its loader data as `<script>`s rendered beside
 *   the document element, and React 18 writes them after `</html>`, where a parser only
 *   takes them back into the body after a parse error. The closing tags are held back and
 *   sent when the stream ends, as React 19 does.
 */
export function createDocumentStream(): Transform {
  let held = Buffer.alloc(0)
  let closingTagsHeld = false
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const push = (bytes: Buffer) => bytes.length > 0 && this.push(bytes)
      const bytes = withoutNulBytes(chunk)
      if (closingTagsHeld) {
        push(bytes)
      } else {
        const pending = held.length > 0 ? Buffer.concat([held, bytes]) : bytes
        const at = pending.indexOf(closingTags)
        if (at !== -1) {
          closingTagsHeld = true
          held = Buffer.alloc(0)
          push(pending.subarray(0, at))
          push(pending.subarray(at + closingTags.length))
        } else {
          const partial = partialClosingTags(pending)
          held = Buffer.from(pending.subarray(pending.length - partial))
          push(pending.subarray(0, pending.length - partial))
        }
      }
      callback()
    },
    flush(callback: TransformCallback) {
      if (held.length > 0) this.push(held)
      if (closingTagsHeld) this.push(Buffer.from(closingTags))
      callback()
    },
  })
}
