// Rendered storefront pages, kept in memory and sent again to anonymous visitors while they
// are exactly what a fresh rendering would give (issue 12, item 4; ADR 020).
//
// A page is kept under its address and the reader's language, with the catalogue's version
// read BEFORE it was rendered (a write committed meanwhile only makes the kept page look
// older than it is), the revision of the product it shows (a product page; sales move only
// that), and the next instant a sale window may open or close. It is sent again only while
// all three still hold, and for at most a minute (pages say "expires in 12 days").
//
// A kept page carries nothing of the request it was rendered for: its per-response nonce
// attributes and request id are taken out, and its inline scripts are allowed by their
// SHA-256 hashes in the page policy (server.js), so no nonce is ever sent twice.
//
// A page is rendered once however many ask for it at once (ADR 023): visitors who ask for a
// page while it is being rendered wait for that rendering, and a page kept by one server
// process is handed to the others (through the cluster's primary), so that a surge on a
// product renders it once, not once per visitor and per process.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { sql } from 'drizzle-orm'
import { getLanguage } from '#app/modules/i18n/i18n.server.ts'
import { catalogVersionColumn, nextSaleChangeColumn } from '#app/modules/catalog/snapshot.server.ts'
import { getDatabase } from '#app/utils/db.server.ts'

/** The most a kept page is sent again, whatever else holds. */
const maxAgeMs = 60_000
/**
 * The memory the kept pages may take in one server process: their gzip and brotli bodies
 * only (a client that takes neither is sent the gzip one unzipped), some 35 KB a product
 * page, so about 3,500 pages.
 */
const maxBytes = 128 * 1024 * 1024
/** A page larger than this is rendered each time rather than kept. */
const maxPageBytes = 1024 * 1024

/**
 * The longest a visitor waits for the rendering of the same page by another request, before
 * rendering it themselves.
 */
const waitForRenderingMs = 3_000

/** Cookies that do not make a visitor someone: the language they chose. */
const anonymousCookies = new Set(['taawun_lang'])

/** Where the page shows one product's offers (stock, prices), moved by its revision. */
const productPage = /^\/products\/([^/?#]+)$/

export type PageTicket = {
  key: string
  version: string | null
  revision: string | null
  validUntil: number
}

export type KeptPage = {
  /** Headers of the first answer (content type, caching, language), without encodings. */
  headers: [string, string][]
  etag: string
  /** 'sha256-…' sources for the page policy, one per inline script. */
  scriptHashes: string[]
  /** The page as it is, unzipped from `gzip` when asked (few clients take no encoding). */
  readonly identity: Buffer
  gzip: Buffer
  br: Buffer
}

type Entry = PageTicket & { page: KeptPage; bytes: number }

const entries = new Map<string, Entry>()
let keptBytes = 0

/**
 * Pages being rendered (or compressed to be kept) by this process, by key: what those who
 * ask for the same page meanwhile wait for. Settled when the page is kept, or when its
 * rendering ends without keeping it (`releaseTicket`).
 */
const rendering = new Map<string, { ticket: PageTicket; settle: () => void; done: Promise<void> }>()
/** Keys whose page is being compressed to be kept: their rendering is not over yet. */
const compressing = new Set<string>()

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

let clock: () => number = () => Date.now()

/** For tests: judge validity at another instant. Returns the way back. */
export function setPageCacheClockForTests(now: () => number): () => void {
  const previous = clock
  clock = now
  return () => {
    clock = previous
  }
}

/** For tests: forget every kept page. */
export function forgetKeptPages() {
  entries.clear()
  keptBytes = 0
  boundary = null
  for (const { settle } of rendering.values()) settle()
  rendering.clear()
  compressing.clear()
}

/**
 * A request whose answer may be one kept for anyone: a GET with no cookie but the language.
 * Sessions, carts, flash messages and second-factor steps all live in cookies.
 */
export function anonymousGet(method: string, cookieHeader: string | undefined): boolean {
  if (method !== 'GET') return false
  if (!cookieHeader) return true
  return cookieHeader.split(';').every((pair) => {
    const name = pair.split('=', 1)[0]!.trim()
    return name === '' || anonymousCookies.has(name)
  })
}

function productSlugOf(pathname: string): string | null {
  const match = productPage.exec(pathname)
  if (!match) return null
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return null
  }
}

/**
 * The next instant a sale window may open or close, kept with the catalogue version it was
 * read at: certificate writes move that version, so while it stands only the clock can
 * bring the boundary nearer — and then it is read again.
 */
let boundary: { version: string | null; at: number } | null = null

/**
 * The catalogue version and product revisions, read together for every request that arrived
 * while the previous reading was on its way: each request is answered by a statement that
 * started after it arrived (so a write committed before it arrived is always seen), and a
 * crowd of requests costs one statement per round trip instead of one each.
 */
type Reading = { version: string | null; revisions: Map<string, string> }
let inFlight: Promise<unknown> | null = null
let waiting: { slugs: Set<string>; reading: Promise<Reading> } | null = null

function readTogether(slug: string | null): Promise<Reading> {
  if (!waiting) {
    const slugs = new Set<string>()
    const before = inFlight ?? Promise.resolve()
    const reading = before.then(async () => {
      // From here on, newcomers wait for the next reading.
      if (waiting?.reading === reading) waiting = null
      const [row] = await getDatabase().rows<{
        version: string | null
        revisions: Record<string, string> | string | null
      }>(
        sql`select ${catalogVersionColumn} as version, ${
          slugs.size === 0
            ? sql`null::json`
            : sql`(select json_object_agg(p.slug, r.revision::text) from product_revisions r
                     join products p on p.id = r.product_id
                    where p.slug in (${sql.join(
                      [...slugs].map((one) => sql`${one}`),
                      sql`, `,
                    )}))`
        } as revisions`,
      )
      const revisions =
        typeof row!.revisions === 'string' ? JSON.parse(row!.revisions) : (row!.revisions ?? {})
      return { version: row!.version, revisions: new Map(Object.entries(revisions)) } as Reading
    })
    waiting = { slugs, reading }
    const settled = reading.then(
      () => {},
      () => {},
    )
    inFlight = settled
    void settled.then(() => {
      if (inFlight === settled) inFlight = null
    })
  }
  if (slug !== null) waiting.slugs.add(slug)
  return waiting.reading
}

let boundaryReading: Promise<{ version: string | null; at: number }> | null = null

async function readBoundary(): Promise<{ version: string | null; at: number }> {
  const [next] = await getDatabase().rows<{ version: string | null; next_change: string | null }>(
    sql`select ${catalogVersionColumn} as version, ${nextSaleChangeColumn} as next_change`,
  )
  return {
    version: next!.version,
    at: next!.next_change ? new Date(next!.next_change).getTime() : Infinity,
  }
}

async function readState(slug: string | null) {
  const reading = await readTogether(slug)
  const state = {
    version: reading.version,
    revision: slug === null ? null : (reading.revisions.get(slug) ?? null),
  }
  const now = clock()
  if (!boundary || boundary.version !== state.version || now >= boundary.at) {
    // Read once for all who find it stale at the same time.
    boundaryReading ??= readBoundary().finally(() => (boundaryReading = null))
    const next = await boundaryReading
    // Kept only for the version it was read with; a move in between makes the next reader
    // read it again.
    boundary = next
    if (next.version !== state.version) return { ...state, nextChange: Math.min(next.at, now) }
  }
  return { ...state, nextChange: boundary!.at }
}

/**
 * The kept page for this request, or the ticket under which its rendering may be kept.
 * `url` is the path and query; `headers` those of the request (cookie, accept-language).
 */
export async function findPage(
  url: string,
  headers: { cookie?: string; 'accept-language'?: string },
): Promise<{ page: KeptPage } | { ticket: PageTicket }> {
  const address = new URL(url, 'http://localhost')
  const requestHeaders = new Headers()
  if (headers.cookie) requestHeaders.set('cookie', headers.cookie)
  if (headers['accept-language']) requestHeaders.set('accept-language', headers['accept-language'])
  const language = await getLanguage(new Request(address, { headers: requestHeaders }))
  const key = `${language} ${address.pathname}${address.search}`
  const slug = productSlugOf(address.pathname)
  let state = await readState(slug)
  let kept = current(key, state)
  if (kept) return { page: kept }
  // Being rendered by another request: wait for it (a bounded time), then look again.
  const other = rendering.get(key)
  if (other) {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      other.done,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitForRenderingMs))),
    ])
    clearTimeout(timer)
    state = await readState(slug)
    kept = current(key, state)
    if (kept) return { page: kept }
  }
  const now = clock()
  const ticket: PageTicket = {
    key,
    version: state.version,
    revision: state.revision,
    validUntil: Math.min(state.nextChange, now + maxAgeMs),
  }
  if (!rendering.has(key)) {
    let settle!: () => void
    const done = new Promise<void>((resolve) => (settle = resolve))
    rendering.set(key, { ticket, settle, done })
  }
  return { ticket }
}

/** The page kept under `key`, if it is still exact in `state`. */
function current(
  key: string,
  state: { version: string | null; revision: string | null },
): KeptPage | null {
  const entry = entries.get(key)
  if (
    !entry ||
    entry.version !== state.version ||
    entry.revision !== state.revision ||
    clock() >= entry.validUntil
  )
    return null
  // The most recently used last: the oldest are let go first.
  entries.delete(key)
  entries.set(key, entry)
  return entry.page
}

/** Those waiting for `ticket`'s page stop waiting (it was kept, or will not be). */
function settleRendering(ticket: PageTicket) {
  const pending = rendering.get(ticket.key)
  if (pending?.ticket !== ticket) return
  rendering.delete(ticket.key)
  pending.settle()
}

/**
 * The rendering under `ticket` is over (the response was sent or abandoned): unless its page
 * is being kept, those waiting for it render the page themselves.
 */
export function releaseTicket(ticket: PageTicket) {
  if (!compressing.has(ticket.key)) settleRendering(ticket)
}

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/g

/**
 * The page as anyone may be sent it: without the nonce attributes and the request id of the
 * request it was rendered for. Null when either is still found in it afterwards.
 */
export function impersonalPage(body: string, nonce: string, requestId: string): string | null {
  let page = body
  if (nonce) page = page.split(` nonce="${nonce}"`).join('')
  if (requestId) page = page.split(`<meta name="request-id" content="${requestId}"/>`).join('')
  if ((nonce && page.includes(nonce)) || (requestId && page.includes(requestId))) return null
  return page
}

/** The hash sources that allow exactly the page's inline scripts. */
export function scriptHashesOf(page: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, text] of page.matchAll(inlineScript)) {
    if (/\ssrc\s*=/.test(attributes!) || !text) continue
    hashes.add(`'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** The validator of a page, the same whether it was just rendered or kept. */
export function pageEtag(impersonal: string): string {
  return `W/"${crypto.createHash('sha1').update(impersonal).digest('base64url')}"`
}

/**
 * Keeps a page rendered under `ticket`, as `impersonal` gave it. Compressing it happens off
 * the request's thread; those waiting for the page are let go once it is kept. The page is
 * handed to the other server processes too.
 */
export async function keepPage(
  ticket: PageTicket,
  impersonal: string,
  responseHeaders: Headers,
): Promise<void> {
  const identity = Buffer.from(impersonal, 'utf8')
  if (identity.length > maxPageBytes) return settleRendering(ticket)
  const headers: [string, string][] = []
  responseHeaders.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'etag', 'set-cookie'].includes(name))
      headers.push([name, value])
  })
  compressing.add(ticket.key)
  try {
    const [gzipped, brotlied] = await Promise.all([
      gzip(identity, { level: 9 }),
      // Quality 5: some 1 ms for a product page and within 5 % of quality 9's size, which
      // takes about a hundred times as long (the benchmark's profile, docs/benchmarks.md).
      brotli(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    ])
    const shared: SharedPage = {
      ticket,
      headers,
      etag: pageEtag(impersonal),
      scriptHashes: scriptHashesOf(impersonal),
      gzip: gzipped,
      br: brotlied,
    }
    store(shared)
    shareWithOtherProcesses(shared)
  } finally {
    compressing.delete(ticket.key)
    settleRendering(ticket)
  }
}

/** What a kept page is made of, as it travels between server processes. */
type SharedPage = {
  ticket: PageTicket
  headers: [string, string][]
  etag: string
  scriptHashes: string[]
  gzip: Buffer
  br: Buffer
}

function store({ ticket, headers, etag, scriptHashes, gzip, br }: SharedPage) {
  const page: KeptPage = {
    headers,
    etag,
    scriptHashes,
    get identity() {
      return zlib.gunzipSync(gzip)
    },
    gzip,
    br,
  }
  const bytes = gzip.length + br.length
  const previous = entries.get(ticket.key)
  // A page kept meanwhile from a newer state stays.
  if (previous && previous.version !== ticket.version && previous.validUntil > ticket.validUntil)
    return
  if (previous) {
    keptBytes -= previous.bytes
    entries.delete(ticket.key)
  }
  while (keptBytes + bytes > maxBytes && entries.size > 0) {
    const [oldestKey, oldest] = entries.entries().next().value!
    entries.delete(oldestKey)
    keptBytes -= oldest.bytes
  }
  entries.set(ticket.key, {
    key: ticket.key,
    version: ticket.version,
    revision: ticket.revision,
    validUntil: ticket.validUntil,
    page,
    bytes,
  })
  keptBytes += bytes
}

/**
 * Server processes of a cluster (server.js) hand each other the pages they keep, through the
 * primary, whose channel carries buffers as they are ("advanced" serialization). A page
 * received is checked like any other when it is asked for: same version, revision and time.
 */
const sharedPageMessage = 'taawun:kept-page'

let shareWithOtherProcesses = (page: SharedPage) => {
  if (!cluster.isWorker || !process.send || !process.connected) return
  process.send({ type: sharedPageMessage, page }, undefined, {}, () => {})
}

/** For tests: where this process's kept pages go (another process's `receiveSharedPage`). */
export function setPageSharingForTests(send: (message: unknown) => void): () => void {
  const previous = shareWithOtherProcesses
  shareWithOtherProcesses = (page) => send({ type: sharedPageMessage, page })
  return () => {
    shareWithOtherProcesses = previous
  }
}

/** Takes a page another process kept; anything else on the channel is not ours. */
export function receiveSharedPage(message: unknown): boolean {
  if (!isSharedPageMessage(message)) return false
  const { page } = message
  store({ ...page, gzip: Buffer.from(page.gzip), br: Buffer.from(page.br) })
  return true
}

function isSharedPageMessage(message: unknown): message is { type: string; page: SharedPage } {
  if (typeof message !== 'object' || message === null) return false
  const { type, page } = message as { type?: unknown; page?: Partial<SharedPage> }
  return (
    type === sharedPageMessage &&
    typeof page === 'object' &&
    page !== null &&
    typeof page.ticket?.key === 'string' &&
    typeof page.ticket.validUntil === 'number' &&
    typeof page.etag === 'string' &&
    Array.isArray(page.headers) &&
    Array.isArray(page.scriptHashes) &&
    page.gzip instanceof Uint8Array &&
    page.br instanceof Uint8Array
  )
}

if (cluster.isWorker) process.on('message', receiveSharedPage)
