// Search in SQL alone: the catalogue's own search function, timed over Arabic and French
// queries as customers type them (with and without diacritics, with typos), and the plans
// PostgreSQL chooses for it.
import { sql, type SQL } from 'drizzle-orm'
import { type DatabaseHandle } from '#app/utils/db.server.ts'
import { type CatalogQuery } from '#app/modules/catalog/search.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { percentile } from './stats.ts'

export const searchQueries: { q: string; language: Language; note: string }[] = [
  { q: 'زيت الأركان', language: 'ar', note: 'argan oil' },
  { q: 'اركان', language: 'ar', note: 'argan, hamza left out' },
  { q: 'عسل الزعتر', language: 'ar', note: 'thyme honey' },
  { q: 'عَسَل', language: 'ar', note: 'honey, with diacritics' },
  { q: 'أملو', language: 'ar', note: 'amlou' },
  { q: 'كسكس الشعير', language: 'ar', note: 'barley couscous' },
  { q: 'زعفران تالوين', language: 'ar', note: 'Taliouine saffron' },
  { q: 'ماء الورد', language: 'ar', note: 'rose water' },
  { q: 'زربية', language: 'ar', note: 'rug' },
  { q: 'فخار', language: 'ar', note: 'pottery' },
  { q: 'سلة الدوم', language: 'ar', note: 'doum basket' },
  { q: 'زيت الزيتوون', language: 'ar', note: 'olive oil, typo' },
  { q: 'الزعفرن', language: 'ar', note: 'saffron, typo' },
  { q: "huile d'argan", language: 'fr', note: 'argan oil' },
  { q: 'huile dargan', language: 'fr', note: 'argan oil, no apostrophe' },
  { q: 'miel de thym', language: 'fr', note: 'thyme honey' },
  { q: 'couscous', language: 'fr', note: 'couscous' },
  { q: 'safran', language: 'fr', note: 'saffron' },
  { q: 'eau de rose', language: 'fr', note: 'rose water' },
  { q: 'poterie tamegroute', language: 'fr', note: 'Tamegroute pottery' },
  { q: 'figues sechees', language: 'fr', note: 'dried figs, accents left out' },
  { q: 'tapis bérbère', language: 'fr', note: 'Berber rug, wrong accent' },
  { q: 'paniers en doum', language: 'fr', note: 'doum baskets, plural' },
  { q: 'amlouu', language: 'fr', note: 'amlou, typo' },
]

/** The app's search, called with a query (or none: the plain catalogue) in a language. */
export type SearchCall = (q: string | undefined, language: Language) => Promise<unknown>

/**
 * THE ONE PLACE TO ADAPT to the search function's signature. It is imported at run time, so
 * that the benchmark still runs (and says so) where the search does not exist; `null` then.
 * Now: `searchCatalog(query: CatalogQuery, at?: Date)`; the words are matched in every
 * language at once, so the language only groups the timings. The type import makes
 * `npm run typecheck` point here when the query's shape changes.
 */
export async function loadSearch(): Promise<SearchCall | null> {
  const specifier = '#app/modules/catalog/search.server.ts'
  let module: Record<string, unknown>
  try {
    module = (await import(specifier)) as Record<string, unknown>
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('search.server')) return null
    throw error
  }
  if (typeof module.searchCatalog !== 'function') return null
  const searchCatalog = module.searchCatalog as (query: CatalogQuery, at?: Date) => Promise<unknown>
  // With an instant, nothing is served from the listings kept in memory: what is measured and
  // explained is the SQL of a listing computed anew (the first reader after a change).
  return (q) =>
    searchCatalog(
      {
        q: q ?? '',
        categoryIds: null,
        regionId: null,
        badges: [],
        minPriceCentimes: null,
        maxPriceCentimes: null,
        inStock: false,
        sort: q ? 'relevance' : 'newest',
        page: 1,
      },
      new Date(),
    )
}

/** How many results a search returned, whatever shape its result has. */
function resultCount(result: unknown): number | null {
  if (Array.isArray(result)) return result.length
  if (result && typeof result === 'object') {
    const record = result as Record<string, unknown>
    for (const key of ['total', 'count', 'totalCount']) {
      if (typeof record[key] === 'number') return record[key] as number
    }
    for (const key of ['items', 'products', 'results', 'rows']) {
      if (Array.isArray(record[key])) return (record[key] as unknown[]).length
    }
  }
  return null
}

export type SearchTiming = {
  q: string
  language: Language
  note: string
  results: number | null
  p50: number
  max: number
}

export type SearchResult = {
  rounds: number
  samples: number
  p50: number
  p95: number
  byLanguage: { language: Language; p50: number; p95: number }[]
  catalog: { p50: number; p95: number }
  queries: SearchTiming[]
}

/**
 * One warm-up round, then up to `rounds` rounds over every query, each call timed; no new
 * round starts after `maxSeconds` (a slow search must not hold up the whole run).
 */
export async function timeSearch(
  search: SearchCall,
  rounds: number,
  maxSeconds: number,
): Promise<SearchResult> {
  const deadline = performance.now() + maxSeconds * 1000
  for (const { q, language } of searchQueries) await search(q, language)
  await search(undefined, 'ar')
  const times = new Map<string, number[]>()
  const counts = new Map<string, number | null>()
  const catalogTimes: number[] = []
  let round = 0
  for (; round < rounds && (round === 0 || performance.now() < deadline); round++) {
    for (const { q, language } of searchQueries) {
      const started = performance.now()
      const result = await search(q, language)
      const ms = performance.now() - started
      times.set(q, [...(times.get(q) ?? []), ms])
      counts.set(q, resultCount(result))
    }
    const started = performance.now()
    await search(undefined, 'ar')
    catalogTimes.push(performance.now() - started)
  }
  const all = [...times.values()].flat()
  const ofLanguage = (language: Language) =>
    searchQueries.filter((s) => s.language === language).flatMap((s) => times.get(s.q) ?? [])
  return {
    rounds: round,
    samples: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    byLanguage: (['ar', 'fr'] as const).map((language) => ({
      language,
      p50: percentile(ofLanguage(language), 50),
      p95: percentile(ofLanguage(language), 95),
    })),
    catalog: { p50: percentile(catalogTimes, 50), p95: percentile(catalogTimes, 95) },
    queries: searchQueries.map(({ q, language, note }) => ({
      q,
      language,
      note,
      results: counts.get(q) ?? null,
      p50: percentile(times.get(q) ?? [], 50),
      max: Math.max(...(times.get(q) ?? [NaN])),
    })),
  }
}

// ——— Plans ———

type RecordedQuery = { text: string; params: unknown[] }

/**
 * Runs `task` and returns the statements it sent. drizzle has no public hook on a client
 * already made, so its session's logger is swapped for the time of the call (a benchmark
 * looking inside; nothing in the app does this).
 */
async function recordQueries(handle: DatabaseHandle, task: () => Promise<unknown>) {
  const session = (handle.db as unknown as { session: { logger: unknown } }).session
  const previous = session.logger
  const recorded: RecordedQuery[] = []
  session.logger = {
    logQuery: (text: string, params: unknown[]) => recorded.push({ text, params }),
  }
  try {
    await task()
  } finally {
    session.logger = previous
  }
  return recorded
}

/** The recorded statement again, its $n placeholders bound to the same values. */
function rebuild({ text, params }: RecordedQuery): SQL {
  const pieces = text.split(/\$(\d+)/)
  const chunks = pieces.map((piece, i) =>
    i % 2 === 0 ? sql.raw(piece) : sql`${params[Number(piece) - 1]}`,
  )
  return sql.join(chunks, sql.raw(''))
}

export type PlanSummary = {
  label: string
  statement: string
  executionMs: number | null
  planningMs: number | null
  /** Time spent compiling the query (JIT), part of the execution time. */
  jitMs: number | null
  buffers: string | null
  indexes: string[]
  seqScans: string[]
  plan: string
}

function summarize(label: string, statement: string, plan: string): PlanSummary {
  const indexes = new Set<string>()
  for (const match of plan.matchAll(
    /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) ([\w"]+)/g,
  )) {
    indexes.add(match[1]!.replace(/"/g, ''))
  }
  const seqScans = new Set<string>()
  for (const match of plan.matchAll(/Seq Scan on ([\w"]+)/g))
    seqScans.add(match[1]!.replace(/"/g, ''))
  const number = (pattern: RegExp) => {
    const found = pattern.exec(plan)
    return found ? Number(found[1]) : null
  }
  return {
    label,
    statement: statement.replace(/\s+/g, ' ').slice(0, 160),
    executionMs: number(/Execution Time: ([\d.]+) ms/),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    jitMs: number(/JIT:[\s\S]*?Total ([\d.]+) ms/),
    buffers: /Buffers: (shared [^\n]*)/.exec(plan)?.[1]?.trim() ?? null,
    indexes: [...indexes],
    seqScans: [...seqScans],
    plan,
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of every SELECT the search sends for the catalogue and a query. */
export async function explainSearch(
  handle: DatabaseHandle,
  search: SearchCall,
  cases: { label: string; q: string | undefined; language: Language }[],
): Promise<PlanSummary[]> {
  return explainCalls(
    handle,
    cases.map(({ label, q, language }) => ({ label, call: () => search(q, language) })),
  )
}

/** EXPLAIN (ANALYZE, BUFFERS) of every SELECT each call sends. */
export async function explainCalls(
  handle: DatabaseHandle,
  cases: { label: string; call: () => Promise<unknown> }[],
): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = []
  for (const { label, call } of cases) {
    const statements = await recordQueries(handle, call)
    for (const [i, statement] of statements.entries()) {
      if (!/^\s*(select|with)\b/i.test(statement.text)) continue
      const rows = await handle.rows<{ 'QUERY PLAN': string }>(
        sql`explain (analyze, buffers) ${rebuild(statement)}`,
      )
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
      const name = statements.length > 1 ? `${label}, statement ${i + 1}` : label
      summaries.push(summarize(name, statement.text, plan))
    }
  }
  return summaries
}
