// After signing in, people land where their work is; a redirectTo only ever stays on the site.
import { generateSync } from 'otplib'
import { describe, expect, test } from 'vitest'
import {
  addMembership,
  createCooperativeWithTeam,
  createUser,
  enrolTotp,
  testPassword,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { call, context, cookiesFrom, dataOf, makeRequest, testOrigin } from '#tests/helpers.ts'
import { action as loginAction, loader as loginLoader } from './login.tsx'
import { action as verifyAction } from './login_.two-factor.tsx'

let ip = 0
async function logIn(email: string, fields: Record<string, string> = {}) {
  ip += 1
  const result = await call(
    loginAction,
    makeRequest('/login', { form: { email, password: testPassword, ...fields } }),
    {},
    context({ clientIp: `198.51.100.${ip}` }),
  )
  const response = result as Response
  expect(response.status).toBe(302)
  return { location: response.headers.get('location')!, cookie: cookiesFrom(result) }
}

const openRedirects = [
  '//evil.example',
  '//evil.example/coop',
  'https://evil.example',
  'http:evil.example',
  '/\\evil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
  ' /account',
  'evil.example',
]

describe('where people land after signing in', () => {
  test('a cooperative manager, and a member, land on their cooperative dashboard', async () => {
    const { cooperative, manager, member } = await createCooperativeWithTeam(db)
    expect((await logIn(manager.email)).location).toBe(`/coop/${cooperative.slug}`)
    expect((await logIn(member.email)).location).toBe(`/coop/${cooperative.slug}`)
  })

  test('one in two cooperatives lands on the active one', async () => {
    const { manager } = await createCooperativeWithTeam(db, { status: 'applied' })
    const { cooperative: active } = await createCooperativeWithTeam(db)
    await addMembership(db, { cooperativeId: active.id, userId: manager.id, role: 'member' })
    expect((await logIn(manager.email)).location).toBe(`/coop/${active.slug}`)
  })

  test.each([
    ['admin', '/admin'],
    ['reviewer', '/admin/certificates'],
    ['finance', '/admin/payouts'],
  ] as const)('a %s lands on %s, after the code from the app', async (role, queue) => {
    const staff = await createUser(db, { roles: [role] })
    const secret = await enrolTotp(db, { userId: staff.id })
    const { location, cookie } = await logIn(staff.email)
    expect(location).toBe(`/login/two-factor?${new URLSearchParams({ redirectTo: queue })}`)
    const redirectTo = new URL(location, testOrigin).searchParams.get('redirectTo')!
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) })
    const verified = (await call(
      verifyAction,
      makeRequest('/login/two-factor', { cookie, form: { code, redirectTo } }),
    )) as Response
    expect(verified.headers.get('location')).toBe(queue)
  })

  test('staff without an authenticator enrol first, then go on to their queue', async () => {
    const finance = await createUser(db, { roles: ['finance'] })
    expect((await logIn(finance.email)).location).toBe(
      '/account/two-factor?redirectTo=%2Fadmin%2Fpayouts',
    )
  })

  test('a second step reached without a redirectTo still lands on the queue', async () => {
    const reviewer = await createUser(db, { roles: ['reviewer'] })
    const secret = await enrolTotp(db, { userId: reviewer.id })
    const { cookie } = await logIn(reviewer.email)
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) })
    const verified = (await call(
      verifyAction,
      makeRequest('/login/two-factor', { cookie, form: { code } }),
    )) as Response
    expect(verified.headers.get('location')).toBe('/admin/certificates')
  })

  test('a customer goes back to the page she was reading, or to her account', async () => {
    const customer = await createUser(db)
    const from = '/products/%D8%B9%D8%B3%D9%84?variant=2'
    expect((await logIn(customer.email, { from })).location).toBe(from)
    expect((await logIn(customer.email)).location).toBe('/account')
    // The sign-in pages themselves are not "where she was".
    expect((await logIn(customer.email, { from: '/login' })).location).toBe('/account')
  })

  test('an explicit redirectTo wins, for a manager and for staff alike', async () => {
    const { manager } = await createCooperativeWithTeam(db)
    expect((await logIn(manager.email, { redirectTo: '/cart' })).location).toBe('/cart')
    // A guard's way back, e.g. the e-mail verification link opened while signed out.
    const customer = await createUser(db)
    const back = '/verify-email?token=abc123'
    expect((await logIn(customer.email, { redirectTo: back, from: '/' })).location).toBe(back)
    const admin = await createUser(db, { roles: ['admin'] })
    await enrolTotp(db, { userId: admin.id })
    expect((await logIn(admin.email, { redirectTo: '/admin/orders' })).location).toBe(
      '/login/two-factor?redirectTo=%2Fadmin%2Forders',
    )
  })

  test.each(openRedirects)('redirectTo and from %j are refused', async (target) => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    expect((await logIn(manager.email, { redirectTo: target })).location).toBe(
      `/coop/${cooperative.slug}`,
    )
    const customer = await createUser(db)
    expect((await logIn(customer.email, { redirectTo: target, from: target })).location).toBe(
      '/account',
    )
  })
})

describe('the login page remembers where the visitor came from', () => {
  test.each([
    [`${testOrigin}/products/argan?x=1`, '/products/argan?x=1'],
    ['https://evil.example/products/argan', ''],
    [`${testOrigin}/signup`, ''],
    ['not a url', ''],
  ])('Referer %s gives from %j', async (referer, from) => {
    const page = await call(loginLoader, makeRequest('/login', { headers: { referer } }))
    expect(dataOf<{ from: string }>(page).from).toBe(from)
  })
})
