import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { checkHtmlFiles, findJava } from './check-html.ts'

// Without Java the check says so and `npm test` warns; CI installs Java, so there it runs.
const runnable = findJava().ok || Boolean(process.env.CI)

let folder = ''
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

test.skipIf(!runnable)(
  'the Nu HTML Checker passes a valid page and names what is wrong in another',
  async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-html-'))
    const page = (body: string) =>
      `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تعاون</title></head><body>${body}</body></html>`
    fs.writeFileSync(path.join(folder, 'valid.html'), page('<p>سلة من الدوم</p>'))
    fs.writeFileSync(
      path.join(folder, 'invalid.html'),
      page('<img src="/basket.webp"><p>سلة \0من الدوم</p>'),
    )
    const result = checkHtmlFiles(folder)
    expect(result.kind).toBe('checked')
    if (result.kind !== 'checked') return
    expect(result.files).toBe(2)
    expect(result.problems.every((p) => p.file === 'invalid.html')).toBe(true)
    const messages = result.problems.map((p) => p.message).join('\n')
    expect(messages).toMatch(/“img” element must have an “alt” attribute/)
    expect(messages).toMatch(/U\+0000/)
  },
)
