// Lighthouse with its default mobile settings (emulated phone, simulated slow 4G and CPU
// slowdown), in Arabic, in a headless Chromium: the system one when there is one,
// otherwise Playwright's.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

export type LighthouseResult = {
  page: string
  url: string
  performance: number | null
  accessibility: number | null
  bestPractices: number | null
  seo: number | null
  lcpMs: number | null
  cls: number | null
  tbtMs: number | null
  statusCode: number | null
  /** Failed audits of the categories that must score 100, to say what falls short. */
  failedAudits: string[]
  /** Why there is no result, when Lighthouse could not measure the page. */
  error?: string
}

const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function findChromium(): Promise<string | null> {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate
  try {
    const { chromium } = await import('@playwright/test')
    const bundled = chromium.executablePath()
    return fs.existsSync(bundled) ? bundled : null
  } catch {
    return null
  }
}

function score(value: number | null | undefined) {
  return typeof value === 'number' ? Math.round(value * 100) : null
}

/** One page in a Chromium of its own, so that a page that hangs or crashes it spoils no other. */
async function measurePage(chromePath: string, page: string, url: string) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-lighthouse-'))
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, userDataDir })
  // Even when the run dies half-way, no browser is left behind.
  const killOnExit = () => chrome.kill()
  process.once('exit', killOnExit)
  try {
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      // The marketplace speaks Arabic first; the header picks it without a cookie.
      extraHeaders: { 'Accept-Language': 'ar' },
    })
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { categories, audits, runtimeError } = runner.lhr
    const failedAudits = (['accessibility', 'seo', 'best-practices'] as const).flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && typeof audits[ref.id]?.score === 'number')
        .filter((ref) => (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => {
          const audit = audits[ref.id]
          const detail = audit?.explanation ?? audit?.displayValue
          return `${id}: ${ref.id}${detail ? ` (${detail})` : ''}`
        }),
    )
    const result: LighthouseResult = {
      page,
      url,
      performance: score(categories.performance?.score),
      accessibility: score(categories.accessibility?.score),
      bestPractices: score(categories['best-practices']?.score),
      seo: score(categories.seo?.score),
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? null,
      cls: audits['cumulative-layout-shift']?.numericValue ?? null,
      tbtMs: audits['total-blocking-time']?.numericValue ?? null,
      statusCode: mainDocumentStatus(runner.lhr),
      failedAudits,
    }
    if (runtimeError) result.error = `${runtimeError.code}: ${runtimeError.message}`
    return result
  } finally {
    process.off('exit', killOnExit)
    chrome.kill()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

export async function runLighthouse(
  chromePath: string,
  pages: { page: string; url: string }[],
): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = []
  for (const { page, url } of pages) {
    try {
      results.push(await measurePage(chromePath, page, url))
    } catch (error) {
      results.push({
        page,
        url,
        performance: null,
        accessibility: null,
        bestPractices: null,
        seo: null,
        lcpMs: null,
        cls: null,
        tbtMs: null,
        statusCode: null,
        failedAudits: [],
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
  return results
}

/** The HTTP status of the page itself, from the network requests audit. */
function mainDocumentStatus(lhr: { audits: Record<string, { details?: unknown }> }) {
  const details = lhr.audits['network-requests']?.details as
    { items?: { resourceType?: string; statusCode?: number }[] } | undefined
  return details?.items?.find((item) => item.resourceType === 'Document')?.statusCode ?? null
}
