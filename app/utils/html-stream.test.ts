import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { createDocumentStream, withoutNulBytes } from './html-stream.server.ts'

async function through(chunks: Buffer[]): Promise<string> {
  const output: Buffer[] = []
  for await (const chunk of Readable.from(chunks).pipe(createDocumentStream())) {
    output.push(chunk as Buffer)
  }
  return Buffer.concat(output).toString('utf8')
}

/** The same bytes cut at every position, as a stream may deliver them. */
function everySplit(text: string): Buffer[][] {
  const bytes = Buffer.from(text)
  return Array.from({ length: bytes.length + 1 }, (_, at) => [
    bytes.subarray(0, at),
    bytes.subarray(at),
  ])
}

describe('withoutNulBytes', () => {
  test('drops every 0x00 and keeps the rest as it was', () => {
    const arabic = Buffer.from('سلة من الدوم')
    const withNuls = Buffer.concat([Buffer.from([0]), arabic, Buffer.from([0, 0]), arabic])
    expect(withoutNulBytes(withNuls).toString()).toBe('سلة من الدومسلة من الدوم')
    expect(withoutNulBytes(arabic)).toBe(arabic)
    expect(withoutNulBytes(Buffer.from([0, 0])).length).toBe(0)
  })
})

describe('createDocumentStream', () => {
  const document = '<!DOCTYPE html><html><body><p>سلة</p></body></html>'
  const scripts = '<script>window.data=1</script><script>window.done=1</script>'

  test('the streamed scripts go inside the body, whatever the chunks', async () => {
    for (const chunks of everySplit(document + scripts)) {
      expect(await through(chunks)).toBe(
        '<!DOCTYPE html><html><body><p>سلة</p>' + scripts + '</body></html>',
      )
    }
  })

  test('NUL bytes are dropped wherever they fall, even inside the closing tags', async () => {
    const nul = Buffer.from([0])
    const bytes = Buffer.from(document + scripts)
    const at = bytes.indexOf('</html>') + 2
    const output = await through([bytes.subarray(0, 30), nul, bytes.subarray(30, at), nul, nul])
    expect(output).toBe(bytes.subarray(0, at).toString())
    expect(await through([bytes.subarray(0, at), nul, bytes.subarray(at)])).toBe(
      '<!DOCTYPE html><html><body><p>سلة</p>' + scripts + '</body></html>',
    )
  })

  test('anything else passes through unchanged', async () => {
    for (const text of ['<p>سلة</p></body>', '<p>no closing tags</p></bo', '']) {
      for (const chunks of everySplit(text)) expect(await through(chunks)).toBe(text)
    }
  })
})
