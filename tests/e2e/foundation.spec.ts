import { expect, expectAccessible, logIn, switchLanguage, test } from './fixtures.ts'
import { startServer } from './server.ts'

test('the home page is in Arabic, right to left, with the demo cooperatives', async ({ page }) => {
  const response = await page.goto('/')
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'من صنع التعاونيات النسائية في المغرب',
  )
  await expect(page.getByRole('link', { name: 'Ifassen n Wakal' })).toBeVisible()
  // A cooperative that is still waiting for review is not shown.
  await expect(page.getByRole('link', { name: /Al Karma/ })).toHaveCount(0)
  const headers = response!.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  // Rendered for this request (its own nonce), or kept for anyone (its scripts' hashes).
  expect(headers['content-security-policy']).toMatch(/script-src 'self' '(nonce|sha256)-/)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  // Plain http: HSTS would mean nothing here (it is sent over HTTPS only).
  expect(headers['strict-transport-security']).toBeUndefined()
})

test('a page kept for anyone runs its scripts under a policy of their hashes (ADR 020)', async ({
  browser,
  baseURL,
}) => {
  // Each process keeps its own pages: fresh visitors until one is sent a kept copy.
  let kept = false
  for (let visit = 0; visit < 6 && !kept; visit++) {
    const context = await browser.newContext({ baseURL })
    const page = await context.newPage()
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
    const response = await page.goto('/about')
    const policy = response!.headers()['content-security-policy'] ?? ''
    kept = /script-src 'self' 'sha256-/.test(policy)
    if (kept) {
      expect(policy).not.toContain('nonce-')
      expect(await response!.text()).not.toContain('nonce=')
    }
    // Hydrated either way: the router of the page's own scripts is running.
    await page.waitForFunction(() => '__remixRouter' in window)
    expect(refused).toEqual([])
    await context.close()
  }
  expect(kept).toBe(true)
})

test('axe finds nothing on home, log in and sign up, in Arabic and French', async ({ page }) => {
  for (const path of ['/', '/login', '/signup']) {
    await page.goto(path)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expectAccessible(page)
  }
  await switchLanguage(page, 'Français')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  for (const path of ['/', '/login', '/signup']) {
    await page.goto(path)
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
    await expectAccessible(page)
  }
})

test('sign up, log out, log in with a wrong then the right password, switch languages, reset the password', async ({
  page,
}) => {
  const email = `houda-${Date.now()}@example.com`
  await page.goto('/signup')
  await page.getByLabel('الاسم الكامل').fill('Houda El Amrani')
  await page.getByLabel('البريد الإلكتروني').fill(email)
  await page.getByLabel('كلمة المرور', { exact: true }).fill('carob-couscous-2026')
  await page.getByLabel('أعيدوا كتابة كلمة المرور').fill('carob-couscous-2026')
  await page.getByRole('button', { name: 'أنشئوا حسابكم' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('status')).toHaveText('مرحبًا بكم في تعاون! حسابكم جاهز.')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'تسجيل الخروج', exact: true }).click()
  await expect(page.getByRole('link', { name: 'تسجيل الدخول' })).toBeVisible()

  await logIn(page, email, 'not-my-password')
  await expect(page.getByRole('alert')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.')
  await logIn(page, email, 'carob-couscous-2026')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { name: 'حسابي' })).toBeVisible()

  // The language switch keeps the page and flips the direction.
  await switchLanguage(page, 'Français')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible()
  await switchLanguage(page, 'العربية')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { name: 'حسابي' })).toBeVisible()

  await page.getByRole('button', { name: 'تسجيل الخروج', exact: true }).click()
  await expect(page.getByRole('link', { name: 'تسجيل الدخول' })).toBeVisible()
  await page.goto('/forgot-password')
  await page.getByLabel('البريد الإلكتروني').fill(email)
  await page.getByRole('button', { name: 'أرسلوا لي رابطًا' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText(email)

  await page.goto('/dev/mail')
  const message = page.getByRole('article', { name: 'اختاروا كلمة مرور جديدة لتعاون' }).first()
  await expect(message).toContainText(email)
  await message.getByRole('link').click()
  await page.getByLabel('كلمة المرور الجديدة').fill('new-fig-harvest-2027')
  await page.getByLabel('أعيدوا كتابة كلمة المرور').fill('new-fig-harvest-2027')
  await page.getByRole('button', { name: 'احفظوا كلمة المرور الجديدة' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('status')).toHaveText(
    'تم تغيير كلمة المرور. سجّلوا الدخول بكلمة المرور الجديدة.',
  )
  await logIn(page, email, 'new-fig-harvest-2027')
  await expect(page).toHaveURL(/\/account$/)
})

test('repeated failed log ins are throttled with a message saying when to retry', async ({
  page,
}) => {
  const email = `target-${Date.now()}@example.com`
  for (let i = 0; i < 5; i++) {
    await logIn(page, email, `wrong-password-${i}`)
    await expect(page.getByRole('alert')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.')
  }
  await logIn(page, email, 'wrong-password-6')
  await expect(page.getByRole('alert')).toHaveText(
    'محاولات كثيرة جدًا. حاولوا مرة أخرى بعد 15 دقيقة.',
  )
})

test('fields are checked on the server without JavaScript, next to each field', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: 'fr-FR' })
  const page = await context.newPage()
  await page.goto('/signup')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await page.getByLabel('Nom complet').fill('A')
  await page.getByLabel('E-mail').fill('pas-un-email')
  await page.getByLabel('Mot de passe', { exact: true }).fill('123')
  const response = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  expect((await response).status()).toBe(400)
  await expect(page.getByText('Le nom doit avoir au moins 2 caractères.')).toBeVisible()
  await expect(
    page.getByText('Saisissez une adresse e-mail valide, comme nom@exemple.com.'),
  ).toBeVisible()
  await expect(page.getByText('Le mot de passe doit avoir au moins 8 caractères.')).toBeVisible()
  await expect(page.getByLabel('E-mail')).toHaveValue('pas-un-email')
  await context.close()
})

test('unknown addresses get the localized 404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة')
  await expectAccessible(page)
})

test('guests are sent to log in; customers are refused the association pages', async ({ page }) => {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin$/)
})

test('with the database down, /healthz says 503 and pages show a friendly error, never a stack trace', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // Nothing listens on port 1: the database is unreachable from the start.
  const server = await startServer({
    DATABASE_URL: 'postgres://taawun@127.0.0.1:1/taawun',
    EXPECT_UNHEALTHY: '1',
  })
  try {
    const health = await page.request.get(`${server.url}/healthz`)
    expect(health.status()).toBe(503)
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' })
    const response = await page.goto(`${server.url}/`)
    expect(response?.status()).toBe(500)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('حدث خطأ ما')
    const requestId = response!.headers()['x-request-id']
    expect(requestId).toBeTruthy()
    await expect(page.getByText(requestId!)).toBeVisible()
    const html = await response!.text()
    expect(html).not.toMatch(/at \S+ \(|ECONNREFUSED|node_modules/)
  } finally {
    await server.stop()
  }
})
