import { type Browser, type Page } from '@playwright/test'
import sharp from 'sharp'
import { msg } from './catalogue.ts'
import { confirmEmailFromMailbox, expect, expectAccessible, logIn, test } from './fixtures.ts'
import { adminEmail, adminPassword } from './global-setup.ts'

const ar = (key: string, values?: Record<string, string>) => msg('ar', key, values)

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  ),
})

async function newPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: 'ar-MA' })
  return context.newPage()
}

async function fillApplication(page: Page, stamp: string) {
  await page.getByLabel(ar('fields.name'), { exact: true }).fill('زهرة المرابط')
  await page.getByLabel(ar('fields.email'), { exact: true }).fill(`zahra-${stamp}@example.com`)
  await page.getByLabel(ar('fields.password'), { exact: true }).fill('weaving-of-oued-laou-26')
  await page
    .getByLabel(ar('cooperativeForm.legalNameAr'), { exact: true })
    .fill('تعاونية أزطا النسوية للنسيج')
  await page
    .getByLabel(ar('cooperativeForm.legalNameFr'), { exact: true })
    .fill('Coopérative féminine Azetta de tissage')
  await page.getByLabel(ar('cooperativeForm.displayName'), { exact: true }).fill(`Azetta ${stamp}`)
  await page.getByLabel(ar('cooperativeForm.category'), { exact: true }).selectOption('craft')
  await page.getByLabel(ar('cooperativeForm.memberCount'), { exact: true }).fill('11')
  await page.getByLabel(ar('cooperativeForm.womenMemberCount'), { exact: true }).fill('11')
  await page.getByLabel(ar('cooperativeForm.foundedYear'), { exact: true }).fill('2018')
  await page.getByLabel(ar('cooperativeForm.registerNumber'), { exact: true }).fill('2018/44')
  await page
    .getByLabel(ar('cooperativeForm.registerCourt'), { exact: true })
    .fill('Tribunal de première instance de Tétouan')
  // A unique valid ICE per run: 13 digits from the time, then the two check digits.
  const first13 = stamp.padStart(13, '0').slice(-13)
  const ice = first13 + String((97n - ((BigInt(first13) * 100n) % 97n)) % 97n).padStart(2, '0')
  await page.getByLabel(ar('cooperativeForm.ice'), { exact: true }).fill(ice)
  await page.getByLabel(ar('cooperativeForm.taxId'), { exact: true }).fill('41234567')
  await page
    .getByLabel(ar('cooperativeForm.region'), { exact: true })
    .selectOption('tanger-tetouan-al-hoceima')
  await page.getByLabel(ar('cooperativeForm.province'), { exact: true }).selectOption('tetouan')
  await page.getByLabel(ar('cooperativeForm.commune'), { exact: true }).fill('Oued Laou')
  await page
    .getByLabel(ar('cooperativeForm.address'), { exact: true })
    .fill('حي الشاطئ، قرب المسجد الكبير')
  await page.getByLabel(ar('cooperativeForm.phone'), { exact: true }).fill('0661234567')
  await page
    .getByLabel(ar('cooperativeForm.email'), { exact: true })
    .fill(`azetta-${stamp}@example.com`)
  await page
    .getByLabel(ar('cooperativeForm.storyAr'), { exact: true })
    .fill('نساء وادي لاو ينسجن المنديل الجبلي المخطط بالأحمر والأبيض كما ورثنه عن جداتهن.')
  await page.getByLabel(ar('cooperativeForm.rib'), { exact: true }).fill('001810007800020110620318')
  await page
    .getByLabel(ar('cooperativeForm.accountHolder'), { exact: true })
    .fill('Coopérative féminine Azetta')
  const logo = await sharp({
    create: { width: 300, height: 300, channels: 3, background: '#a8432a' },
  })
    .png()
    .toBuffer()
  await page
    .getByLabel(ar('cooperativeForm.logo'), { exact: true })
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo })
  await page
    .getByLabel(ar('documentKind.statutes'), { exact: true })
    .setInputFiles(pdf('statutes.pdf'))
  await page
    .getByLabel(ar('documentKind.register_extract'), { exact: true })
    .setInputFiles(pdf('register.pdf'))
  await page
    .getByLabel(ar('documentKind.bank_attestation'), { exact: true })
    .setInputFiles(pdf('bank.pdf'))
}

test('a cooperative applies, is rejected, corrects, is approved, and invites a member (Arabic)', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const stamp = String(Date.now())
  const name = `Azetta ${stamp}`

  await page.goto('/')
  await page
    .getByRole('link', { name: ar('footer.join') })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('join.title'))
  await expectAccessible(page)
  await fillApplication(page, stamp)
  await page.getByRole('button', { name: ar('join.submit') }).click()
  // Her new account acts for the cooperative once her e-mail address is confirmed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('verifyEmail.title'))
  await expectAccessible(page)
  const dashboardPath = new URL(page.url()).searchParams.get('redirectTo')!
  await confirmEmailFromMailbox(page, `zahra-${stamp}@example.com`)
  await page.goto(dashboardPath)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByText(ar('coop.banner.applied.title'))).toBeVisible()
  const dashboard = page.url()
  const slug = new URL(dashboard).pathname.split('/')[2]!
  await expectAccessible(page)
  expect((await page.request.get(`/cooperatives/${slug}`)).status()).toBe(404)

  // The reviewer rejects with a reason.
  const reviewer = await newPage(browser, baseURL)
  await logIn(reviewer, adminEmail, adminPassword)
  await reviewer.goto('/admin/cooperatives')
  await expectAccessible(reviewer)
  await reviewer.getByRole('link', { name }).click()
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText(name)
  await expectAccessible(reviewer)
  await reviewer
    .getByLabel(ar('review.reason'), { exact: true })
    .fill('مستخرج السجل غير مقروء، المرجو إرسال نسخة أوضح.')
  await reviewer.getByRole('button', { name: ar('review.decision.reject') }).click()
  await expect(reviewer.getByRole('status')).toHaveText(ar('review.done.reject'))

  // The manager sees why, corrects and sends again.
  await page.reload()
  await expect(page.getByText(ar('coop.banner.rejected.title'))).toBeVisible()
  await expect(page.getByText('مستخرج السجل غير مقروء')).toBeVisible()
  await page.getByRole('link', { name: ar('coop.banner.rejected.action') }).click()
  await expect(page.getByRole('heading', { name: ar('profile.resubmitTitle') })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel(ar('cooperativeForm.registerNumber'), { exact: true }).fill('2018/45')
  await page
    .getByLabel(ar('documentKind.register_extract'), { exact: true })
    .setInputFiles(pdf('register-clear.pdf'))
  await page.getByRole('button', { name: ar('profile.resubmit') }).click()
  await expect(page.getByText(ar('coop.banner.applied.title'))).toBeVisible()

  // The reviewer approves.
  await reviewer.goto('/admin/cooperatives')
  await reviewer.getByRole('link', { name }).click()
  await reviewer.getByRole('button', { name: ar('review.decision.approve') }).click()
  await expect(reviewer.getByRole('status')).toHaveText(ar('review.done.approve'))
  expect((await page.request.get(`/cooperatives/${slug}`)).status()).toBe(200)

  // The manager invites a member.
  await page.goto(dashboard)
  await expect(page.getByText(ar('coop.banner.active.title'))).toBeVisible()
  await page.getByRole('link', { name: ar('coop.tiles.team') }).click()
  await expectAccessible(page)
  const memberEmail = `amal-${stamp}@example.com`
  await page.getByLabel(ar('fields.email'), { exact: true }).fill(memberEmail)
  await page.getByRole('button', { name: ar('team.invite') }).click()
  await expect(page.getByRole('status')).toHaveText(ar('team.invited'))

  // The member opens the link from the mailbox, creates her account and joins.
  const member = await newPage(browser, baseURL)
  await member.goto('/dev/mail')
  const invitation = member.getByRole('article').filter({ hasText: memberEmail }).first()
  await invitation.getByRole('link').click()
  await expect(
    member.getByText(
      ar('invitation.body', { cooperative: name, role: ar('membershipRole.member') }),
    ),
  ).toBeVisible()
  await expectAccessible(member)
  const invitationUrl = member.url()
  await member.getByRole('link', { name: ar('invitation.createAccount') }).click()
  await member.getByLabel(ar('fields.name'), { exact: true }).fill('أمل البقالي')
  await member.getByLabel(ar('fields.email'), { exact: true }).fill(memberEmail)
  await member.getByLabel(ar('fields.password'), { exact: true }).fill('mendil-stripes-2026')
  await member.getByLabel(ar('fields.confirmPassword'), { exact: true }).fill('mendil-stripes-2026')
  await member.getByRole('button', { name: ar('signup.submit') }).click()
  // Accepting needs the address confirmed: anyone could have signed up with it.
  await member.getByRole('button', { name: ar('invitation.accept') }).click()
  await expect(member.getByRole('alert')).toHaveText(ar('verifyEmail.errors.notVerified'))
  await confirmEmailFromMailbox(member, memberEmail)
  await member.goto(invitationUrl)
  await member.getByRole('button', { name: ar('invitation.accept') }).click()
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(
    member.getByText(ar('coop.youAre', { role: ar('membershipRole.member') })),
  ).toBeVisible()
  await expectAccessible(member)

  // The public page of the approved cooperative.
  await page.goto(`/cooperatives/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expectAccessible(page)
})
