// docs/benchmarks.md: every figure next to its DESIGN §8 budget, and the rows that fall
// short gathered at the end for a person to explain.
import { type BundleResult } from './bundle.ts'
import { type DataSizes, type Machine, type Targets } from './facts.ts'
import { type CheckoutRaceResult } from './checkout.ts'
import { type HostileFormResult } from './hostile.ts'
import { type LighthouseResult } from './lighthouse.ts'
import { type LoadOptions, type LoadResult } from './load.ts'
import { type SaleChangeResult } from './revocation.ts'
import { type PlanSummary, type SearchResult } from './search.ts'
import { milliseconds } from './stats.ts'
import { type BuildState } from './server.ts'
import { type StepTimes } from './world.ts'

export type Outcome<T> =
  | { state: 'done'; value: T }
  | { state: 'skipped'; reason: string }
  | { state: 'failed'; error: string }

export type BenchResults = {
  startedAt: Date
  machine: Machine
  data: DataSizes | null
  targets: Targets | null
  generation: Outcome<{ steps: StepTimes; seconds: number }>
  /** `ceiling`: a static file of the same server under the same load (older runs: none). */
  load: Outcome<{ options: LoadOptions; pages: LoadResult[]; ceiling?: LoadResult | null }>
  /** A certificate revoked and another expiring while their pages are under load. */
  saleChanges?: Outcome<SaleChangeResult>
  search: Outcome<{ timings: SearchResult; plans: PlanSummary[] }>
  /** EXPLAIN of the catalogue, category and cooperative listings. */
  listingPlans?: Outcome<PlanSummary[]>
  build: Outcome<BuildState>
  bundles: Outcome<BundleResult[]>
  lighthouse: Outcome<{ chromium: string; pages: LighthouseResult[] }>
  /** A guest's form of 40,000 fields, refused while /healthz is watched (issue 13). */
  hostileForm?: Outcome<HostileFormResult>
  checkoutRace?: Outcome<CheckoutRaceResult>
  phases: { phase: string; seconds: number }[]
}

export const budgets = {
  ssrP95Ms: 50,
  searchP95Ms: 20,
  jsGzipKB: 120,
  lighthouse: { performance: 95, accessibility: 100, bestPractices: 95, seo: 100 },
  /** Refusing a form of 40,000 fields: read the bytes, count, answer. */
  hostileRefuseP95Ms: 50,
  /** DESIGN §8: 200 concurrent buyers for 20 units. */
  checkoutP95Ms: 300,
  // /healthz while such forms arrive: its idle p95 plus at most one refusal (it may wait
  // behind the one being answered, never behind the parsing of a form).
}

type Verdict = 'pass' | 'short'
type Shortfall = { section: string; row: string; why: string }

const number = (n: number) => n.toLocaleString('en-US')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const percent = (part: number, whole: number) =>
  whole ? `${((part / whole) * 100).toFixed(1)} %` : '—'

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function notDone(outcome: Outcome<unknown>): string | null {
  if (outcome.state === 'skipped') return `_Skipped: ${outcome.reason}._`
  if (outcome.state === 'failed') return `_Failed: ${outcome.error.split('\n')[0]}_`
  return null
}

function statusList(statuses: Record<string, number>) {
  return Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `${code}: ${number(count)}`)
    .join(', ')
}

/**
 * The engineers' reading of the figures lives between these markers in the report; a new run
 * keeps it (and it should be brought up to date by hand when the figures move).
 */
export const analysisStart = '<!-- analysis: kept by npm run bench, written by hand -->'
export const analysisEnd = '<!-- /analysis -->'

export function keptAnalysis(previous: string | null): string | null {
  if (!previous) return null
  const start = previous.indexOf(analysisStart)
  const end = previous.indexOf(analysisEnd)
  return start >= 0 && end > start ? previous.slice(start, end + analysisEnd.length) : null
}

export function renderReport(results: BenchResults, analysis: string | null = null): string {
  const shortfalls: Shortfall[] = []
  const judge = (ok: boolean, section: string, row: string, why: string): Verdict => {
    if (!ok) shortfalls.push({ section, row, why })
    return ok ? 'pass' : 'short'
  }
  const out: string[] = []
  const { machine } = results

  out.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (\`scripts/bench/\`) on ${results.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
    'Budgets are those of DESIGN §8. The run empties the database `DATABASE_URL` names, fills it',
    'with the world described below, then measures; see `scripts/bench/run.ts` for the switches.',
    '',
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${machine.cpu} × ${machine.cpus}`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['system', machine.platform],
        ['Node.js', machine.node],
        ['PostgreSQL', machine.postgres],
      ],
    ),
    '',
    'The load generator, the app server, PostgreSQL and Chromium share this one machine.',
    '',
  )

  out.push('## Data', '')
  const data = results.data
  if (data) {
    const totalProducts = Object.values(data.products).reduce((a, b) => a + b, 0)
    const totalCooperatives = Object.values(data.cooperatives).reduce((a, b) => a + b, 0)
    const totalCertificates = Object.values(data.certificates).reduce((a, b) => a + b, 0)
    out.push(
      table(
        ['what', 'count'],
        [
          ['cooperatives', `${number(totalCooperatives)} (${statusList(data.cooperatives)})`],
          [
            'products',
            `${number(totalProducts)} (${statusList(data.products)}; blocked: ${number(data.blocked)}; made to order: ${number(data.madeToOrder)})`,
          ],
          [
            'purchasable products (gating rule)',
            `${number(data.purchasable)} (${percent(data.purchasable, totalProducts)})`,
          ],
          [
            'variants',
            `${number(data.variants)} (out of stock: ${number(data.outOfStockVariants)})`,
          ],
          ['product images', number(data.images)],
          ['makers', number(data.makers)],
          [
            'certificates',
            `${number(totalCertificates)} (${statusList(data.certificates)}; scope ${statusList(data.certificateScopes)})`,
          ],
        ],
      ),
      '',
    )
  } else {
    out.push('_Not measured._', '')
  }
  const generation = results.generation
  if (generation.state === 'done') {
    out.push(
      `Generated in ${generation.value.seconds.toFixed(1)} s (set-based SQL; the search, price and badge columns are filled by the database's triggers):`,
      '',
      table(
        ['step', 'seconds'],
        generation.value.steps.map((s) => [s.step, s.seconds.toFixed(1)]),
      ),
      '',
    )
  } else {
    out.push(notDone(generation)!, '')
  }

  // ——— Pages ———
  out.push('## Pages under load (server-side rendering)', '')
  const load = results.load
  if (load.state === 'done') {
    const { options } = load.value
    const ceiling = load.value.ceiling ?? null
    const ofCeiling = (rps: number) =>
      ceiling && !ceiling.skipped && ceiling.requestsPerSecond > 0 && Number.isFinite(rps)
        ? percent(rps, ceiling.requestsPerSecond)
        : '—'
    out.push(
      `autocannon, ${options.connections} connections, ${options.durationSeconds} s per page after a ${options.warmupSeconds} s warm-up;`,
      `"alone" is the median of three requests made one at a time before the load; a page slower than ${options.skipAboveMs} ms alone is not put under load (every connection would time out). Under load,`,
      'latencies are of every response (a response slower than 10 s counts as a timeout). After each page the server is given time to finish what it was left with; queries still running after 5 s are cancelled. Budget: p95 ≤ 50 ms at 20 concurrent clients (catalogue, search and product pages; the home and category pages are held to the same).',
      ceiling
        ? `"of ceiling" is a page's throughput as a share of the ceiling: the static file \`${ceiling.path}\` sent by the same server under the same load, ${ceiling.requestsPerSecond.toFixed(0)} req/s (p50 ${milliseconds(ceiling.p50)}, p95 ${milliseconds(ceiling.p95)}; ${statusList(ceiling.statuses)}), the last row.`
        : '_No static ceiling was measured._',
      '',
      table(
        [
          'page',
          'path',
          'alone',
          'req/s',
          'of ceiling',
          'p50',
          'p95',
          'p99',
          'responses',
          'budget',
          'result',
        ],
        [
          ...load.value.pages.map((page) => {
            const path = `\`${decodeURIComponent(page.path)}\``
            const alone = milliseconds(page.aloneMs)
            const budget = `p95 ≤ ${budgets.ssrP95Ms} ms`
            if (page.skipped) {
              const why = `${alone} for one request alone (HTTP ${page.aloneStatus ?? 'none'}): not put under load`
              const verdict = judge(false, 'Pages under load', page.name, why)
              return [
                page.name,
                path,
                alone,
                '—',
                '—',
                '—',
                '—',
                '—',
                'not under load',
                budget,
                verdict,
              ]
            }
            const statusOk = page.non2xx === 0 && page.requests > 0
            const fast = page.p95 <= budgets.ssrP95Ms
            const why = [
              page.requests === 0
                ? `no response within 10 s (${statusList(page.statuses)})`
                : !fast
                  ? `p95 ${milliseconds(page.p95)} > ${budgets.ssrP95Ms} ms`
                  : null,
              statusOk || page.requests === 0
                ? null
                : `${number(page.non2xx)} non-2xx responses, timeouts or errors (${statusList(page.statuses)})`,
            ]
              .filter(Boolean)
              .join('; ')
            return [
              page.name,
              path,
              alone,
              page.requestsPerSecond.toFixed(0),
              ofCeiling(page.requestsPerSecond),
              milliseconds(page.p50),
              milliseconds(page.p95),
              milliseconds(page.p99),
              statusList(page.statuses) +
                (page.cancelledQueries
                  ? ` (${page.cancelledQueries} queries cancelled after)`
                  : ''),
              budget,
              judge(fast && statusOk, 'Pages under load', page.name, why),
            ]
          }),
          ...(ceiling && !ceiling.skipped
            ? [
                [
                  ceiling.name,
                  `\`${ceiling.path}\``,
                  milliseconds(ceiling.aloneMs),
                  ceiling.requestsPerSecond.toFixed(0),
                  '100 %',
                  milliseconds(ceiling.p50),
                  milliseconds(ceiling.p95),
                  milliseconds(ceiling.p99),
                  statusList(ceiling.statuses),
                  '—',
                  'ceiling',
                ],
              ]
            : []),
        ],
      ),
      '',
    )
  } else {
    out.push(notDone(load)!, '')
  }

  // ——— Revocation and expiry under load ———
  out.push('## A certificate revoked and another expiring under load', '')
  const changes = results.saleChanges ?? { state: 'skipped', reason: 'not measured' }
  if (changes.state === 'done') {
    const c = changes.value
    const ceilingRps =
      load.state === 'done' && load.value.ceiling && !load.value.ceiling.skipped
        ? load.value.ceiling.requestsPerSecond
        : null
    const at = (ms: number) => new Date(ms).toISOString().slice(11, 23)
    out.push(
      `Product A's sale hangs on one approved certificate, revoked a third of the way into the load through \`decideCertificate\` (the reviewer's action, one transaction); product B's on one whose expiry was set to two thirds of the way in (its window was checked to end then). ${c.connections} connections ask in turn for the pages below for ${c.seconds} s; every response is read: a product page offers its product when it is a 200 with the add-to-cart form (not the 404 "unavailable" page), a listing lists it when it links to \`/products/<slug>\`. A response counts as after the change when its request was sent after the revocation's COMMIT returned, or after the expiry instant; none of those may list the product. Requests sent while the revoking transaction ran are counted apart; a request sent before the change may be answered after it, so not every response "sent before" lists the product. Both certificates are restored afterwards (the triggers recompute the windows): ${c.restored ? 'done' : '**not done**'}.`,
      '',
      table(
        ['page', 'path', 'watches', 'responses', 'statuses'],
        c.pages.map((p) => [
          p.name,
          `\`${decodeURIComponent(p.path)}\``,
          p.watches.map((w) => (w === 'revoked' ? 'A' : 'B')).join(', '),
          number(p.responses),
          statusList(p.statuses),
        ]),
      ),
      '',
      table(
        [
          'product',
          'change',
          'instant (UTC)',
          'sent before: listed / checked',
          'during the commit',
          'sent after: checked',
          'sent after, still listed',
          'off sale in SQL after',
          'result',
        ],
        c.counts.map((n) => {
          const ok = n.after.listing === 0 && n.after.checked > 0 && n.offSaleInSql
          const why = [
            n.after.listing
              ? `${number(n.after.listing)} responses listed it after the change`
              : null,
            n.after.checked === 0 ? 'no response was checked after the change' : null,
            n.offSaleInSql ? null : 'its window still contains now()',
          ]
            .filter(Boolean)
            .join('; ')
          return [
            `${n.role === 'revoked' ? 'A' : 'B'} \`${n.slug}\``,
            n.role === 'revoked'
              ? `${n.certificate} revoked (COMMIT returned after ${milliseconds(c.revokeMs)})`
              : `${n.certificate} expired`,
            at(n.at),
            `${number(n.before.listing)} / ${number(n.before.checked)}`,
            n.role === 'revoked'
              ? `${number(n.inFlight.listing)} / ${number(n.inFlight.checked)}`
              : '—',
            number(n.after.checked),
            `**${number(n.after.listing)}**`,
            n.offSaleInSql ? 'yes' : 'no',
            judge(ok, 'Revocation and expiry under load', `product ${n.slug}`, why),
          ]
        }),
      ),
      '',
      `Throughput meanwhile: ${number(c.responses)} responses, ${c.requestsPerSecond.toFixed(0)} req/s` +
        (ceilingRps ? ` (${percent(c.requestsPerSecond, ceilingRps)} of the static ceiling)` : '') +
        `, p50 ${milliseconds(c.p50)}, p95 ${milliseconds(c.p95)}; ${statusList(c.statuses)} (the 404s are the product pages once their product is off sale).`,
      '',
    )
  } else {
    out.push(notDone(changes)!, '')
  }

  // ——— Search ———
  out.push('## Search in SQL', '')
  const search = results.search
  if (search.state === 'done') {
    const { timings, plans } = search.value
    out.push(
      `\`searchCatalog\` called directly (no HTTP), ${timings.rounds} rounds of ${timings.queries.length} queries after a warm-up round, one at a time.`,
      '',
      table(
        ['', 'p50', 'p95', 'budget', 'result'],
        [
          [
            `all queries (${timings.samples} calls)`,
            milliseconds(timings.p50),
            milliseconds(timings.p95),
            `p95 ≤ ${budgets.searchP95Ms} ms`,
            judge(
              timings.p95 <= budgets.searchP95Ms,
              'Search in SQL',
              'all queries',
              `p95 ${milliseconds(timings.p95)} > ${budgets.searchP95Ms} ms`,
            ),
          ],
          ...timings.byLanguage.map((l) => [
            l.language === 'ar' ? 'Arabic' : 'French',
            milliseconds(l.p50),
            milliseconds(l.p95),
            `p95 ≤ ${budgets.searchP95Ms} ms`,
            judge(
              l.p95 <= budgets.searchP95Ms,
              'Search in SQL',
              l.language === 'ar' ? 'Arabic' : 'French',
              `p95 ${milliseconds(l.p95)} > ${budgets.searchP95Ms} ms`,
            ),
          ]),
          [
            'catalogue, no query (for reference)',
            milliseconds(timings.catalog.p50),
            milliseconds(timings.catalog.p95),
            '—',
            '—',
          ],
        ],
      ),
      '',
      table(
        ['query', 'language', 'what it tests', 'results', 'p50', 'max'],
        timings.queries.map((q) => [
          q.q,
          q.language,
          q.note,
          q.results === null ? '?' : number(q.results),
          milliseconds(q.p50),
          milliseconds(q.max),
        ]),
      ),
      '',
      '### Plans',
      '',
      ...planLines(plans, 'Search plans', judge),
    )
  } else {
    out.push(notDone(search)!, '')
  }

  // ——— Listing plans ———
  out.push('## Listing plans', '')
  const listingPlans = results.listingPlans ?? { state: 'skipped', reason: 'not measured' }
  if (listingPlans.state === 'done') {
    out.push(
      'EXPLAIN (ANALYZE, BUFFERS) of every statement `searchCatalog` sends for page 1 of the catalogue, the category page and the cooperative page measured above (newest first, no filter), computed anew rather than read from the listings kept in memory.',
      '',
      ...planLines(listingPlans.value, 'Listing plans', judge),
    )
  } else {
    out.push(notDone(listingPlans)!, '')
  }

  // ——— JavaScript ———
  out.push('## JavaScript on first load', '')
  const bundles = results.bundles
  if (bundles.state === 'done') {
    out.push(
      'From the build: the client entry, the modules of the routes the URL matches (root first) and their static imports, and the Arabic catalogue the entry loads before hydrating; each file gzipped as the server sends it (the inline scripts of the HTML are not counted).',
      ...(results.build.state === 'done' && results.build.value === 'outdated'
        ? ['', '**build/ was older than the sources: these figures may be out of date.**']
        : []),
      ...(results.build.state === 'done' && results.build.value === 'failed'
        ? ['', '**The build failed: these figures are those of the previous build.**']
        : []),
      '',
      table(
        ['page', 'URL', 'routes', 'files', 'uncompressed', 'gzipped', 'budget', 'result'],
        bundles.value.map((b) => [
          b.page,
          `\`${b.url}\``,
          b.routes.filter((id) => id !== 'root').join(', ') || 'root only',
          b.files,
          kb(b.rawBytes),
          kb(b.gzipBytes),
          `≤ ${budgets.jsGzipKB} KB`,
          judge(
            b.gzipBytes <= budgets.jsGzipKB * 1024,
            'JavaScript on first load',
            b.page,
            `${kb(b.gzipBytes)} gzipped > ${budgets.jsGzipKB} KB`,
          ),
        ]),
      ),
      '',
    )
  } else {
    out.push(notDone(bundles)!, '')
  }

  // ——— Lighthouse ———
  out.push('## Lighthouse (mobile, Arabic)', '')
  const lighthouse = results.lighthouse
  if (lighthouse.state === 'done') {
    const b = budgets.lighthouse
    out.push(
      'Default mobile settings (emulated phone, simulated slow 4G, 4× CPU slowdown), headless Chromium, `Accept-Language: ar`.',
      `Budgets: performance ≥ ${b.performance}, accessibility ${b.accessibility}, best practices ≥ ${b.bestPractices}, SEO ${b.seo}; CLS 0 (images with explicit sizes).`,
      '',
      table(
        [
          'page',
          'status',
          'performance',
          'accessibility',
          'best practices',
          'SEO',
          'LCP',
          'CLS',
          'TBT',
          'result',
        ],
        lighthouse.value.pages.map((page) => {
          const failures = [
            (page.performance ?? 0) < b.performance ? `performance ${page.performance}` : null,
            (page.accessibility ?? 0) < b.accessibility
              ? `accessibility ${page.accessibility}`
              : null,
            (page.bestPractices ?? 0) < b.bestPractices
              ? `best practices ${page.bestPractices}`
              : null,
            (page.seo ?? 0) < b.seo ? `SEO ${page.seo}` : null,
            (page.cls ?? 0) >= 0.001 ? `CLS ${page.cls?.toFixed(3)}` : null,
            page.statusCode !== null && page.statusCode >= 300 ? `HTTP ${page.statusCode}` : null,
            page.error ? `Lighthouse: ${page.error}` : null,
          ].filter(Boolean)
          const why =
            failures.join(', ') +
            (page.failedAudits.length ? ` (failed audits: ${page.failedAudits.join(', ')})` : '')
          return [
            page.page,
            page.statusCode ?? '?',
            page.performance ?? '—',
            page.accessibility ?? '—',
            page.bestPractices ?? '—',
            page.seo ?? '—',
            page.lcpMs === null ? '—' : `${(page.lcpMs / 1000).toFixed(2)} s`,
            page.cls === null ? '—' : page.cls.toFixed(3),
            page.tbtMs === null ? '—' : `${page.tbtMs.toFixed(0)} ms`,
            judge(failures.length === 0, 'Lighthouse', page.page, why),
          ]
        }),
      ),
      '',
      `Chromium: \`${lighthouse.value.chromium}\`.`,
      '',
    )
  } else {
    out.push(notDone(lighthouse)!, '')
  }

  // ——— Checkout under contention ———
  out.push('## Checkout under contention (issue 9)', '')
  const race = results.checkoutRace ?? { state: 'skipped', reason: 'not measured' }
  if (race.state === 'done') {
    const r = race.value
    const exact = r.sold === r.units && r.stockAfter === 0 && r.errors === 0
    out.push(
      `${number(r.buyers)} guests check out at once, each a cart of one unit of the same variant with ${number(r.units)} in stock, through \`placeOrder\` (the page's transaction) on 20 connections to the same PostgreSQL.`,
      '',
      table(
        ['measure', 'result', 'budget', 'verdict'],
        [
          [
            'orders / refused / errors',
            `${r.sold} / ${r.refused} / ${r.errors}`,
            `exactly ${r.units} sold, 0 oversold`,
            judge(
              exact,
              'Checkout under contention',
              'units sold',
              `${r.sold} sold, stock ${r.stockAfter}`,
            ),
          ],
          ['stock after', r.stockAfter, '0, never negative', exact ? 'pass' : 'short'],
          ['checkouts per second', r.attemptsPerSecond.toFixed(0), '—', '—'],
          ['orders per second', r.ordersPerSecond.toFixed(1), '—', '—'],
          [
            'latency of a checkout p50 / p95 / max',
            `${milliseconds(r.p50)} / ${milliseconds(r.p95)} / ${milliseconds(r.max)}`,
            `p95 ≤ ${budgets.checkoutP95Ms} ms`,
            judge(
              r.p95 <= budgets.checkoutP95Ms,
              'Checkout under contention',
              'p95',
              milliseconds(r.p95),
            ),
          ],
        ],
      ),
      '',
    )
  } else {
    out.push(notDone(race)!, '')
  }

  // ——— Hostile form ———
  out.push('## A form of 40,000 fields (issue 13)', '')
  const hostile = results.hostileForm ?? { state: 'skipped', reason: 'not measured' }
  if (hostile.state === 'done') {
    const h = hostile.value
    const slack = h.healthzIdle.p95 + h.refuse.p95
    out.push(
      `A guest's \`POST /login\` of ${number(h.fields)} empty fields (${kb(h.bytes)}), sent ${number(h.refuse.samples)} times one after the other, while \`/healthz\` is asked in a loop; before the fix it took 12.7 s of CPU and held up every request. Answers: ${statusList(h.statuses)}. A refusal now costs the reading of the body, a count of its separators and the localized 413 page; \`/healthz\` may wait behind the one being answered, never behind a parse.`,
      '',
      table(
        ['measure', 'samples', 'p50', 'p95', 'max', 'budget', 'result'],
        [
          [
            'time to refuse the form',
            h.refuse.samples,
            milliseconds(h.refuse.p50),
            milliseconds(h.refuse.p95),
            milliseconds(h.refuse.max),
            `p95 ≤ ${budgets.hostileRefuseP95Ms} ms`,
            judge(
              h.refuse.p95 <= budgets.hostileRefuseP95Ms && !h.statuses['200'],
              'A form of 40,000 fields',
              'time to refuse',
              `p95 ${milliseconds(h.refuse.p95)}`,
            ),
          ],
          [
            '`/healthz`, server idle',
            h.healthzIdle.samples,
            milliseconds(h.healthzIdle.p50),
            milliseconds(h.healthzIdle.p95),
            milliseconds(h.healthzIdle.max),
            '—',
            '—',
          ],
          [
            '`/healthz`, while the forms arrive',
            h.healthzDuring.samples,
            milliseconds(h.healthzDuring.p50),
            milliseconds(h.healthzDuring.p95),
            milliseconds(h.healthzDuring.max),
            'p95 ≤ idle p95 + refusal p95',
            judge(
              h.healthzDuring.p95 <= slack,
              'A form of 40,000 fields',
              '/healthz meanwhile',
              `p95 ${milliseconds(h.healthzDuring.p95)} > ${milliseconds(slack)}`,
            ),
          ],
        ],
      ),
      '',
    )
  } else {
    out.push(notDone(hostile)!, '')
  }

  out.push(
    '## Phases',
    '',
    table(
      ['phase', 'seconds'],
      results.phases.map((p) => [p.phase, p.seconds.toFixed(1)]),
    ),
    '',
    '## What falls short and why',
    '',
  )
  const outcomes: [string, Outcome<unknown>][] = [
    ['Data generation', results.generation],
    ['Pages under load', results.load],
    ['Search in SQL', results.search],
    ['Listing plans', results.listingPlans ?? { state: 'skipped', reason: '' }],
    ['Revocation and expiry under load', results.saleChanges ?? { state: 'skipped', reason: '' }],
    ['JavaScript on first load', results.bundles],
    ['Lighthouse', results.lighthouse],
    ['A form of 40,000 fields', results.hostileForm ?? { state: 'skipped', reason: '' }],
    ['Checkout under contention', results.checkoutRace ?? { state: 'skipped', reason: '' }],
  ]
  for (const [section, outcome] of outcomes) {
    if (outcome.state === 'failed') {
      shortfalls.push({ section, row: 'the phase', why: `failed: ${outcome.error.split('\n')[0]}` })
    }
  }
  if (shortfalls.length === 0) {
    out.push('Nothing: every measured figure is within its budget.', '')
  } else {
    for (const s of shortfalls) out.push(`- **${s.section} — ${s.row}**: ${s.why}.`)
  }
  out.push(
    '',
    analysis ??
      [analysisStart, '', '_Why, and what to do about it: to be written._', '', analysisEnd].join(
        '\n',
      ),
    '',
  )
  return out.join('\n')
}

/** A table of plans (whether each scans products sequentially, said outright) and each plan. */
function planLines(
  plans: PlanSummary[],
  section: string,
  judge: (ok: boolean, section: string, row: string, why: string) => Verdict,
): string[] {
  return [
    table(
      [
        'statement',
        'execution',
        'of which JIT',
        'planning',
        'buffers',
        'indexes used',
        'sequential scans',
        'Seq Scan on products',
        'result',
      ],
      plans.map((plan) => {
        const productsSeqScan = plan.seqScans.includes('products')
        return [
          plan.label,
          plan.executionMs === null ? '—' : `${plan.executionMs.toFixed(2)} ms`,
          plan.jitMs === null ? '—' : `${plan.jitMs.toFixed(1)} ms`,
          plan.planningMs === null ? '—' : `${plan.planningMs.toFixed(2)} ms`,
          plan.buffers ?? '—',
          plan.indexes.join(', ') || 'none',
          plan.seqScans.join(', ') || 'none',
          productsSeqScan ? 'yes' : 'no',
          judge(!productsSeqScan, section, plan.label, 'sequential scan on products'),
        ]
      }),
    ),
    '',
    ...plans.flatMap((plan) => [
      '<details>',
      `<summary>${plan.label}</summary>`,
      '',
      '```sql',
      plan.statement + (plan.statement.length >= 160 ? ' …' : ''),
      '```',
      '',
      '```',
      plan.plan,
      '```',
      '',
      '</details>',
      '',
    ]),
  ]
}
