import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FileField } from '#app/components/cooperative-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/forms.tsx'
import {
  AboutFieldset,
  AltTextsFieldset,
  blankVariantRow,
  ClaimsFieldset,
  FactsFieldset,
  MakersFieldset,
  VariantsFieldset,
  type VariantFormRow,
} from '#app/components/products/product-edit-fields.tsx'
import { GateReasons, type GateReasonView } from '#app/components/gate-reasons.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { listProductCategories } from '#app/modules/catalog/categories.server.ts'
import { maxProductImages } from '#app/modules/catalog/limits.ts'
import { factFormValues } from '#app/modules/catalog/facts.ts'
import { moneyInput } from '#app/modules/catalog/money.ts'
import { parseProductForm } from '#app/modules/catalog/product-form.server.ts'
import {
  addProductImages,
  getProductForEdit,
  moveProductImage,
  publishProduct,
  removeProductImage,
  updateProduct,
} from '#app/modules/catalog/products.server.ts'
import { certificationTypeNames, viewReasons } from '#app/modules/catalog/views.server.ts'
import { listMakers } from '#app/modules/cooperatives/makers.server.ts'
import { defaultLanguage, isLanguage } from '#app/modules/i18n/config.ts'
import { monthName as formatMonthName } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imageUrl } from '#app/modules/media/image-urls.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { badRequest, domainErrorReply, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

const claimCodes = ['organic', 'sdoq', 'halal', 'fair_trade', 'handmade'] as const

async function loadOwn(
  request: Request,
  slug: string | undefined,
  productId: string | undefined,
  role?: 'manager',
) {
  const scope = await requireCooperativeMember(request, slug, role)
  try {
    return { scope, edit: await getProductForEdit(scope, productId ?? '') }
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found')
      throw new Response('Not found', { status: 404 })
    throw error
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, edit } = await loadOwn(request, params.slug, params.productId, 'manager')
  const { t, language } = await getTranslator(request)
  const [categories, makers, names] = await Promise.all([
    listProductCategories(language),
    listMakers(scope.cooperative.id),
    certificationTypeNames(language),
  ])
  const p = edit.product
  return {
    noIndex: true,
    title: t('editProduct.metaTitle', { title: p.titleAr }),
    slug: scope.cooperative.slug,
    product: {
      id: p.id,
      slug: p.slug,
      status: p.status,
      kind: categories.find((c) => c.id === p.categoryId)?.kind ?? 'food',
    },
    values: {
      categoryId: p.categoryId,
      titleAr: p.titleAr,
      titleFr: p.titleFr ?? '',
      titleEn: p.titleEn ?? '',
      descriptionAr: p.descriptionAr,
      descriptionFr: p.descriptionFr ?? '',
      descriptionEn: p.descriptionEn ?? '',
      ...factFormValues(p.facts),
      seasonStartMonth: p.seasonStartMonth ? String(p.seasonStartMonth) : '',
      seasonEndMonth: p.seasonEndMonth ? String(p.seasonEndMonth) : '',
      madeToOrder: p.madeToOrder ? 'on' : '',
    } as Record<string, string>,
    claims: p.claims,
    makerIds: edit.makerIds,
    variants: edit.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      labelAr: v.labelAr,
      labelFr: v.labelFr ?? '',
      labelEn: v.labelEn ?? '',
      price: moneyInput(v.priceCentimes),
      stock: String(v.stockQuantity),
      stockShown: String(v.stockQuantity),
      weight: String(v.weightGrams),
    })),
    images: edit.images.map((i) => ({
      id: i.id,
      src: imageUrl(
        i.image.variants.find((v) => v.width === 320 && v.format === 'webp')?.key ?? i.image.key,
      ),
      altAr: i.altAr,
      altFr: i.altFr ?? '',
      altEn: i.altEn ?? '',
    })),
    reasons: viewReasons(edit.reasons, names, language),
    categories,
    makers: makers.map((m) => ({ id: m.id, name: m.name })),
    claimNames: Object.fromEntries(claimCodes.map((c) => [c, names[c] ?? c])),
  }
}

const imageIntent = z.object({
  intent: z.enum(['removeImage', 'moveUp', 'moveDown']),
  imageId: z.uuid(),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { scope, edit } = await loadOwn(request, params.slug, params.productId, 'manager')
  const { t, language } = await getTranslator(request)
  const productId = edit.product.id
  const here = `/coop/${scope.cooperative.slug}/products/${productId}`
  const requestId = context.requestId
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await readUploadForm(
      request,
      t,
      {
        maxFileBytes: 10 * 1024 * 1024,
        maxTotalBytes: 41 * 1024 * 1024,
        maxFiles: maxProductImages,
      },
      { field: 'photos', rateKey: scope.user.id },
    )
    if (!upload.ok) return upload.response
    const formData = upload.formData
    const photos = await Promise.all(
      formData
        .getAll('photos')
        .filter((f): f is File => f instanceof File && f.size > 0)
        .map(async (f) => ({
          bytes: Buffer.from(await f.arrayBuffer()),
          altAr: String(formData.get('newAltAr') ?? '')
            .trim()
            .slice(0, 200),
        })),
    )
    if (photos.length === 0)
      return badRequest({
        status: 'error',
        fieldErrors: { photos: t('errors.photoRequired') },
        values: {},
      })
    try {
      await addProductImages({ scope, productId, photos, requestId })
    } catch (error) {
      return domainErrorReply(error, formData, t)
    }
    return redirect(here, {
      headers: { 'Set-Cookie': await toastCookie('editProduct.photosAdded') },
    })
  }
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  try {
    if (intent === 'save') {
      const parsed = parseProductForm(formData, t)
      if (!parsed.ok) return badRequest(parsed.reply)
      await updateProduct({ scope, productId, update: parsed.update, requestId })
      return redirect(here, { headers: { 'Set-Cookie': await toastCookie('editProduct.saved') } })
    }
    if (intent === 'publish') {
      const result = await publishProduct({ scope, productId, requestId })
      if (!result.ok) {
        const names = await certificationTypeNames(language)
        return data(
          {
            status: 'error' as const,
            fieldErrors: {} as Record<string, string>,
            values: {} as Record<string, string>,
            formError: t('products.publishRefused'),
            refused: viewReasons(result.reasons, names, language),
          },
          { status: 409 },
        )
      }
      return redirect(`/coop/${scope.cooperative.slug}/products`, {
        headers: { 'Set-Cookie': await toastCookie('products.published') },
      })
    }
    const parsed = imageIntent.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response('Bad request', { status: 400 })
    if (parsed.data.intent === 'removeImage')
      await removeProductImage({ scope, productId, imageId: parsed.data.imageId, requestId })
    else
      await moveProductImage({
        scope,
        productId,
        imageId: parsed.data.imageId,
        direction: parsed.data.intent === 'moveUp' ? 'up' : 'down',
      })
    return redirect(here)
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
}

export default function EditProductPage() {
  const {
    product,
    values: saved,
    claims,
    makerIds,
    variants,
    images,
    reasons,
    categories,
    makers,
    claimNames,
    slug,
  } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const refused = reply && 'refused' in reply ? (reply.refused as GateReasonView[]) : null
  const { t, i18n } = useTranslation()
  const errors = (reply?.fieldErrors ?? {}) as Record<string, string>
  const values = { ...saved, ...((reply?.values ?? {}) as Record<string, string>) }
  // The Moroccan month names in Arabic, as everywhere (app/modules/i18n/format.ts).
  const monthName = (m: number) =>
    formatMonthName(m, isLanguage(i18n.language) ? i18n.language : defaultLanguage)
  const kind = product.kind
  // After a refused save, every variant row as it was typed (not as it was loaded).
  const typedRows = reply && 'variantRows' in reply ? (reply.variantRows as VariantFormRow[]) : null
  const variantRows = typedRows ?? [...variants, blankVariantRow]
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{saved.titleAr}</h1>
      <section className="card flex flex-col gap-3" aria-labelledby="sale-heading">
        <h2 id="sale-heading" className="text-xl font-semibold">
          {t('editProduct.onSaleTitle')}
        </h2>
        {reasons.length === 0 ? (
          <p className="flex flex-wrap gap-3 font-semibold text-olive">
            {t('products.state.onSale')}
            <a href={`/products/${product.slug}`}>{t('editProduct.viewPublic')}</a>
          </p>
        ) : (
          <GateReasons reasons={reasons} slug={slug} />
        )}
        {refused ? (
          <div
            role="alert"
            className="rounded-lg border-2 border-danger bg-danger-light p-3 text-danger"
          >
            <p className="font-semibold">{reply?.formError}</p>
            <GateReasons reasons={refused} slug={slug} />
          </div>
        ) : null}
        {product.status !== 'published' ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="btn-primary">
              {t('products.publish')}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card flex flex-col gap-3" aria-labelledby="photos-heading">
        <h2 id="photos-heading" className="text-xl font-semibold">
          {t('editProduct.photos', { max: maxProductImages })}
        </h2>
        <ol className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {images.map((img, index) => (
            <li key={img.id} className="flex flex-col gap-2">
              <img
                src={img.src}
                alt={img.altAr}
                width={160}
                height={160}
                className="aspect-square w-full rounded-lg object-cover"
              />
              <Form method="post" className="flex gap-1">
                <input type="hidden" name="imageId" value={img.id} />
                <button
                  type="submit"
                  name="intent"
                  value="moveUp"
                  disabled={index === 0}
                  className="btn-secondary min-h-12 px-2"
                  aria-label={t('editProduct.moveEarlier', { n: index + 1 })}
                >
                  <ArrowUp aria-hidden size={18} />
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="moveDown"
                  disabled={index === images.length - 1}
                  className="btn-secondary min-h-12 px-2"
                  aria-label={t('editProduct.moveLater', { n: index + 1 })}
                >
                  <ArrowDown aria-hidden size={18} />
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="removeImage"
                  className="btn-danger min-h-12 px-2"
                  aria-label={t('editProduct.removePhoto', { n: index + 1 })}
                >
                  <Trash2 aria-hidden size={18} />
                </button>
              </Form>
            </li>
          ))}
        </ol>
        {images.length < maxProductImages ? (
          <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3">
            <FileField
              name="photos"
              label={t('editProduct.addPhotos')}
              accept="image/jpeg,image/png,image/webp,image/avif"
              multiple
              error={errors.photos}
            />
            <Field label={t('editProduct.newAlt')} name="newAltAr" />
            <button type="submit" className="btn-secondary self-start">
              {t('editProduct.upload')}
            </button>
          </Form>
        ) : (
          <p>{t('editProduct.photosFull', { max: maxProductImages })}</p>
        )}
      </section>

      <Form method="post" className="flex flex-col gap-6" noValidate>
        <input type="hidden" name="intent" value="save" />
        <FormError error={refused ? undefined : reply?.formError} />
        <AboutFieldset categories={categories} values={values} errors={errors} />
        <FactsFieldset kind={kind} values={values} errors={errors} monthName={monthName} />
        <ClaimsFieldset
          claimCodes={claimCodes}
          claimNames={claimNames}
          claims={claims}
          error={errors.claims}
        />
        <MakersFieldset makers={makers} makerIds={makerIds} error={errors.makerIds} />
        <VariantsFieldset rows={variantRows} errors={errors} />
        <AltTextsFieldset images={images} />
        <button type="submit" className="btn-primary self-start">
          {t('editProduct.save')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
