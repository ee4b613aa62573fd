// Issue 13 against the production server itself: what Express answers around the app.
import http from 'node:http'
import { expect, logIn, test } from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

/** A request that fetch() will not send (TRACE), or with headers it will not set. */
function raw(base: string, path: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: string[] }>(
    (resolve, reject) => {
      const request = http.request(new URL(path, base), { method, headers }, (response) => {
        response.resume()
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            raw: response.rawHeaders,
          }),
        )
      })
      request.on('error', reject)
      request.end()
    },
  )
}

test('unknown methods get 405 and forged origins 403, never a 500', async ({ baseURL }) => {
  for (const method of ['TRACE', 'OPTIONS', 'PROPFIND']) {
    expect((await raw(baseURL!, '/', method)).status, method).toBe(405)
  }
  const host = new URL(baseURL!).host
  for (const origin of ['null', 'https://evil.example', 'http://[bad']) {
    const response = await raw(baseURL!, '/login', 'POST', {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(response.status, `Origin: ${origin}`).toBe(403)
  }
  const forged = await raw(baseURL!, '/login', 'POST', {
    origin: 'https://evil.example',
    'x-forwarded-host': 'evil.example',
    host,
  })
  expect(forged.status).toBe(403)
})

test('a file is sent with nosniff once, and its .data twin does not exist', async ({
  baseURL,
  page,
}) => {
  const home = await raw(baseURL!, '/', 'GET')
  const nosniff = (headers: string[]) =>
    headers.filter((_, i) => i % 2 === 0 && /^x-content-type-options$/i.test(headers[i]!))
  expect(nosniff(home.raw)).toHaveLength(1)
  expect(home.headers['strict-transport-security']).toBeUndefined()
  await page.goto('/products')
  const image = await page.locator('img[src^="/media/"]').first().getAttribute('src')
  const media = await raw(baseURL!, image!, 'GET')
  expect(media.status).toBe(200)
  expect(nosniff(media.raw)).toHaveLength(1)
  expect((await raw(baseURL!, `${image}.data`, 'GET')).status).toBe(404)
  expect(
    (await raw(baseURL!, '/documents/00000000-0000-0000-0000-000000000000.data', 'GET')).status,
  ).toBe(404)
  expect((await raw(baseURL!, '/sitemap.xml.data', 'GET')).status).toBe(404)
})

test('signed-in pages are private and not stored; the mailbox is the admin’s', async ({ page }) => {
  await logIn(page, adminEmail, adminPassword)
  for (const path of ['/account', '/admin', '/admin/cooperatives', '/dev/mail']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    expect(response?.headers()['cache-control'], path).toBe('private, no-store')
  }
})
