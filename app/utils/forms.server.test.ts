// Issue 13, item 1: a form of tens of thousands of fields is refused by count, before it
// is parsed, on every way a form is read (urlencoded, multipart without files, uploads).
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { action as joinAction } from '#app/routes/join.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { call, dataOf, makeRequest, statusOf } from '#tests/helpers.ts'
import {
  countFormFields,
  maxFormBytes,
  maxFormFields,
  parseForm,
  readFormData,
} from './forms.server.ts'

const t = ((key: string) => key) as Parameters<typeof parseForm>[2]

function emptyFields(count: number) {
  return `email=a%40example.com&password=x${'&'.repeat(count)}`
}

function multipartOfEmptyParts(count: number) {
  const boundary = 'taawunboundary'
  const part = `--${boundary}\r\nContent-Disposition: form-data; name="f"\r\n\r\n\r\n`
  return {
    body: part.repeat(count) + `--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

function post(path: string, body: string, contentType: string) {
  const request = makeRequest(path, { method: 'POST', language: 'en' })
  return new Request(request.url, {
    method: 'POST',
    headers: { ...Object.fromEntries(request.headers), 'content-type': contentType },
    body,
  })
}

describe('form size by count of fields', () => {
  test('counts urlencoded fields and multipart parts on the raw bytes', () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    expect(countFormFields(bytes(''), 'application/x-www-form-urlencoded')).toBe(0)
    expect(countFormFields(bytes('a=1'), 'application/x-www-form-urlencoded')).toBe(1)
    expect(countFormFields(bytes('a=1&b=2&&'), 'application/x-www-form-urlencoded')).toBe(4)
    const multipart = multipartOfEmptyParts(7)
    expect(countFormFields(bytes(multipart.body), multipart.contentType)).toBe(7)
  })

  test('a guest log-in of 40,000 empty fields (under the byte limit) is refused with 413', async () => {
    const body = emptyFields(40_000)
    expect(body.length).toBeLessThan(256 * 1024)
    const result = await call(
      loginAction,
      post('/login', body, 'application/x-www-form-urlencoded'),
    )
    expect(statusOf(result)).toBe(413)
  })

  test('so is a multipart form of 40,000 parts read as a plain form', async () => {
    const { body, contentType } = multipartOfEmptyParts(40_000)
    await expect(
      readFormData(post('/login', body, contentType), 4 * 1024 * 1024),
    ).rejects.toMatchObject({ status: 413 })
  })

  test('an application (/join) of 40,000 parts is refused with 413 and a message', async () => {
    const { body, contentType } = multipartOfEmptyParts(40_000)
    const result = await call(joinAction, post('/join', body, contentType), {})
    expect(statusOf(result)).toBe(413)
    expect(dataOf<{ formError: string }>(result).formError).toContain(
      'too many fields (at most 500)',
    )
  })

  /** A log-in form whose urlencoded body arrives as `body` streams it. */
  const streamedLogin = (body: ReadableStream<Uint8Array>) =>
    new Request('http://localhost:3000/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit)

  test('a streamed urlencoded body is refused at its 501st field; the rest is dropped up to the size limit', async () => {
    let pulled = 0
    let cancelled = false
    const chunk = new TextEncoder().encode('&a='.repeat(100))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        // 100 fields a chunk, without end: only the size limit stops the reading.
        controller.enqueue(chunk)
      },
      cancel() {
        cancelled = true
      },
    })
    await expect(readFormData(streamedLogin(body))).rejects.toMatchObject({ status: 413 })
    expect(cancelled).toBe(true)
    expect(pulled * chunk.byteLength).toBeLessThanOrEqual(maxFormBytes + 2 * chunk.byteLength)
  })

  test('a finite body of 40,000 fields is read to its end, not cut: the 413 reaches the client', async () => {
    let cancelled = false
    const fields = new TextEncoder().encode('&a='.repeat(40_000))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < fields.byteLength; at += 4096)
          controller.enqueue(fields.subarray(at, at + 4096))
        controller.close()
      },
      cancel() {
        cancelled = true
      },
    })
    await expect(readFormData(streamedLogin(body))).rejects.toMatchObject({ status: 413 })
    expect(cancelled).toBe(false)
  })

  test('a form at the limit is still read', async () => {
    const body = `a=1${'&b=2'.repeat(maxFormFields - 1)}`
    const formData = await readFormData(post('/x', body, 'application/x-www-form-urlencoded'))
    expect(formData.getAll('b')).toHaveLength(maxFormFields - 1)
  })
})

describe('parseForm', () => {
  test('takes the first value of a field, or all of them for the named arrays', () => {
    const formData = new FormData()
    formData.append('name', 'first')
    formData.append('name', 'second')
    formData.append('tags', 'a')
    formData.append('tags', 'b')
    formData.append('one', 'x')
    const schema = z.object({
      name: z.string(),
      tags: z.array(z.string()),
      one: z.array(z.string()),
    })
    const result = parseForm(formData, schema, t, { arrays: ['tags', 'one', 'absent'] })
    expect(result).toEqual({ ok: true, data: { name: 'first', tags: ['a', 'b'], one: ['x'] } })
  })
})
