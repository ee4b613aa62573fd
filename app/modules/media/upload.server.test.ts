import { describe, expect, test } from 'vitest'
import { storeImage } from './images.server.ts'
import { expectRefusal, photoPixels, temporaryMediaStorage } from './testing.server.ts'
import { readMultipartForm, type UploadLimits } from './upload.server.ts'

const { files } = temporaryMediaStorage()

const MB = 1024 * 1024
const limits: UploadLimits = { maxFileBytes: 2 * MB, maxTotalBytes: 5 * MB, maxFiles: 3 }
const url = 'http://localhost:3000/coop/tawesna/logo'

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(url, { method: 'POST', body, headers })
}

/** A body as a browser writes it, so that the exact bytes of each part are known. */
function rawMultipart(parts: { name: string; filename?: string; type?: string; value: string }[]) {
  const boundary = '----TaawunBoundary7MA4YWxkTrZu0gW'
  const body =
    parts
      .map((part) => {
        const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`
        const type = part.type ? `\r\nContent-Type: ${part.type}` : ''
        return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n${part.value}\r\n`
      })
      .join('') + `--${boundary}--\r\n`
  return post(body, { 'content-type': `multipart/form-data; boundary=${boundary}` })
}

/** A body of `total` bytes made on demand, as a client streaming it without Content-Length. */
function generatedBody(total: number, headers: Record<string, string> = {}) {
  const boundary = 'streamed-boundary'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  )
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  const progress = { bytesRead: 0, cancelled: false, peakRssGrowth: 0 }
  const startRss = process.memoryUsage().rss
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = progress.bytesRead === 0 ? head : chunk
        if (progress.bytesRead >= total) return controller.close()
        progress.bytesRead += next.byteLength
        progress.peakRssGrowth = Math.max(
          progress.peakRssGrowth,
          process.memoryUsage().rss - startRss,
        )
        controller.enqueue(next)
      },
      cancel() {
        progress.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    body: stream,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    duplex: 'half',
  }
  return { request: new Request(url, init), progress }
}

describe('readMultipartForm', () => {
  test('gives text fields as strings and files as File objects', async () => {
    const photo = await photoPixels(64, 48).jpeg().toBuffer()
    const form = new FormData()
    form.append('name', 'Tawesna')
    form.append('logo', new File([new Uint8Array(photo)], 'logo.jpg', { type: 'image/jpeg' }))
    form.append('makerPhotos', new File([new Uint8Array(photo)], 'a.jpg'))
    form.append('makerPhotos', new File([Buffer.from('%PDF-1.4')], 'b.pdf'))

    const result = await readMultipartForm(post(form), limits)
    expect(result.get('name')).toBe('Tawesna')
    const logo = result.get('logo')
    expect(logo).toBeInstanceOf(File)
    expect(Buffer.from(await (logo as File).arrayBuffer()).equals(photo)).toBe(true)
    expect(result.getAll('makerPhotos').map((file) => (file as File).name)).toEqual([
      'a.jpg',
      'b.pdf',
    ])
  })

  test('leaves out a file input where nothing was chosen', async () => {
    const result = await readMultipartForm(
      rawMultipart([
        { name: 'name', value: 'Zahra' },
        { name: 'photo', filename: '', type: 'application/octet-stream', value: '' },
        { name: 'document', filename: 'statutes.pdf', type: 'application/pdf', value: '%PDF-1.4' },
      ]),
      { ...limits, maxFiles: 1 },
    )
    expect(result.get('name')).toBe('Zahra')
    expect(result.has('photo')).toBe(false)
    expect((result.get('document') as File).size).toBe(8)
  })

  test('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { request, progress } = generatedBody(500 * MB, { 'content-length': String(6 * MB) })
    expect(request.headers.get('content-length')).toBe(String(6 * MB))
    const error = await expectRefusal(
      readMultipartForm(request, limits),
      'too_large',
      'errors.upload.bodyTooLarge',
    )
    expect(error.details).toEqual({ megabytes: 5 })
    expect(progress.bytesRead).toBe(0)
  })

  test('stops a 500 MB streamed body as soon as it passes the limit', async () => {
    const { request, progress } = generatedBody(500 * MB)
    await expectRefusal(
      readMultipartForm(request, { ...limits, maxFileBytes: 600 * MB }),
      'too_large',
      'errors.upload.bodyTooLarge',
    )
    expect(progress.bytesRead).toBeGreaterThan(limits.maxTotalBytes)
    expect(progress.bytesRead).toBeLessThan(limits.maxTotalBytes + 256 * 1024)
    expect(progress.cancelled).toBe(true)
    // Buffering the body would have taken 500 MB; only about the limit was ever held.
    expect(progress.peakRssGrowth).toBeLessThan(64 * MB)
  })

  test('refuses a file over the file limit', async () => {
    const { request, progress } = generatedBody(500 * MB)
    const error = await expectRefusal(
      readMultipartForm(request, { ...limits, maxTotalBytes: 600 * MB }),
      'too_large',
      'errors.upload.fileTooLarge',
    )
    expect(error.details).toEqual({ megabytes: 2 })
    expect(error.field).toBe('photo')
    expect(progress.bytesRead).toBeLessThan(limits.maxFileBytes + 256 * 1024)
  })

  test('refuses more files than allowed, not counting empty inputs', async () => {
    const form = () =>
      rawMultipart([
        { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', value: 'x' },
        { name: 'photos', filename: 'b.jpg', type: 'image/jpeg', value: 'y' },
        { name: 'empty', filename: '', type: 'application/octet-stream', value: '' },
      ])
    const accepted = await readMultipartForm(form(), { ...limits, maxFiles: 2 })
    expect(accepted.getAll('photos')).toHaveLength(2)
    expect(accepted.has('empty')).toBe(false)

    const error = await expectRefusal(
      readMultipartForm(form(), { ...limits, maxFiles: 1 }),
      'invalid',
      'errors.upload.tooManyFiles',
    )
    expect(error.details).toEqual({ maxFiles: 1 })
  })

  test.each([
    ['a url-encoded form', () => post(new URLSearchParams({ name: 'Tawesna' }))],
    ['JSON', () => post('{"name":"Tawesna"}', { 'content-type': 'application/json' })],
    ['plain text', () => post('name=Tawesna', { 'content-type': 'text/plain' })],
    ['multipart without boundary', () => post('x', { 'content-type': 'multipart/form-data' })],
    ['a GET', () => new Request(url)],
    [
      'a part without Content-Disposition',
      () =>
        post('--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n', {
          'content-type': 'multipart/form-data; boundary=b',
        }),
    ],
    [
      'a body cut before its end',
      () =>
        post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nhel', {
          'content-type': 'multipart/form-data; boundary=b',
        }),
    ],
  ])('refuses %s as not a multipart form', async (_name, request) => {
    await expectRefusal(
      readMultipartForm(request(), limits),
      'invalid',
      'errors.upload.notMultipart',
    )
  })

  test('a text file named photo.jpg goes through the form and is refused as a photo', async () => {
    const form = new FormData()
    form.append('photo', new File(['not a photo at all'], 'photo.jpg', { type: 'image/jpeg' }))
    const photo = (await readMultipartForm(post(form), limits)).get('photo') as File
    expect(photo.type).toBe('image/jpeg')
    await expectRefusal(
      storeImage(Buffer.from(await photo.arrayBuffer())),
      'unsupported',
      'errors.upload.imageType',
    )
    expect(files()).toEqual([])
  })
})
