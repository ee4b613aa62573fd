// The authorisation matrix: for every route module in app/routes, the status each identity
// gets from its loader and its action. `authorization-matrix.test.ts` checks every cell
// and fails for a route module that has no row here.
//
// Adding a route: add a row under its file name with one probe (or more, e.g. for another
// cooperative's resources), the path and params to call it with, and the expected status of
// the loader and of the action for each identity. Actions are sent `form` (an empty form
// when absent): an identity the guard lets through then gets the answer to invalid input
// (400, or 409/422…), one it refuses gets 302 to log in, 403 or 404. Money must never move
// in a probe: send a form that the guard lets through but validation refuses.
import { type World } from './authorization-matrix.world.ts'

export const identities = [
  'guest',
  'customer',
  'memberA',
  'managerA',
  'managerB',
  'reviewer',
  'reviewerMemberB',
  'finance',
  'admin',
] as const
export type Identity = (typeof identities)[number]
export type Statuses = Record<Identity, number>

export type Probe = {
  /** What the probe is about, when a route has more than one. */
  label?: string
  path: (world: World) => string
  params?: (world: World) => Record<string, string>
  /** Expected statuses of the loader; required when the module exports one. */
  loader?: Statuses
  /** Expected statuses of the action; required when the module exports one. */
  action?: Statuses
  /** The form sent to the action (urlencoded); empty when absent. */
  form?: (world: World) => Record<string, string>
}

/** Every identity gets `status`, except those named. */
export function is(status: number, except: Partial<Statuses> = {}): Statuses {
  return Object.fromEntries(identities.map((who) => [who, except[who] ?? status])) as Statuses
}

const staff = { reviewer: 200, reviewerMemberB: 200, admin: 200 } as const

/** A page of one cooperative (A): its members and managers only; anyone else 404, guests log in. */
const memberOfA = (ok = 200) => is(404, { guest: 302, memberA: ok, managerA: ok })
/** A manager's action in cooperative A: a member is told no (403). */
const managerOfA = (ok: number) => is(404, { guest: 302, memberA: 403, managerA: ok })
/** The association's review pages: reviewers and admins. */
const reviewers = (ok = 200) =>
  is(403, { guest: 302, reviewer: ok, reviewerMemberB: ok, admin: ok })
/** The money pages: finance and admins. */
const financeStaff = (ok = 200) => is(403, { guest: 302, finance: ok, admin: ok })
const signedInOnly = (ok: number) => is(ok, { guest: 302 })
const guestsOnly = (ok: number) => is(302, { guest: ok })

const coopA = (path = '') => ({
  path: (w: World) => `/coop/${w.coopA.slug}${path}`,
  params: (w: World) => ({ slug: w.coopA.slug }),
})

/** A well-formed id that no payout has. */
const notAPayout = '00000000-0000-4000-8000-000000000000'

export const matrix: Record<string, Probe[]> = {
  // ——— Second factor and e-mail verification ———
  // Staff come back here to type a fresh code before money moves (re-authentication).
  'login_.two-factor.tsx': [
    {
      path: () => '/login/two-factor',
      loader: is(302, { ...staff, finance: 200 }),
      action: is(302, { reviewer: 400, reviewerMemberB: 400, finance: 400, admin: 400 }),
    },
  ],
  'account_.two-factor.tsx': [
    { path: () => '/account/two-factor', loader: signedInOnly(200), action: signedInOnly(400) },
  ],
  'verify-email.tsx': [{ path: () => '/verify-email', loader: is(200), action: is(400) }],
  // Stripe's webhook: no session matters, only the signature; without Stripe keys (as here)
  // it does not exist (404), and GET is 405. Signatures are tested in payments/.
  'webhooks.stripe.ts': [{ path: () => '/webhooks/stripe', loader: is(405), action: is(404) }],
  // ——— Buying ———
  'cart.tsx': [{ path: () => '/cart', loader: is(200), action: is(400) }],
  // Nobody's cart holds anything here: the checkout sends them back to the cart.
  'checkout.tsx': [{ path: () => '/checkout', loader: is(302), action: is(400) }],
  'orders.$number.tsx': [
    {
      label: 'without the tracking token: only the signed-in owner',
      path: (w) => `/orders/${w.order.number}`,
      params: (w) => ({ number: w.order.number }),
      loader: is(404, { customer: 200 }),
      action: is(404, { customer: 400 }),
    },
    {
      label: 'with the tracking token: whoever holds it',
      path: (w) => `/orders/${w.order.number}?token=${w.order.token}`,
      params: (w) => ({ number: w.order.number }),
      loader: is(200),
      action: is(400),
    },
  ],
  'account_.orders.tsx': [{ path: () => '/account/orders', loader: signedInOnly(200) }],
  'coop.$slug.orders._index.tsx': [{ ...coopA('/orders'), loader: memberOfA(200) }],
  // ——— A cooperative's money (ADR 016): balances for every member, the rest for managers ———
  'coop.$slug.money._index.tsx': [{ ...coopA('/money'), loader: memberOfA(200) }],
  'coop.$slug_.money.statement.tsx': [
    { label: 'the current month', ...coopA('/money/statement'), loader: managerOfA(200) },
    {
      label: 'a period that cannot be read',
      ...coopA('/money/statement?from=2026-02-30&to=2026-01-01'),
      loader: managerOfA(400),
    },
    {
      label: "a payout that is not the cooperative's",
      ...coopA(`/money/statement?payout=${notAPayout}`),
      loader: managerOfA(404),
    },
  ],
  'coop.$slug_.money.statement[.]csv.ts': [
    { label: 'the current month', ...coopA('/money/statement.csv'), loader: managerOfA(200) },
    {
      label: 'a period that cannot be read',
      ...coopA('/money/statement.csv?from=2020-01-01&to=2026-01-01'),
      loader: managerOfA(400),
    },
    {
      label: "a payout that is not the cooperative's",
      ...coopA(`/money/statement.csv?payout=${notAPayout}`),
      loader: managerOfA(404),
    },
  ],
  'coop.$slug.orders.$orderId.tsx': [
    {
      label: "A's parcel",
      path: (w) => `/coop/${w.coopA.slug}/orders/${w.orderPartA.id}`,
      params: (w) => ({ slug: w.coopA.slug, orderId: w.orderPartA.id }),
      loader: memberOfA(200),
      action: memberOfA(400),
    },
    {
      label: "B's parcel through A's address",
      path: (w) => `/coop/${w.coopA.slug}/orders/${w.orderPartB.id}`,
      params: (w) => ({ slug: w.coopA.slug, orderId: w.orderPartB.id }),
      loader: is(404, { guest: 302 }),
      action: memberOfA(400),
      form: () => ({ intent: 'teleport' }),
    },
    {
      label: "B's parcel, confirmed through A's address",
      path: (w) => `/coop/${w.coopA.slug}/orders/${w.orderPartB.id}`,
      params: (w) => ({ slug: w.coopA.slug, orderId: w.orderPartB.id }),
      loader: is(404, { guest: 302 }),
      action: is(404, { guest: 302 }),
      form: () => ({ intent: 'deliver' }),
    },
  ],
  'coop.$slug_.orders.$orderId.slip.tsx': [
    {
      path: (w) => `/coop/${w.coopA.slug}/orders/${w.orderPartA.id}/slip`,
      params: (w) => ({ slug: w.coopA.slug, orderId: w.orderPartA.id }),
      loader: memberOfA(200),
    },
  ],
  'admin.orders._index.tsx': [
    { path: () => '/admin/orders', loader: is(403, { guest: 302, ...staff, finance: 200 }) },
  ],
  'admin.orders.$id.tsx': [
    {
      path: (w) => `/admin/orders/${w.orderPartA.id}`,
      params: (w) => ({ id: w.orderPartA.id }),
      loader: is(403, { guest: 302, ...staff, finance: 200 }),
      action: is(403, {
        guest: 302,
        reviewer: 400,
        reviewerMemberB: 400,
        finance: 400,
        admin: 400,
      }),
    },
  ],
  'admin.shipping.tsx': [
    {
      path: () => '/admin/shipping',
      loader: is(403, { guest: 302, admin: 200 }),
      action: is(403, { guest: 302, admin: 400 }),
    },
  ],
  // ——— Money (finance) ———
  // Creating a batch and marking payouts ask for a recent second factor (loginAs gives one);
  // an empty form then fails validation, so no money moves.
  'admin.payouts._index.tsx': [
    { path: () => '/admin/payouts', loader: financeStaff(), action: financeStaff(400) },
  ],
  'admin.payouts.$batchId.tsx': [
    {
      path: (w) => `/admin/payouts/${w.payoutBatch.id}`,
      params: (w) => ({ batchId: w.payoutBatch.id }),
      loader: financeStaff(),
      action: financeStaff(400),
    },
  ],
  'admin.payouts.$batchId_.transfers[.]csv.ts': [
    {
      path: (w) => `/admin/payouts/${w.payoutBatch.id}/transfers.csv`,
      params: (w) => ({ batchId: w.payoutBatch.id }),
      loader: financeStaff(),
    },
  ],
  'admin.reconciliation.tsx': [{ path: () => '/admin/reconciliation', loader: financeStaff() }],
  'admin.remittances.tsx': [
    { path: () => '/admin/remittances', loader: financeStaff(), action: financeStaff(400) },
  ],
  '$.tsx': [
    {
      path: () => '/no/such/page',
      params: () => ({ '*': 'no/such/page' }),
      loader: is(404),
      action: is(404),
    },
  ],
  '_index.tsx': [{ path: () => '/', loader: is(200) }],
  'account.tsx': [{ path: () => '/account', loader: signedInOnly(200), action: signedInOnly(400) }],
  'admin._index.tsx': [
    { path: () => '/admin', loader: is(403, { guest: 302, ...staff, finance: 200 }) },
  ],
  'admin.certificates.$id.tsx': [
    {
      label: "cooperative A's certificate",
      path: (w) => `/admin/certificates/${w.certificateA.id}`,
      params: (w) => ({ id: w.certificateA.id }),
      loader: reviewers(),
      action: reviewers(400),
    },
    {
      label: "the reviewer's own cooperative (B): she may see it, not decide it",
      path: (w) => `/admin/certificates/${w.certificateB.id}`,
      params: (w) => ({ id: w.certificateB.id }),
      loader: reviewers(),
      // A decision the state does not allow (nothing changes): others are told why (409),
      // she is told no (403).
      form: () => ({ intent: 'revoke', note: 'Probe of the authorisation matrix' }),
      action: { ...reviewers(409), reviewerMemberB: 403 },
    },
  ],
  'admin.certificates._index.tsx': [{ path: () => '/admin/certificates', loader: reviewers() }],
  'admin.cooperatives.$id.tsx': [
    {
      path: (w) => `/admin/cooperatives/${w.coopA.id}`,
      params: (w) => ({ id: w.coopA.id }),
      loader: reviewers(),
      action: reviewers(400),
    },
  ],
  'admin.cooperatives._index.tsx': [{ path: () => '/admin/cooperatives', loader: reviewers() }],
  'admin.products._index.tsx': [
    { path: () => '/admin/products', loader: reviewers(), action: reviewers(400) },
  ],
  'categories.$slug.tsx': [
    { path: () => '/categories/honey', params: () => ({ slug: 'honey' }), loader: is(200) },
  ],
  'certificate-files.$id.ts': [
    {
      path: (w) => `/certificate-files/${w.certificateFileA.id}`,
      params: (w) => ({ id: w.certificateFileA.id }),
      // The association's staff, finance included, may open a cooperative's evidence.
      loader: is(404, { guest: 302, memberA: 200, managerA: 200, ...staff, finance: 200 }),
    },
  ],
  'certificates.$id.tsx': [
    {
      label: 'a certificate in force: public',
      path: (w) => `/certificates/${w.approvedCertificateA.id}`,
      params: (w) => ({ id: w.approvedCertificateA.id }),
      loader: is(200),
    },
    {
      label: 'a certificate under review: not public, not even to its cooperative',
      path: (w) => `/certificates/${w.certificateA.id}`,
      params: (w) => ({ id: w.certificateA.id }),
      loader: is(404),
    },
  ],
  'coop.$slug._index.tsx': [{ ...coopA(), loader: memberOfA() }],
  'coop.$slug.certificates._index.tsx': [{ ...coopA('/certificates'), loader: memberOfA() }],
  'coop.$slug.certificates.new.tsx': [
    { ...coopA('/certificates/new'), loader: managerOfA(200), action: managerOfA(400) },
  ],
  'coop.$slug.makers.$makerId.tsx': [
    {
      path: (w) => `/coop/${w.coopA.slug}/makers/${w.makerA.id}`,
      params: (w) => ({ slug: w.coopA.slug, makerId: w.makerA.id }),
      loader: managerOfA(200),
      action: managerOfA(400),
    },
  ],
  'coop.$slug.makers._index.tsx': [
    { ...coopA('/makers'), loader: memberOfA(), action: managerOfA(400) },
  ],
  'coop.$slug.products.$productId.tsx': [
    {
      path: (w) => `/coop/${w.coopA.slug}/products/${w.productA.id}`,
      params: (w) => ({ slug: w.coopA.slug, productId: w.productA.id }),
      loader: managerOfA(200),
      action: managerOfA(400),
    },
  ],
  'coop.$slug.products._index.tsx': [
    { ...coopA('/products'), loader: memberOfA(), action: managerOfA(400) },
  ],
  'coop.$slug.products.new.tsx': [
    { ...coopA('/products/new'), loader: managerOfA(200), action: managerOfA(400) },
  ],
  // Opening the page publishes nothing; an empty choice is refused with its message.
  'coop.$slug.products.publish.tsx': [
    { ...coopA('/products/publish'), loader: managerOfA(200), action: managerOfA(400) },
  ],
  'coop.$slug.profile.tsx': [
    { ...coopA('/profile'), loader: memberOfA(), action: managerOfA(400) },
  ],
  'coop.$slug.team.tsx': [{ ...coopA('/team'), loader: memberOfA(), action: managerOfA(400) }],
  'coop.$slug.tsx': [{ ...coopA(), loader: memberOfA() }],
  'cooperatives._index.tsx': [{ path: () => '/cooperatives', loader: is(200) }],
  // ——— The pages every shop has: public ———
  'about.tsx': [{ path: () => '/about', loader: is(200) }],
  'certification.tsx': [{ path: () => '/certification', loader: is(200) }],
  'delivery-returns.tsx': [{ path: () => '/delivery-returns', loader: is(200) }],
  'terms.tsx': [{ path: () => '/terms', loader: is(200) }],
  'privacy.tsx': [{ path: () => '/privacy', loader: is(200) }],
  'contact.tsx': [{ path: () => '/contact', loader: is(200) }],
  'cooperatives.$slug.tsx': [
    {
      path: (w) => `/cooperatives/${w.coopA.slug}`,
      params: (w) => ({ slug: w.coopA.slug }),
      loader: is(200),
    },
  ],
  'dev.mail.tsx': [{ path: () => '/dev/mail', loader: is(404, { admin: 200 }) }],
  'documents.$id.ts': [
    {
      path: (w) => `/documents/${w.documentA.id}`,
      params: (w) => ({ id: w.documentA.id }),
      // Finance reads the bank attestation among the legal papers.
      loader: is(404, { guest: 302, memberA: 200, managerA: 200, ...staff, finance: 200 }),
    },
  ],
  'forgot-password.tsx': [{ path: () => '/forgot-password', loader: is(200), action: is(400) }],
  'healthz.ts': [{ path: () => '/healthz', loader: is(200) }],
  'invitations.$token.tsx': [
    {
      label: 'an invitation sent to someone else',
      path: (w) => `/invitations/${w.invitationToken}`,
      params: (w) => ({ token: w.invitationToken }),
      loader: is(200),
      action: signedInOnly(403),
    },
  ],
  'join.tsx': [{ path: () => '/join', loader: is(200), action: is(400) }],
  'login.tsx': [{ path: () => '/login', loader: guestsOnly(200), action: guestsOnly(400) }],
  'logout.tsx': [{ path: () => '/logout', loader: is(302), action: is(302) }],
  'media.$.ts': [
    {
      path: () => '/media/unknown.webp',
      params: () => ({ '*': 'unknown.webp' }),
      loader: is(404),
    },
  ],
  'products.$slug.tsx': [
    {
      path: (w) => `/products/${w.productA.slug}`,
      params: (w) => ({ slug: w.productA.slug }),
      loader: is(200),
    },
  ],
  'products._index.tsx': [{ path: () => '/products', loader: is(200) }],
  'reset-password.tsx': [{ path: () => '/reset-password', loader: is(200), action: is(400) }],
  'robots[.]txt.ts': [{ path: () => '/robots.txt', loader: is(200) }],
  'set-language.tsx': [
    {
      path: () => '/set-language',
      loader: is(302),
      form: () => ({ language: 'fr', redirectTo: '/' }),
      action: is(302),
    },
  ],
  'signup.tsx': [{ path: () => '/signup', loader: guestsOnly(200), action: guestsOnly(400) }],
  'sitemap[.]xml.ts': [{ path: () => '/sitemap.xml', loader: is(200) }],
  'sitemaps.$file.ts': [
    {
      path: () => '/sitemaps/pages.xml',
      params: () => ({ file: 'pages.xml' }),
      loader: is(200),
    },
  ],
}
