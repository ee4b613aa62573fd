// Every HTML page the end-to-end tests see, kept for the Nu HTML Checker
// (`scripts/check-html.ts`, run by `npm test` after Playwright). Nothing to do in a test:
// the `htmlPages` fixture follows every page of every browser context a test opens.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { request, type BrowserContext, type Page } from '@playwright/test'

export const htmlPagesDir = path.resolve('test-results', 'html-pages')
export const htmlPagesIndex = path.join(htmlPagesDir, 'pages.jsonl')

const languages = ['ar', 'fr', 'en'] as const

export type SavedPage = {
  file: string
  url: string
  status: number
  /** How the page was obtained: the browser's own response, or fetched again in a language. */
  via: string
  test: string
}

export function resetHtmlPages() {
  fs.rmSync(htmlPagesDir, { recursive: true, force: true })
  fs.mkdirSync(htmlPagesDir, { recursive: true })
}

export function saveHtmlPage(page: Omit<SavedPage, 'file'> & { html: Buffer }) {
  const { html, ...entry } = page
  const file = `${crypto.createHash('sha256').update(html).digest('hex').slice(0, 20)}.html`
  fs.mkdirSync(htmlPagesDir, { recursive: true })
  const target = path.join(htmlPagesDir, file)
  if (!fs.existsSync(target)) fs.writeFileSync(target, html)
  fs.appendFileSync(htmlPagesIndex, `${JSON.stringify({ file, ...entry })}\n`)
}

function isHtml(contentType: string | undefined) {
  return (contentType ?? '').startsWith('text/html')
}

// Pages already fetched in this worker, per address, language and signed-in state.
const fetched = new Set<string>()

/**
 * Follows the pages of one test. Each document the browser receives is kept as it came (the
 * only way to see what a form post answers); each address the page shows, including those
 * reached by client-side navigation, which bring no document, is fetched again in Arabic,
 * French and English with the page's cookies at that moment, in a request context of its
 * own so that the browser's cookies stay as they were.
 */
export class HtmlPageRecorder {
  readonly #pending: Promise<unknown>[] = []
  readonly #contexts = new WeakSet<BrowserContext>()

  constructor(readonly test: string) {}

  followContext(context: BrowserContext) {
    if (this.#contexts.has(context)) return
    this.#contexts.add(context)
    for (const page of context.pages()) this.#followPage(page)
    context.on('page', (page) => this.#followPage(page))
  }

  /** Waits for the pages still being read or fetched. */
  async settle() {
    await Promise.allSettled(this.#pending)
  }

  #followPage(page: Page) {
    page.on('response', (response) => {
      const request = response.request()
      if (!request.isNavigationRequest() || response.frame() !== page.mainFrame()) return
      const status = response.status()
      if (status >= 300 && status < 400) return
      if (!isHtml(response.headers()['content-type'])) return
      this.#pending.push(
        response.body().then(
          (html) =>
            saveHtmlPage({
              url: response.url(),
              status,
              via: `browser ${request.method()}`,
              test: this.test,
              html,
            }),
          // The page moved on before its body could be read: the address is fetched below.
          () => undefined,
        ),
      )
    })
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      const url = new URL(frame.url())
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return
      url.hash = ''
      this.#pending.push(this.#fetchInEveryLanguage(page.context(), url).catch(() => undefined))
    })
  }

  async #fetchInEveryLanguage(context: BrowserContext, url: URL) {
    const state = await context.storageState()
    const identity = state.cookies
      .filter((c) => c.name !== 'taawun_lang')
      .map((c) => `${c.name}=${c.value}`)
      .sort()
      .join(';')
    const wanted = languages.filter((language) => {
      const key = `${url.href} ${language} ${identity}`
      if (fetched.has(key)) return false
      fetched.add(key)
      return true
    })
    if (wanted.length === 0) return
    const client = await request.newContext({ storageState: state })
    try {
      for (const language of wanted) {
        const address = new URL(url)
        address.searchParams.set('lng', language)
        const response = await client.get(address.href, { failOnStatusCode: false })
        if (!isHtml(response.headers()['content-type'])) continue
        saveHtmlPage({
          url: response.url(),
          status: response.status(),
          via: `fetched in ${language}`,
          test: this.test,
          html: await response.body(),
        })
      }
    } finally {
      await client.dispose()
    }
  }
}
