// npm run bench — the DESIGN §8 performance budgets, measured on a marketplace of 1,000
// cooperatives and 100,000 products in PostgreSQL: pages under load, search in SQL,
// JavaScript per page and Lighthouse. Writes docs/benchmarks.md. Not part of `npm test`.
//
// DATABASE_URL must name a PostgreSQL database that may be emptied: the run drops its
// public and drizzle schemas and fills it anew. Switches (environment):
//   BENCH_SKIP_GENERATE=1   reuse the world already in the database
//   BENCH_SKIP_SEARCH=1, BENCH_SKIP_LOAD=1, BENCH_SKIP_BUNDLE=1, BENCH_SKIP_LIGHTHOUSE=1,
//   BENCH_SKIP_HOSTILE=1, BENCH_SKIP_CHECKOUT=1
//   BENCH_SKIP_REVOCATION=1 no load with a certificate revoked and another expiring meanwhile
//                           (the run restores both certificates afterwards)
//   BENCH_REBUILD=1         build the app even when build/ exists
//   BENCH_PRODUCTS=100000, BENCH_COOPERATIVES=1000
//   BENCH_CONNECTIONS=20, BENCH_DURATION=10, BENCH_WARMUP=3 (seconds per page)
//   BENCH_LOAD_SKIP_ABOVE_MS=1000  a page slower than this alone is not put under load
//   BENCH_SEARCH_ROUNDS=5, BENCH_SEARCH_SECONDS=60 (no new round starts after that)
//   BENCH_DATA_DIR=./data/bench   pictures and the server's log
//   BENCH_REPORT=docs/benchmarks.md
//   BENCH_SERVER_LOG_LEVEL=info
//   BENCH_KEEP=0            empty the database and remove the data folder at the end
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import * as prettier from 'prettier'
import { z } from 'zod'
import { createDatabase, setDatabase } from '#app/utils/db.server.ts'
import { createDiskStorage, setStorage } from '#app/modules/media/storage.server.ts'
import { measureBundles } from './bundle.ts'
import { describeMachine, measureData, pickTargets } from './facts.ts'
import { storeImagePool } from './images.ts'
import { measureCheckoutRace } from './checkout.ts'
import { measureHostileForm } from './hostile.ts'
import { findChromium, runLighthouse } from './lighthouse.ts'
import { findStaticAsset, loadTest, type LoadResult, type PageTarget } from './load.ts'
import { explainListings } from './plans.ts'
import { measureSaleChanges, pickSaleChanges } from './revocation.ts'
import { type BenchResults, keptAnalysis, type Outcome, renderReport } from './report.ts'
import { explainSearch, loadSearch, type PlanSummary, timeSearch } from './search.ts'
import {
  ensureBuild,
  type RunningServer,
  serverQueriesIn,
  startServer,
  waitUntilIdle,
} from './server.ts'
import { milliseconds } from './stats.ts'
import { generateWorld, resetDatabase } from './world.ts'

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true')
const positive = (fallback: number) => z.coerce.number().positive().default(fallback)

const config = z
  .object({
    DATABASE_URL: z
      .string({ error: 'DATABASE_URL is not set' })
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
    BENCH_SKIP_GENERATE: flag,
    BENCH_SKIP_SEARCH: flag,
    BENCH_SKIP_LOAD: flag,
    BENCH_SKIP_BUNDLE: flag,
    BENCH_SKIP_LIGHTHOUSE: flag,
    BENCH_SKIP_HOSTILE: flag,
    BENCH_SKIP_CHECKOUT: flag,
    BENCH_SKIP_REVOCATION: flag,
    BENCH_REBUILD: flag,
    BENCH_PRODUCTS: z.coerce.number().int().positive().default(100_000),
    BENCH_COOPERATIVES: z.coerce.number().int().positive().default(1_000),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(20),
    BENCH_DURATION: positive(10),
    BENCH_WARMUP: z.coerce.number().min(0).default(3),
    BENCH_LOAD_SKIP_ABOVE_MS: positive(1000),
    BENCH_SEARCH_ROUNDS: z.coerce.number().int().positive().default(5),
    BENCH_SEARCH_SECONDS: positive(60),
    BENCH_DATA_DIR: z.string().default('./data/bench'),
    BENCH_REPORT: z.string().default('docs/benchmarks.md'),
    BENCH_SERVER_LOG_LEVEL: z.string().default('info'),
    BENCH_KEEP: z
      .enum(['1', '0', 'true', 'false'])
      .default('1')
      .transform((value) => value === '1' || value === 'true'),
  })
  .safeParse(process.env)

if (!config.success) {
  console.error(
    'npm run bench needs a PostgreSQL database it may empty, e.g.\n' +
      '  DATABASE_URL=postgres://user@host:5432/taawun_bench npm run bench\n' +
      config.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n'),
  )
  process.exit(1)
}
const env = config.data
const dataDir = path.resolve(env.BENCH_DATA_DIR)
// The app's modules read DATA_DIR and DATABASE_URL through env.server.ts.
process.env.DATA_DIR = dataDir
fs.mkdirSync(dataDir, { recursive: true })

const handle = createDatabase({ kind: 'postgres', url: env.DATABASE_URL, max: 4 })
setDatabase(handle)
setStorage(createDiskStorage(dataDir))

function heading(text: string) {
  console.log(`\n▶ ${text}`)
}

/** Thrown by a phase that finds nothing to measure yet (not a failure). */
class NothingToMeasure extends Error {}

const phases: BenchResults['phases'] = []
async function phase<T>(
  name: string,
  skip: string | false,
  task: () => Promise<T>,
): Promise<Outcome<T>> {
  if (skip) {
    heading(`${name}: skipped (${skip})`)
    return { state: 'skipped', reason: skip }
  }
  heading(name)
  const started = performance.now()
  try {
    const value = await task()
    return { state: 'done', value }
  } catch (error) {
    if (error instanceof NothingToMeasure) {
      console.log(`  Skipped: ${error.message}`)
      return { state: 'skipped', reason: error.message }
    }
    // A failed query says what went wrong in its cause; its own message is the whole SQL.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null
    const reason = cause?.message ?? (error instanceof Error ? error.message : String(error))
    console.error(`✗ ${name} failed: ${reason}`)
    if (error instanceof Error && error.stack) console.error(error.stack.replace(/^/gm, '    '))
    return { state: 'failed', error: reason }
  } finally {
    const seconds = (performance.now() - started) / 1000
    phases.push({ phase: name, seconds })
    console.log(`  (${name}: ${seconds.toFixed(1)} s)`)
  }
}

// Lighthouse can reject a promise nobody awaits when a page hangs (a protocol call on a
// closed tab): that page's row says what happened, the run goes on.
process.on('unhandledRejection', (reason) => {
  console.warn(
    `  ⚠ unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`,
  )
})

const startedAt = new Date()
let machine
try {
  machine = await describeMachine(handle)
} catch (error) {
  const cause = (error as { cause?: unknown }).cause ?? error
  console.error(
    `Cannot reach the PostgreSQL database of DATABASE_URL: ${cause instanceof Error ? cause.message : String(cause)}`,
  )
  await handle.close()
  process.exit(1)
}
console.log(
  `Machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}`,
)

const generation = await phase(
  'Generate the world',
  env.BENCH_SKIP_GENERATE && 'BENCH_SKIP_GENERATE',
  async () => {
    const started = performance.now()
    const database = new URL(env.DATABASE_URL).pathname.slice(1)
    console.log(`  Emptying database "${database}" (schemas public and drizzle), then migrating`)
    await resetDatabase(handle)
    console.log('  Storing the pool of product pictures')
    const images = await storeImagePool()
    console.log(
      `  ${env.BENCH_COOPERATIVES} cooperatives and ${env.BENCH_PRODUCTS} products, set-based:`,
    )
    const steps = await generateWorld(
      handle,
      { cooperatives: env.BENCH_COOPERATIVES, products: env.BENCH_PRODUCTS },
      images,
    )
    const seconds = (performance.now() - started) / 1000
    console.log(`  Generated in ${seconds.toFixed(1)} s`)
    return { steps, seconds }
  },
)
if (generation.state === 'failed') {
  await handle.close()
  process.exit(1)
}

heading('What the database holds')
// A reused world may predate the newest migrations (the server would apply them at start).
await handle.migrate()
const data = await measureData(handle)
const targets = await pickTargets(handle)
const totalProducts = Object.values(data.products).reduce((a, b) => a + b, 0)
console.log(
  `  ${totalProducts} products, ${data.purchasable} purchasable (${((data.purchasable / totalProducts) * 100).toFixed(1)} %),` +
    ` ${Object.values(data.cooperatives).reduce((a, b) => a + b, 0)} cooperatives;` +
    ` certificates ${JSON.stringify(data.certificates)}`,
)
console.log(
  `  Category page: ${targets.categorySlug} (${targets.categoryProducts} products); ` +
    `${targets.productSlugs.length} purchasable product pages; cooperative ${targets.cooperativeSlug}`,
)

const search = await phase(
  'Search in SQL',
  env.BENCH_SKIP_SEARCH && 'BENCH_SKIP_SEARCH',
  async () => {
    const searchCatalog = await loadSearch()
    if (!searchCatalog) {
      throw new NothingToMeasure(
        'app/modules/catalog/search.server.ts does not export searchCatalog (yet)',
      )
    }
    const timings = await timeSearch(
      searchCatalog,
      env.BENCH_SEARCH_ROUNDS,
      env.BENCH_SEARCH_SECONDS,
    )
    console.log(
      `  ${timings.samples} calls: p50 ${milliseconds(timings.p50)}, p95 ${milliseconds(timings.p95)}` +
        timings.byLanguage
          .map((l) => `; ${l.language} p50 ${milliseconds(l.p50)} p95 ${milliseconds(l.p95)}`)
          .join('') +
        `; catalogue without query p50 ${milliseconds(timings.catalog.p50)}`,
    )
    for (const q of timings.queries) {
      console.log(
        `    ${q.language} ${q.q.padEnd(22)} ${String(q.results ?? '?').padStart(6)} results  p50 ${milliseconds(q.p50)}`,
      )
    }
    const plans = await explainSearch(handle, searchCatalog, [
      { label: 'catalogue (no query)', q: undefined, language: 'ar' },
      { label: 'search "زيت الأركان"', q: 'زيت الأركان', language: 'ar' },
      { label: 'search "miel de thym"', q: 'miel de thym', language: 'fr' },
    ])
    printPlans(plans)
    return { timings, plans }
  },
)

function printPlans(plans: PlanSummary[]) {
  for (const plan of plans) {
    console.log(`\n  EXPLAIN (ANALYZE, BUFFERS) — ${plan.label}`)
    console.log(plan.plan.replace(/^/gm, '    '))
    console.log(
      `  → indexes: ${plan.indexes.join(', ') || 'none'}; sequential scans: ${plan.seqScans.join(', ') || 'none'}` +
        (plan.jitMs ? `; JIT ${milliseconds(plan.jitMs)}` : ''),
    )
    if (plan.seqScans.includes('products')) console.warn('  ⚠ sequential scan on products')
  }
}

const listingPlans = await phase('Listing plans', false, async () => {
  const plans = await explainListings(handle, targets)
  printPlans(plans)
  return plans
})

const needsBuild =
  !env.BENCH_SKIP_LOAD ||
  !env.BENCH_SKIP_LIGHTHOUSE ||
  !env.BENCH_SKIP_BUNDLE ||
  !env.BENCH_SKIP_HOSTILE ||
  !env.BENCH_SKIP_REVOCATION
const build = await phase('Build', !needsBuild && 'nothing needs it', async () => {
  const outcome = ensureBuild(env.BENCH_REBUILD)
  console.log(
    {
      built: '  Built',
      reused: '  Reusing build/ (newer than the sources)',
      outdated:
        '  ⚠ build/ is older than the sources: measuring it anyway (BENCH_REBUILD=1 rebuilds)',
      failed: '  ⚠ The build failed: measuring the previous build/',
    }[outcome],
  )
  return outcome
})

const bundlePages = [
  { page: 'home', url: '/' },
  { page: 'catalogue', url: '/products' },
  { page: 'product page', url: `/products/${targets.productSlugs[0]}` },
  { page: 'category page', url: `/categories/${targets.categorySlug}` },
  { page: 'cooperative page', url: `/cooperatives/${targets.cooperativeSlug}` },
  { page: 'login', url: '/login' },
]
const bundles = await phase(
  'JavaScript per page',
  (env.BENCH_SKIP_BUNDLE && 'BENCH_SKIP_BUNDLE') || (build.state !== 'done' && 'no build'),
  async () => {
    const measured = measureBundles(bundlePages)
    for (const b of measured) {
      console.log(
        `  ${b.page.padEnd(18)} ${(b.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzipped in ${b.files} files (${b.routes.join(' › ')})`,
      )
    }
    return measured
  },
)

const running: { server?: RunningServer } = {}
const needsServer =
  !env.BENCH_SKIP_LOAD ||
  !env.BENCH_SKIP_LIGHTHOUSE ||
  !env.BENCH_SKIP_HOSTILE ||
  !env.BENCH_SKIP_REVOCATION
const serverStart = await phase(
  'Start the server',
  (!needsServer && 'nothing needs it') || (build.state !== 'done' && 'no build'),
  async () => {
    const server = await startServer({
      databaseUrl: env.DATABASE_URL,
      dataDir,
      logLevel: env.BENCH_SERVER_LOG_LEVEL,
    })
    running.server = server
    console.log(`  Listening at ${server.origin} (log: ${path.relative('.', server.logFile)})`)
    // The server seeds the small demo world into an empty database only; make sure it did not.
    const after = await measureData(handle)
    if (Object.values(after.products).reduce((a, b) => a + b, 0) !== totalProducts) {
      throw new Error('The server added products at start: the demo world is mixed in')
    }
    return server.origin
  },
)
const origin = serverStart.state === 'done' ? serverStart.value : null

const loadPages: PageTarget[] = [
  { name: 'home', paths: ['/'], language: 'ar' },
  { name: 'catalogue', paths: ['/products'], language: 'ar' },
  {
    name: 'search, Arabic',
    paths: [`/products?q=${encodeURIComponent('زيت الأركان')}`],
    language: 'ar',
  },
  {
    name: 'search, French',
    paths: [`/products?q=${encodeURIComponent('miel de thym')}`],
    language: 'fr',
  },
  { name: 'category page', paths: [`/categories/${targets.categorySlug}`], language: 'ar' },
  {
    name: 'product page',
    paths: targets.productSlugs.map((slug) => `/products/${slug}`),
    language: 'ar',
  },
]
const serverQueries = serverQueriesIn(handle)

const loadOptions = {
  connections: env.BENCH_CONNECTIONS,
  durationSeconds: env.BENCH_DURATION,
  warmupSeconds: env.BENCH_WARMUP,
  skipAboveMs: env.BENCH_LOAD_SKIP_ABOVE_MS,
}
const load = await phase(
  'Pages under load',
  (env.BENCH_SKIP_LOAD && 'BENCH_SKIP_LOAD') || (!origin && 'no server'),
  async () => {
    const pages = []
    for (const target of loadPages) {
      const result = await loadTest(origin!, target, loadOptions)
      let after = ''
      if (!result.skipped) {
        const idle = await waitUntilIdle(origin!, serverQueries)
        result.settleMs = idle.ms
        result.cancelledQueries = idle.cancelled
        after =
          `; idle again after ${(idle.ms / 1000).toFixed(1)} s` +
          (idle.cancelled ? `, ${idle.cancelled} queries cancelled` : '')
      }
      console.log(
        `  ${target.name.padEnd(16)} alone ${milliseconds(result.aloneMs)} (HTTP ${result.aloneStatus})` +
          (result.skipped
            ? `; not put under load (slower than ${loadOptions.skipAboveMs} ms alone)`
            : `; ${result.requestsPerSecond.toFixed(0)} req/s  p50 ${milliseconds(result.p50)}` +
              `  p95 ${milliseconds(result.p95)}  p99 ${milliseconds(result.p99)}` +
              `  ${JSON.stringify(result.statuses)}${after}`),
      )
      pages.push(result)
    }
    // The ceiling: a static file of the same server under the same load.
    let ceiling: LoadResult | null = null
    const asset = await findStaticAsset(origin!)
    if (asset) {
      ceiling = await loadTest(
        origin!,
        { name: 'static file (ceiling)', paths: [asset], language: 'ar' },
        loadOptions,
      )
      await waitUntilIdle(origin!, serverQueries)
      console.log(
        `  static file ${asset}: ${ceiling.requestsPerSecond.toFixed(0)} req/s  p50 ${milliseconds(ceiling.p50)}` +
          `  p95 ${milliseconds(ceiling.p95)}  ${JSON.stringify(ceiling.statuses)}`,
      )
    } else {
      console.warn('  ⚠ No stylesheet under /assets/ in the home page: no static ceiling')
    }
    return { options: loadOptions, pages, ceiling }
  },
)

const saleChanges = await phase(
  'Revocation and expiry under load',
  (env.BENCH_SKIP_REVOCATION && 'BENCH_SKIP_REVOCATION') || (!origin && 'no server'),
  async () => {
    await waitUntilIdle(origin!, serverQueries)
    const picked = await pickSaleChanges(handle, origin!)
    for (const p of picked.products) {
      console.log(
        `  ${p.role === 'revoked' ? 'A, to revoke' : 'B, to expire'}: ${p.slug} (${p.cooperativeSlug}), ${p.certificateType} certificate ${p.certificateId}`,
      )
    }
    for (const page of picked.pages) {
      console.log(`    ${page.name.padEnd(26)} ${page.path} lists ${page.watches.join(', ')}`)
    }
    const result = await measureSaleChanges(handle, origin!, picked, loadOptions)
    console.log(
      `  ${result.responses} responses in ${result.seconds} s (${result.requestsPerSecond.toFixed(0)} req/s, p50 ${milliseconds(result.p50)}, p95 ${milliseconds(result.p95)}) ${JSON.stringify(result.statuses)}; revocation committed in ${milliseconds(result.revokeMs)}`,
    )
    for (const c of result.counts) {
      console.log(
        `  ${c.role}: before ${c.before.listing}/${c.before.checked} listed it; in flight ${c.inFlight.listing}/${c.inFlight.checked};` +
          ` after ${c.after.listing}/${c.after.checked} listed it (must be 0); off sale in SQL: ${c.offSaleInSql ? 'yes' : 'NO'}`,
      )
      if (c.after.listing > 0)
        console.warn(`  ⚠ ${c.after.listing} responses still listed ${c.slug}`)
    }
    console.log(`  Certificates restored: ${result.restored ? 'yes' : 'NO'}`)
    await waitUntilIdle(origin!, serverQueries)
    return result
  },
)

const lighthouse = await phase(
  'Lighthouse',
  (env.BENCH_SKIP_LIGHTHOUSE && 'BENCH_SKIP_LIGHTHOUSE') || (!origin && 'no server'),
  async () => {
    await waitUntilIdle(origin!, serverQueries)
    const chromium = await findChromium()
    if (!chromium) {
      throw new Error(
        'No Chromium: set CHROME_PATH, install chromium, or `npx playwright install chromium`',
      )
    }
    const pages = await runLighthouse(chromium, [
      { page: 'home', url: `${origin}/` },
      { page: 'catalogue', url: `${origin}/products` },
      { page: 'product page', url: `${origin}/products/${targets.productSlugs[0]}` },
    ])
    for (const page of pages) {
      console.log(
        `  ${page.page.padEnd(14)} HTTP ${page.statusCode}  performance ${page.performance}  accessibility ${page.accessibility}` +
          `  best practices ${page.bestPractices}  SEO ${page.seo}  LCP ${page.lcpMs?.toFixed(0)} ms` +
          `  CLS ${page.cls?.toFixed(3)}  TBT ${page.tbtMs?.toFixed(0)} ms` +
          (page.error ? `  (${page.error})` : ''),
      )
    }
    return { chromium, pages }
  },
)

const hostileForm = await phase(
  'A form of 40,000 fields',
  (env.BENCH_SKIP_HOSTILE && 'BENCH_SKIP_HOSTILE') || (!origin && 'no server'),
  async () => {
    await waitUntilIdle(origin!, serverQueries)
    const result = await measureHostileForm(origin!)
    console.log(
      `  refused in p50 ${milliseconds(result.refuse.p50)} p95 ${milliseconds(result.refuse.p95)} ${JSON.stringify(result.statuses)};` +
        ` /healthz idle p95 ${milliseconds(result.healthzIdle.p95)}, meanwhile p95 ${milliseconds(result.healthzDuring.p95)} (max ${milliseconds(result.healthzDuring.max)})`,
    )
    return result
  },
)

await running.server?.stop()

const checkoutRace = await phase(
  'Checkout under contention',
  env.BENCH_SKIP_CHECKOUT && 'BENCH_SKIP_CHECKOUT',
  async () => {
    const result = await measureCheckoutRace(env.DATABASE_URL)
    console.log(
      `  ${result.buyers} buyers for ${result.units} units: ${result.sold} sold, ${result.refused} refused, ${result.errors} errors, stock after ${result.stockAfter};` +
        ` ${result.attemptsPerSecond.toFixed(0)} checkouts/s, p95 ${milliseconds(result.p95)}`,
    )
    return result
  },
)

const results: BenchResults = {
  startedAt,
  machine,
  data,
  targets,
  generation,
  load,
  saleChanges,
  search,
  listingPlans,
  build,
  bundles,
  lighthouse,
  hostileForm,
  checkoutRace,
  phases,
}
// Formatted as `npm run lint` expects of every file in the repository.
const reportPath = path.resolve(env.BENCH_REPORT)
const previous = fs.existsSync(reportPath) ? fs.readFileSync(reportPath, 'utf8') : null
const report = await prettier.format(renderReport(results, keptAnalysis(previous)), {
  // The project's settings, wherever the report goes.
  ...(await prettier.resolveConfig(path.resolve('package.json'))),
  filepath: reportPath,
})
fs.mkdirSync(path.dirname(path.resolve(env.BENCH_REPORT)), { recursive: true })
fs.writeFileSync(env.BENCH_REPORT, report)
// Every figure, for whoever wants to compare runs.
fs.writeFileSync(path.join(dataDir, 'results.json'), JSON.stringify(results, null, 2))
console.log(`\n${report}`)
console.log(`Written to ${env.BENCH_REPORT}`)

if (!env.BENCH_KEEP) {
  await handle.rows(sql`drop schema if exists drizzle cascade`)
  await handle.rows(sql`drop schema if exists public cascade`)
  await handle.rows(sql`create schema public`)
  fs.rmSync(dataDir, { recursive: true, force: true })
  console.log('BENCH_KEEP=0: database emptied, data folder removed')
} else {
  console.log('The database keeps the benchmark world for inspection (BENCH_KEEP=0 empties it).')
}
await handle.close()

const failed = [
  generation,
  search,
  build,
  bundles,
  serverStart,
  load,
  saleChanges,
  listingPlans,
  lighthouse,
  hostileForm,
].some((outcome) => outcome.state === 'failed')
process.exit(failed ? 1 : 0)
