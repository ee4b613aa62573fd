import sharp from 'sharp'
import { msg } from './catalogue.ts'
import { expect, expectAccessible, logIn, test } from './fixtures.ts'

// Issue 14, trust and clarity: a manager on her phone, in Arabic, adds a product with an
// Arabic-only name and a price typed on an Arabic keyboard («٨٥,٥٠ درهم»). Ifassen n'Wakal
// makes pottery, which needs no certificate to be sold (db/seed/data).
const cooperative = 'ifassen-n-wakal'
const managerEmail = 'naima.ahrouch@demo.taawun.ma'
const demoPassword = 'taawun-demo-2026'
const ar = (key: string, values?: Record<string, string>) => msg('ar', key, values)

const arabicIndic = (digits: string) => digits.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)

test.use({ viewport: { width: 412, height: 915 } })

test('a manager signs in to her dashboard and adds a product priced in Arabic-Indic digits; its address stays Arabic', async ({
  page,
}) => {
  test.setTimeout(180_000)
  // A name of this run only: Arabic letters and Arabic-Indic digits.
  const run = String(Date.now() % 1_000_000)
  const title = `طاجين من الفخار ${arabicIndic(run)}`
  const slug = `طاجين-من-الفخار-${run}`

  await logIn(page, managerEmail, demoPassword)
  // Where her work is: the cooperative's dashboard, not the account page.
  await expect(page).toHaveURL(new RegExp(`/coop/${cooperative}$`))
  await page
    .getByRole('main')
    .getByRole('link', { name: ar('coop.tiles.products') })
    .click()
  await page.getByRole('link', { name: ar('products.add') }).click()

  // The photo first, from the gallery (the other button opens the camera).
  const main = page.getByRole('main')
  const headings = main.getByRole('heading', { level: 2 })
  await expect(headings.first()).toHaveText(new RegExp(ar('newProduct.stepPhoto')))
  await expect(page.getByLabel(ar('newProduct.takePhoto'))).toHaveAttribute(
    'capture',
    'environment',
  )
  const gallery = page.getByLabel(ar('newProduct.photo'))
  await expect(gallery).not.toHaveAttribute('capture')
  const photo = await sharp({
    create: { width: 800, height: 800, channels: 3, background: '#b5651d' },
  })
    .jpeg()
    .toBuffer()
  await gallery.setInputFiles({ name: 'tajine.jpg', mimeType: 'image/jpeg', buffer: photo })
  // The chosen photo is shown before anything is sent.
  await expect(page.getByRole('img', { name: ar('newProduct.photoPreview') })).toBeVisible()

  await page.getByRole('radio', { name: 'الفخار' }).check({ force: true })
  await page.getByLabel(ar('newProduct.name'), { exact: true }).fill(title)
  const price = page.getByLabel(ar('newProduct.price'), { exact: true })
  const quantity = page.getByLabel(ar('newProduct.quantity'), { exact: true })
  await expect(price).toHaveAttribute('inputmode', 'decimal')
  await expect(quantity).toHaveAttribute('inputmode', 'numeric')

  // A price that is not a number: said in Arabic, the focus on the price, nothing lost.
  await price.fill('ثمانون')
  await quantity.fill('٣')
  await page.getByRole('button', { name: ar('newProduct.save') }).click()
  await expect(main.getByText(ar('errors.priceInvalid'))).toBeVisible()
  await expect(price).toBeFocused()
  await expect(page.getByLabel(ar('newProduct.name'), { exact: true })).toHaveValue(title)
  await expect(quantity).toHaveValue('٣')
  await expectAccessible(page)

  await price.fill('٨٥,٥٠ درهم')
  await page.getByRole('button', { name: ar('newProduct.save') }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('status')).toHaveText(ar('newProduct.saved'))

  // Stored as 85.50 MAD: the edit form shows it back, and the public page after publishing.
  const firstVariant = page.getByRole('main').getByLabel(ar('editProduct.price')).first()
  await expect(firstVariant).toHaveValue('85.50')
  await page.getByRole('button', { name: ar('products.publish') }).click()
  await expect(page).toHaveURL(new RegExp(`/coop/${cooperative}/products$`))

  const response = await page.goto(`/products/${encodeURIComponent(slug)}`)
  expect(response?.status()).toBe(200)
  // The address is readable: Arabic letters, not a transliteration or an id.
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/products/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('main')).toContainText(/85[.,٫]50/)
  await expectAccessible(page)
})
