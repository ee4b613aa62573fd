// The sale rule while pages are under load: one certificate is revoked (by the reviewer's
// own function, `decideCertificate`) and another expires, and no response to a request sent
// after the revocation's commit returned, or after the expiry instant, may still list or
// offer the product that depended on it. Every response of the load is read, not sampled.
import http from 'node:http'
import { sql } from 'drizzle-orm'
import { type DatabaseHandle, type Transaction } from '#app/utils/db.server.ts'
import { decideCertificate } from '#app/modules/certification/certificates.server.ts'
import { type SessionUser } from '#app/modules/auth/session.server.ts'
import { percentile } from './stats.ts'

/** A product whose being on sale hangs on one approved certificate. */
export type WatchedProduct = {
  role: 'revoked' | 'expiring'
  productId: string
  slug: string
  cooperativeSlug: string
  certificateId: string
  certificateType: string
  certificateScope: string
}

export type WatchedPage = {
  name: string
  path: string
  /** The products (by role) this page listed or offered before the load. */
  watches: WatchedProduct['role'][]
}

export type SaleChangeCount = {
  role: WatchedProduct['role']
  slug: string
  certificate: string
  /** Epoch ms: when the revocation's COMMIT returned, or the expiry instant. */
  at: number
  /** Responses to requests sent before the instant that listed the product, of all checked. */
  before: { checked: number; listing: number }
  /** Sent while the revoking transaction ran (neither before it began nor after it returned). */
  inFlight: { checked: number; listing: number }
  /** Sent after the instant: `listing` must be 0. */
  after: { checked: number; listing: number }
  /** SQL after the load: the product's window no longer contains now(). */
  offSaleInSql: boolean
  /** The window ended exactly at the instant (expiry) / the trial showed the one dependency. */
  verified: string
}

export type SaleChangeResult = {
  connections: number
  seconds: number
  pages: (WatchedPage & { responses: number; statuses: Record<string, number> })[]
  responses: number
  requestsPerSecond: number
  p50: number
  p95: number
  statuses: Record<string, number>
  /** How long `decideCertificate` took, from its call to the return of COMMIT. */
  revokeMs: number
  counts: SaleChangeCount[]
  restored: boolean
}

const now = () => performance.timeOrigin + performance.now()

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback')
  }
}

/** Runs `task` in a transaction that is always rolled back, and returns its result. */
async function trial<T>(handle: DatabaseHandle, task: (tx: Transaction) => Promise<T>) {
  try {
    await handle.db.transaction(async (tx) => {
      throw new Rollback(await task(tx))
    })
  } catch (error) {
    if (error instanceof Rollback) return error.value as T
    throw error
  }
  throw new Error('unreachable')
}

type Candidate = {
  product_id: string
  slug: string
  cooperative_id: string
  cooperative_slug: string
  certificate_id: string
  type: string
  scope: string
}

/**
 * Purchasable products in stock with an approved certificate that covers them and is valid
 * for at least another hour; the certificates that take the fewest products with them first.
 */
async function candidates(handle: DatabaseHandle): Promise<Candidate[]> {
  // The certificates' reach is counted once per certificate, not once per candidate row; and
  // `type = any(badges)` joins through the cooperative's index: the badges' GIN index, with
  // the planner's guess of a handful of certificates, would read thousands of entries each.
  return handle.rows<Candidate>(sql`
    with certs as (
      select c.id, c.cooperative_id, c.type, c.scope
      from certificates c
      join cooperatives co on co.id = c.cooperative_id and co.status = 'active'
      where c.status = 'approved'
        and tstzrange(c.issued_at, c.expires_at, '[)') @> (now() + interval '1 hour')
    ), reach as (
      select c.id, count(*) as n
      from certs c join products q on q.cooperative_id = c.cooperative_id and c.type = any(q.badges)
      group by c.id
    )
    select p.id as product_id, p.slug, p.cooperative_id, co.slug as cooperative_slug,
      c.id as certificate_id, c.type, c.scope
    from certs c
    join reach r on r.id = c.id
    join products p on p.cooperative_id = c.cooperative_id and c.type = any(p.badges)
    join cooperatives co on co.id = p.cooperative_id
    where p.status = 'published' and p.blocked_at is null and p.in_stock
      and p.on_sale_during @> now()
      and (c.scope = 'cooperative' or exists (select 1 from certificate_products cp
        where cp.certificate_id = c.id and cp.product_id = p.id))
    order by r.n, p.published_at desc nulls last, p.id
    limit 200`)
}

type Page = { status: number; body: string }

async function get(origin: string, path: string): Promise<Page> {
  const response = await fetch(`${origin}${path}`, {
    headers: { accept: 'text/html', 'accept-language': 'ar' },
    signal: AbortSignal.timeout(30_000),
  })
  return { status: response.status, body: await response.text() }
}

/** The product page offers it: a 200 with its add-to-cart form (not the 404 "unavailable"). */
export function offers(page: Page): boolean {
  return page.status === 200 && page.body.includes('name="variantId"')
}

/** The listing links to the product's page. */
export function lists(page: Page, slug: string): boolean {
  if (page.status !== 200) return false
  return [slug, encodeURI(slug)].some((s) => page.body.includes(`href="/products/${s}"`))
}

function watchesIn(page: Page, path: string, products: WatchedProduct[]) {
  return products.filter((p) =>
    path === `/products/${p.slug}` ? offers(page) : lists(page, p.slug),
  )
}

/**
 * Product A (its certificate to be revoked) and product B (its certificate to expire), of two
 * different cooperatives, each shown by its product page and its cooperative's page; whether
 * revoking or ending the certificate takes the product off sale is tried first in a
 * transaction that is rolled back. Then the pages that list them: their product pages, their
 * cooperatives' pages, the catalogue and their categories' pages when those list them.
 */
export async function pickSaleChanges(
  handle: DatabaseHandle,
  origin: string,
): Promise<{ products: WatchedProduct[]; pages: WatchedPage[] }> {
  const found: WatchedProduct[] = []
  const tried = new Set<string>()
  for (const role of ['revoked', 'expiring'] as const) {
    for (const c of await candidates(handle)) {
      if (found.some((f) => f.cooperativeSlug === c.cooperative_slug)) continue
      if (tried.has(`${role}:${c.product_id}:${c.certificate_id}`)) continue
      tried.add(`${role}:${c.product_id}:${c.certificate_id}`)
      const dependsOnIt = await trial(handle, async (tx) => {
        const change =
          role === 'revoked'
            ? sql`update certificates set status = 'revoked' where id = ${c.certificate_id}`
            : sql`update certificates set expires_at = now() + interval '30 seconds' where id = ${c.certificate_id}`
        await tx.execute(change)
        const result: unknown = await tx.execute(sql`
          select ${
            role === 'revoked'
              ? sql`not (on_sale_during @> now())`
              : sql`on_sale_during @> now() and not (on_sale_during @> (now() + interval '30 seconds'))`
          } as ok from products where id = ${c.product_id}`)
        // postgres.js answers with the rows, PGlite with an object that holds them.
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
          ok: boolean
        }[]
        return Boolean(rows[0]?.ok)
      })
      if (!dependsOnIt) continue
      const product = await get(origin, `/products/${c.slug}`)
      if (!offers(product)) continue
      const cooperative = await get(origin, `/cooperatives/${c.cooperative_slug}`)
      if (!lists(cooperative, c.slug)) continue
      found.push({
        role,
        productId: c.product_id,
        slug: c.slug,
        cooperativeSlug: c.cooperative_slug,
        certificateId: c.certificate_id,
        certificateType: c.type,
        certificateScope: c.scope,
      })
      break
    }
  }
  if (found.length < 2) {
    throw new Error(
      'No two products of different cooperatives whose sale hangs on one approved certificate and that their cooperative page lists on page 1',
    )
  }
  const categories = await handle.rows<{ slug: string }>(sql`
    select distinct coalesce(top.slug, c.slug) as slug
    from products p join categories c on c.id = p.category_id
    left join categories top on top.id = c.parent_id
    where p.id in (${sql.join(
      found.map((f) => sql`${f.productId}`),
      sql`, `,
    )})`)
  const paths = [
    ...found.map((f) => ({ name: `product page (${f.role})`, path: `/products/${f.slug}` })),
    ...[...new Set(found.map((f) => f.cooperativeSlug))].map((slug) => ({
      name: 'cooperative page',
      path: `/cooperatives/${slug}`,
    })),
    { name: 'catalogue', path: '/products' },
    ...categories.map(({ slug }) => ({ name: 'category page', path: `/categories/${slug}` })),
  ]
  const pages: WatchedPage[] = []
  for (const { name, path } of paths) {
    const page = await get(origin, path)
    const watches = watchesIn(page, path, found).map((p) => p.role)
    if (watches.length) pages.push({ name, path, watches })
  }
  return { products: found, pages }
}

type Sample = { page: number; sentAt: number; ms: number; status: number; lists: string[] }

/**
 * `connections` clients, each asking for the pages in turn, one request at a time on its own
 * kept-alive connection, until `seconds` have passed; every response is read and checked.
 */
async function hammer(
  origin: string,
  pages: WatchedPage[],
  products: WatchedProduct[],
  connections: number,
  seconds: number,
  keep: boolean,
): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const url = new URL(origin)
  const deadline = now() + seconds * 1000
  const samples: Sample[] = []
  let next = 0
  const request = (path: string) =>
    new Promise<Page>((resolve) => {
      const req = http.get(
        {
          host: url.hostname,
          port: url.port,
          path,
          agent,
          headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'ar' },
          timeout: 10_000,
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          )
          response.on('error', () => resolve({ status: 0, body: '' }))
        },
      )
      req.on('timeout', () => req.destroy())
      req.on('error', () => resolve({ status: 0, body: '' }))
    })
  const client = async () => {
    while (now() < deadline) {
      const index = next++ % pages.length
      const page = pages[index]!
      const sentAt = now()
      const response = await request(page.path)
      const ms = now() - sentAt
      if (!keep) continue
      samples.push({
        page: index,
        sentAt,
        ms,
        status: response.status,
        lists: watchesIn(
          response,
          page.path,
          products.filter((p) => page.watches.includes(p.role)),
        ).map((p) => p.role),
      })
    }
  }
  await Promise.all(Array.from({ length: connections }, client))
  agent.destroy()
  return samples
}

async function windowState(handle: DatabaseHandle, productId: string) {
  const [row] = await handle.rows<{ on_sale: boolean }>(
    sql`select on_sale_during @> now() as on_sale from products where id = ${productId}`,
  )
  return Boolean(row?.on_sale)
}

/** A reviewer of the association who belongs to no cooperative: the one who revokes. */
async function benchReviewer(handle: DatabaseHandle): Promise<SessionUser> {
  const email = 'bench-reviewer@taawun.invalid'
  await handle.rows(sql`
    insert into users (email, name, password_hash, locale, email_verified_at)
    select ${email}, 'Bench reviewer', '!', 'fr', now()
    where not exists (select 1 from users where lower(email) = ${email})`)
  const [user] = await handle.rows<{ id: string }>(
    sql`select id from users where lower(email) = ${email}`,
  )
  await handle.rows(sql`
    insert into user_roles (user_id, role) values (${user!.id}, 'reviewer') on conflict do nothing`)
  return {
    id: user!.id,
    email,
    name: 'Bench reviewer',
    locale: 'fr',
    sessionId: 'bench',
    roles: ['reviewer'],
    emailVerifiedAt: new Date(),
    twoFactorEnabled: true,
    secondFactorAt: new Date(),
  }
}

/**
 * The load on the pages, with product A's certificate revoked a third of the way through
 * and product B's certificate expiring at two thirds; afterwards both certificates are
 * restored (the triggers recompute the windows) so that the next run finds the same world.
 */
export async function measureSaleChanges(
  handle: DatabaseHandle,
  origin: string,
  picked: { products: WatchedProduct[]; pages: WatchedPage[] },
  options: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<SaleChangeResult> {
  const { products, pages } = picked
  const a = products.find((p) => p.role === 'revoked')!
  const b = products.find((p) => p.role === 'expiring')!
  const seconds = Math.max(options.durationSeconds, 3)
  const [original] = await handle.rows<{
    status: string
    decision_note: string | null
    decided_at: string | null
    reviewer_id: string | null
  }>(sql`select status, decision_note, decided_at::text, reviewer_id::text
    from certificates where id = ${a.certificateId}`)
  const [originalExpiry] = await handle.rows<{ expires_at: string | null }>(
    sql`select expires_at::text from certificates where id = ${b.certificateId}`,
  )
  const actor = { user: await benchReviewer(handle), role: 'reviewer' as const }

  if (options.warmupSeconds > 0) {
    await hammer(origin, pages, products, options.connections, options.warmupSeconds, false)
  }
  let restored = false
  try {
    // B's certificate ends two thirds of the way into the load; its product's window with it.
    const expiresIn = (seconds * 2) / 3
    const [expiry] = await handle.rows<{ at_ms: number }>(sql`
      update certificates set expires_at = now() + make_interval(secs => ${expiresIn})
      where id = ${b.certificateId}
      returning extract(epoch from expires_at)::float8 * 1000 as at_ms`)
    const expiresAt = Number(expiry!.at_ms)
    const [window] = await handle.rows<{ ends_then: boolean }>(sql`
      select on_sale_during @> now()
        and not (on_sale_during @> to_timestamp(${expiresAt / 1000}::float8))
        and on_sale_during @> to_timestamp(${expiresAt / 1000}::float8 - 0.001) as ends_then
      from products where id = ${b.productId}`)
    if (!window?.ends_then) {
      throw new Error(`The window of ${b.slug} does not end when its certificate expires`)
    }

    let revokeStartedAt = 0
    let committedAt = 0
    const revocation = new Promise<void>((resolve, reject) =>
      setTimeout(
        () => {
          revokeStartedAt = now()
          decideCertificate({
            actor,
            certificateId: a.certificateId,
            decision: 'revoke',
            note: 'Revoked by npm run bench under load.',
          })
            .then(() => {
              committedAt = now()
              resolve()
            })
            .catch(reject)
        },
        (seconds * 1000) / 3,
      ),
    )
    const [samples] = await Promise.all([
      hammer(origin, pages, products, options.connections, seconds, true),
      revocation,
    ])

    const count = (
      role: WatchedProduct['role'],
      from: number,
      until: number,
    ): { checked: number; listing: number } => {
      const watching = samples.filter(
        (s) => pages[s.page]!.watches.includes(role) && s.sentAt >= from && s.sentAt < until,
      )
      return {
        checked: watching.length,
        listing: watching.filter((s) => s.lists.includes(role)).length,
      }
    }
    const afterA = count('revoked', committedAt, Infinity)
    // Strictly after: a request sent in the very millisecond of the instant is not counted.
    const afterB = count('expiring', expiresAt + 0.001, Infinity)
    const counts: SaleChangeCount[] = [
      {
        role: 'revoked',
        slug: a.slug,
        certificate: `${a.certificateType} (${a.certificateScope} scope)`,
        at: committedAt,
        before: count('revoked', 0, revokeStartedAt),
        inFlight: count('revoked', revokeStartedAt, committedAt),
        after: afterA,
        offSaleInSql: !(await windowState(handle, a.productId)),
        verified:
          'revoking it alone takes the product off sale (tried in a rolled-back transaction)',
      },
      {
        role: 'expiring',
        slug: b.slug,
        certificate: `${b.certificateType} (${b.certificateScope} scope)`,
        at: expiresAt,
        before: count('expiring', 0, expiresAt),
        inFlight: { checked: 0, listing: 0 },
        after: afterB,
        offSaleInSql: !(await windowState(handle, b.productId)),
        verified: "the product's window ends at the certificate's new expiry",
      },
    ]
    const statuses: Record<string, number> = {}
    const byPage = pages.map((page) => ({
      ...page,
      responses: 0,
      statuses: {} as Record<string, number>,
    }))
    for (const s of samples) {
      const key = s.status ? String(s.status) : 'error'
      statuses[key] = (statuses[key] ?? 0) + 1
      const page = byPage[s.page]!
      page.responses++
      page.statuses[key] = (page.statuses[key] ?? 0) + 1
    }
    const times = samples.map((s) => s.ms)
    return {
      connections: options.connections,
      seconds,
      pages: byPage,
      responses: samples.length,
      requestsPerSecond: samples.length / seconds,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      statuses,
      revokeMs: committedAt - revokeStartedAt,
      counts,
      restored: await restore(),
    }
  } finally {
    if (!restored) await restore()
  }

  /** Both certificates as they were; the triggers recompute both windows. */
  async function restore() {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`
        update certificates set status = ${original!.status}, decision_note = ${original!.decision_note},
          decided_at = ${original!.decided_at}::timestamptz, reviewer_id = ${original!.reviewer_id}::uuid
        where id = ${a.certificateId}`)
      await tx.execute(sql`
        update certificates set expires_at = ${originalExpiry!.expires_at}::timestamptz
        where id = ${b.certificateId}`)
    })
    restored = (await windowState(handle, a.productId)) && (await windowState(handle, b.productId))
    return restored
  }
}
