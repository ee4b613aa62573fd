import { describe, expect, test } from 'vitest'
import { assertSameOrigin, safeRedirectPath } from './security.server.ts'

function post(headers: Record<string, string>) {
  return new Request('http://localhost:3000/login', {
    method: 'POST',
    headers: { host: 'localhost:3000', ...headers },
  })
}

function refused(request: Request) {
  try {
    assertSameOrigin(request)
    return false
  } catch (error) {
    return error instanceof Response && error.status === 403
  }
}

describe('assertSameOrigin', () => {
  test('lets reads through whatever their origin', () => {
    expect(
      refused(
        new Request('http://localhost:3000/', { headers: { 'sec-fetch-site': 'cross-site' } }),
      ),
    ).toBe(false)
  })

  test('accepts same-origin mutations', () => {
    expect(
      refused(post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' })),
    ).toBe(false)
    expect(refused(post({ origin: 'http://localhost:3000' }))).toBe(false)
  })

  test('refuses cross-site and same-site-but-other-origin mutations', () => {
    expect(refused(post({ 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(refused(post({ 'sec-fetch-site': 'same-site' }))).toBe(true)
    expect(refused(post({ origin: 'https://evil.example' }))).toBe(true)
    expect(refused(post({ origin: 'null' }))).toBe(true)
    expect(refused(post({ origin: 'not a url' }))).toBe(true)
  })

  test('does not take X-Forwarded-Host from a request when no proxy is trusted', () => {
    expect(
      refused(post({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })),
    ).toBe(true)
    expect(
      refused(post({ origin: 'http://localhost:3000', 'x-forwarded-host': 'evil.example' })),
    ).toBe(false)
  })
})

describe('safeRedirectPath', () => {
  test('keeps local paths and refuses everything else', () => {
    expect(safeRedirectPath('/account?x=1')).toBe('/account?x=1')
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%09/../\\evil',
      'javascript:alert(1)',
      null,
      42,
    ]) {
      expect(safeRedirectPath(bad, '/home')).toBe('/home')
    }
  })
})
