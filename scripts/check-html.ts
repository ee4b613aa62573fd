// The HTML check of `npm test`: the W3C Nu HTML Checker (vnu-jar, a Java program) over every
// page the end-to-end tests saw (tests/e2e/html-pages.ts). Any error fails, with the page's
// address and the test that visited it. `npm run test:html` runs it alone.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { htmlPagesDir, htmlPagesIndex, type SavedPage } from '#tests/e2e/html-pages.ts'

type VnuMessage = {
  type: string
  subType?: string
  url?: string
  message: string
  extract?: string
  lastLine?: number
  firstColumn?: number
}

export type CheckResult =
  | { kind: 'no-java'; detail: string }
  | { kind: 'checked'; files: number; problems: { file: string; message: string }[] }

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

/** A Java runtime to run the checker, or why there is none. */
export function findJava(): { ok: true } | { ok: false; detail: string } {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (result.error) return { ok: false, detail: result.error.message }
  if (result.status !== 0) return { ok: false, detail: result.stderr.trim() }
  return { ok: true }
}

/**
 * What the checker's CSS grammar does not know yet and Tailwind writes into the stylesheet
 * every page carries inline (ADR 021): registered custom properties (`@property`),
 * `margin-trim` in a feature query, and custom properties named in `transition-property`.
 * All are valid CSS; any other CSS error still fails.
 */
const cssTheCheckerLags = [
  /^CSS: Unrecognized at-rule “@property”/,
  /^CSS: “margin-trim”: Property “margin-trim” doesn't exist\./,
  /^CSS: “transition-property”: “--[\w-]+” is not a “transition-property” value\./,
]

/** Runs the checker over the .html files of a folder; errors only (warnings are advice). */
export function checkHtmlFiles(folder: string): CheckResult {
  const java = findJava()
  if (!java.ok) return { kind: 'no-java', detail: java.detail }
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.html'))
  if (files.length === 0) return { kind: 'checked', files: 0, problems: [] }
  const result = spawnSync(
    'java',
    [
      '-jar',
      vnuJar,
      '--errors-only',
      '--skip-non-html',
      '--format',
      'json',
      '--stdout',
      '--exit-zero-always',
      folder,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (result.status !== 0) {
    throw new Error(`The Nu HTML Checker did not run:\n${result.stderr || result.stdout}`)
  }
  const { messages } = JSON.parse(result.stdout) as { messages: VnuMessage[] }
  return {
    kind: 'checked',
    files: files.length,
    problems: messages
      .filter((m) => !cssTheCheckerLags.some((pattern) => pattern.test(m.message)))
      .map((m) => ({
        file: m.url ? path.basename(fileURLToPath(m.url)) : '?',
        message: [
          `${m.type}${m.subType ? ` (${m.subType})` : ''}: ${m.message}`,
          m.lastLine ? `line ${m.lastLine}, column ${m.firstColumn ?? '?'}` : '',
          m.extract ? `…${m.extract.replace(/\s+/g, ' ')}…` : '',
        ]
          .filter(Boolean)
          .join('\n    '),
      })),
  }
}

function readIndex(): Map<string, SavedPage[]> {
  const byFile = new Map<string, SavedPage[]>()
  if (!fs.existsSync(htmlPagesIndex)) return byFile
  for (const line of fs.readFileSync(htmlPagesIndex, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const page = JSON.parse(line) as SavedPage
    byFile.set(page.file, [...(byFile.get(page.file) ?? []), page])
  }
  return byFile
}

function main(): number {
  const index = readIndex()
  if (index.size === 0) {
    console.error(
      `No page to check in ${path.relative(process.cwd(), htmlPagesDir)}: run the end-to-end tests first.`,
    )
    return 1
  }
  const result = checkHtmlFiles(htmlPagesDir)
  if (result.kind === 'no-java') {
    const message = [
      'The HTML check needs a Java runtime (17 or later) to run the Nu HTML Checker, and found',
      `none (${result.detail}). On Debian or Ubuntu: apt-get install default-jre-headless.`,
    ].join('\n')
    if (process.env.CI) {
      console.error(message)
      return 1
    }
    console.warn(`\n⚠ HTML check SKIPPED.\n${message}\n`)
    return 0
  }
  const addresses = new Set([...index.values()].flat().map((page) => page.url))
  for (const problem of result.problems) {
    const seen = index.get(problem.file) ?? []
    const where = seen[0]
      ? `${seen[0].url} (${seen[0].status}, ${seen[0].via}, in “${seen[0].test}”)`
      : problem.file
    console.error(`✗ ${where}\n    ${problem.message}`)
  }
  console.log(
    `Nu HTML Checker: ${result.files} documents of ${addresses.size} addresses checked, ${result.problems.length} errors.`,
  )
  return result.problems.length === 0 ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main())
