import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CategoryIcon } from '#app/components/category-icon.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FieldError, FormError } from '#app/components/forms.tsx'
import { PhotoStep, StepNumber } from '#app/components/products/quick-add.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { listProductCategories } from '#app/modules/catalog/categories.server.ts'
import { createProductQuick } from '#app/modules/catalog/products.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import { domainErrorReply, type FormReply, parseForm } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { moneyField, wholeNumberField } from '#app/utils/numbers.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  return {
    noIndex: true,
    title: t('newProduct.metaTitle'),
    categories: await listProductCategories(language),
  }
}

const schema = z.object({
  categoryId: z.uuid({ error: 'errors.unknownCategory' }),
  titleAr: z
    .string({ error: 'errors.required' })
    .trim()
    .min(2, { error: 'errors.tooShort' })
    .max(120, { error: 'errors.tooLong' }),
  // Arabic-Indic digits, «85,50», «85 درهم»: app/utils/numbers.ts.
  price: moneyField({ min: 1, error: 'errors.priceInvalid', required: 'errors.required' }),
  stock: wholeNumberField({
    min: 0,
    max: 999_999,
    error: 'errors.stockInvalid',
    required: 'errors.required',
  }),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const upload = await readUploadForm(
    request,
    t,
    {
      maxFileBytes: 10 * 1024 * 1024,
      maxTotalBytes: 11 * 1024 * 1024,
      maxFiles: 1,
    },
    { rateKey: scope.user.id },
  )
  if (!upload.ok) return upload.response
  const formData = upload.formData
  const parsed = parseForm(formData, schema, t)
  const photo = formData.get('photo')
  const photoBytes =
    photo instanceof File && photo.size > 0 ? Buffer.from(await photo.arrayBuffer()) : null
  if (!parsed.ok || !photoBytes) {
    const reply: FormReply = parsed.ok
      ? { status: 'error', fieldErrors: {}, values: {} }
      : parsed.reply
    if (!photoBytes) reply.fieldErrors.photo = t('errors.photoRequired')
    reply.values = Object.fromEntries(
      [...formData.entries()].filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>
    return data(reply, { status: 400 })
  }
  let created
  try {
    created = await createProductQuick({
      scope,
      photo: photoBytes,
      categoryId: parsed.data.categoryId,
      titleAr: parsed.data.titleAr,
      priceCentimes: parsed.data.price,
      stockQuantity: parsed.data.stock,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/coop/${scope.cooperative.slug}/products/${created.id}`, {
    headers: { 'Set-Cookie': await toastCookie('newProduct.saved') },
  })
}

/** The form's fields in screen order: after an error, the first wrong one gets the focus. */
const fieldOrder = ['photo', 'categoryId', 'titleAr', 'price', 'stock'] as const

export default function NewProductPage() {
  const { categories } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const errors: Record<string, string | undefined> = reply?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = reply?.values ?? {}
  // Without JavaScript the server's page carries `autofocus` on the first wrong field; with
  // it, the effect below moves the focus there after each failed submission.
  const firstWrong = fieldOrder.find((name) => errors[name])
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!reply) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [reply])
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('newProduct.title')}</h1>
      <Form
        ref={formRef}
        method="post"
        encType="multipart/form-data"
        className="flex flex-col gap-6"
        noValidate
      >
        <FormError error={reply?.formError} />
        <PhotoStep error={errors.photo} autoFocus={firstWrong === 'photo'} />
        <fieldset
          className="card flex flex-col gap-3"
          aria-describedby={errors.categoryId ? 'category-error' : undefined}
        >
          <legend className="text-xl font-semibold">
            <StepNumber n={2} />
            {t('newProduct.stepCategory')}
          </legend>
          <FieldError id="category-error" error={errors.categoryId} />
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {categories.map((c, i) => (
              <label
                key={c.id}
                className="flex min-h-28 cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-sand-dark bg-white p-2 text-center has-[:checked]:border-blue has-[:checked]:bg-blue-light has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue"
              >
                <input
                  type="radio"
                  name="categoryId"
                  value={c.id}
                  defaultChecked={values.categoryId === c.id}
                  className="sr-only"
                  aria-invalid={errors.categoryId && i === 0 ? true : undefined}
                  autoFocus={firstWrong === 'categoryId' && i === 0}
                />
                <CategoryIcon icon={c.icon} className="text-terracotta" />
                <span className="font-semibold">{c.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <section className="card flex flex-col gap-4">
          <h2 className="text-xl font-semibold">
            <StepNumber n={3} />
            {t('newProduct.stepDetails')}
          </h2>
          <Field
            label={t('newProduct.name')}
            name="titleAr"
            dir="auto"
            required
            defaultValue={values.titleAr}
            error={errors.titleAr}
            autoFocus={firstWrong === 'titleAr'}
          />
          {/* type="text": a number input would refuse Arabic-Indic digits and «85,50 درهم». */}
          <Field
            label={t('newProduct.price')}
            hint={t('newProduct.priceHint')}
            name="price"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            dir="ltr"
            required
            defaultValue={values.price}
            error={errors.price}
            autoFocus={firstWrong === 'price'}
          />
          <Field
            label={t('newProduct.quantity')}
            name="stock"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            required
            defaultValue={values.stock ?? '1'}
            error={errors.stock}
            autoFocus={firstWrong === 'stock'}
          />
        </section>
        <button type="submit" className="btn-primary self-start text-lg">
          {t('newProduct.save')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
