import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FileField } from '#app/components/cooperative-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FieldError, FormError, SelectField } from '#app/components/forms.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import { listCooperativeProductTitles } from '#app/modules/catalog/titles.server.ts'
import {
  certificationTypeRules,
  submitCertificate,
} from '#app/modules/certification/certificates.server.ts'
import { maxEvidenceFiles } from '#app/modules/certification/limits.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import { domainErrorReply, parseForm } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { certificationCodes } from '#db/schema/reference.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  const type = new URL(request.url).searchParams.get('type')
  return {
    noIndex: true,
    title: t('newCertificate.metaTitle'),
    types: await certificationTypeNames(language),
    rules: await certificationTypeRules(),
    products: await listCooperativeProductTitles(scope.cooperative.id, language),
    preselected: type && (certificationCodes as readonly string[]).includes(type) ? type : '',
  }
}

const date = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) {
        if (required) ctx.addIssue({ code: 'custom', message: 'errors.required' })
        return null
      }
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
      const parsed = match ? new Date(`${v}T00:00:00Z`) : null
      const year = Number(match?.[1])
      if (
        !parsed ||
        Number.isNaN(parsed.getTime()) ||
        parsed.toISOString().slice(0, 10) !== v ||
        year < 1950 ||
        year > 2200
      ) {
        ctx.addIssue({ code: 'custom', message: 'errors.dateInvalid' })
        return z.NEVER
      }
      return parsed
    })

const schema = z
  .object({
    type: z.enum(certificationCodes, { error: 'errors.chooseOne' }),
    issuingBody: z
      .string({ error: 'errors.required' })
      .trim()
      .min(2, { error: 'errors.required' })
      .max(120, { error: 'errors.tooLong' }),
    number: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { error: 'errors.required' })
      .max(80, { error: 'errors.tooLong' }),
    signName: z
      .string()
      .trim()
      .max(160, { error: 'errors.tooLong' })
      .optional()
      .transform((v) => v || null),
    scope: z.enum(['cooperative', 'products'], { error: 'errors.chooseOne' }),
    productIds: z.array(z.uuid({ error: 'errors.tampered' })).default([]),
    issuedAt: date(true),
    expiresAt: date(false),
  })
  .refine((v) => !v.expiresAt || !v.issuedAt || v.expiresAt > v.issuedAt, {
    path: ['expiresAt'],
    error: 'errors.expiryBeforeIssue',
  })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const upload = await readUploadForm(
    request,
    t,
    {
      maxFileBytes: 10 * 1024 * 1024,
      maxTotalBytes: 51 * 1024 * 1024,
      maxFiles: maxEvidenceFiles,
    },
    { field: 'files', rateKey: scope.user.id },
  )
  if (!upload.ok) return upload.response
  const formData = upload.formData
  const parsed = parseForm(formData, schema, t, { arrays: ['productIds'] })
  if (!parsed.ok) return data(parsed.reply, { status: 400 })
  const files = await Promise.all(
    formData
      .getAll('files')
      .filter((f): f is File => f instanceof File && f.size > 0)
      .map(async (f) => Buffer.from(await f.arrayBuffer())),
  )
  try {
    await submitCertificate({
      scope,
      certificate: { ...parsed.data, issuedAt: parsed.data.issuedAt! },
      files,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/coop/${scope.cooperative.slug}/certificates`, {
    headers: { 'Set-Cookie': await toastCookie('newCertificate.sent') },
  })
}

export default function NewCertificatePage() {
  const { types, rules, products, preselected } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const errors = reply?.fieldErrors ?? {}
  const values = reply?.values ?? {}
  const [type, setType] = useState<string>(values.type ?? preselected)
  // Only the scopes the chosen type allows are offered (ONSSA: the whole cooperative).
  const allowed = rules[type]?.scope ?? 'either'
  const chosenProducts = new Set((values.productIds ?? '').split(',').filter(Boolean))
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('newCertificate.title')}</h1>
      <p className="text-ink-soft">{t('newCertificate.intro')}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="card flex flex-col gap-4"
        noValidate
      >
        <FormError error={reply?.formError} />
        <SelectField
          label={t('newCertificate.type')}
          name="type"
          value={type}
          onChange={(event) => setType(event.currentTarget.value)}
          error={errors.type}
          required
        >
          <option value="">{t('cooperativeForm.choose')}</option>
          {Object.entries(types).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('newCertificate.issuingBody')}
          name="issuingBody"
          required
          defaultValue={values.issuingBody}
          error={errors.issuingBody}
        />
        <Field
          label={t('newCertificate.number')}
          name="number"
          dir="ltr"
          required
          defaultValue={values.number}
          error={errors.number}
        />
        <Field
          label={t('newCertificate.signName')}
          hint={t('newCertificate.signNameHint')}
          name="signName"
          defaultValue={values.signName}
          error={errors.signName}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('newCertificate.issuedAt')}
            name="issuedAt"
            type="date"
            dir="ltr"
            required
            defaultValue={values.issuedAt}
            error={errors.issuedAt}
          />
          <Field
            label={t('newCertificate.expiresAt')}
            hint={t('newCertificate.expiresAtHint')}
            name="expiresAt"
            type="date"
            dir="ltr"
            defaultValue={values.expiresAt}
            error={errors.expiresAt}
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t('newCertificate.scope')}</legend>
          {allowed === 'cooperative' ? (
            <>
              <input type="hidden" name="scope" value="cooperative" />
              <p>{t('newCertificate.scopeFixedCooperative')}</p>
            </>
          ) : allowed === 'product' ? (
            <>
              <input type="hidden" name="scope" value="products" />
              <p>{t('newCertificate.scopeFixedProducts')}</p>
            </>
          ) : (
            <>
              <label className="flex min-h-12 items-center gap-3">
                <input
                  type="radio"
                  name="scope"
                  value="cooperative"
                  className="size-6"
                  defaultChecked={(values.scope ?? 'cooperative') === 'cooperative'}
                />
                {t('newCertificate.scopeCooperative')}
              </label>
              <label className="flex min-h-12 items-center gap-3">
                <input
                  type="radio"
                  name="scope"
                  value="products"
                  className="size-6"
                  defaultChecked={values.scope === 'products'}
                />
                {t('newCertificate.scopeProducts')}
              </label>
            </>
          )}
          <FieldError error={errors.scope} />
          {products.length && allowed !== 'cooperative' ? (
            <div className={`flex flex-col gap-1 ${allowed === 'either' ? 'ms-8' : ''}`}>
              {products.map((p) => (
                <label key={p.id} className="flex min-h-12 items-center gap-3">
                  <input
                    type="checkbox"
                    name="productIds"
                    value={p.id}
                    className="size-6"
                    defaultChecked={chosenProducts.has(p.id)}
                  />
                  {p.title}
                </label>
              ))}
            </div>
          ) : null}
          <FieldError error={errors.productIds} />
        </fieldset>
        <FileField
          name="files"
          label={t('newCertificate.files', { max: maxEvidenceFiles })}
          accept="application/pdf,image/jpeg,image/png"
          required
          multiple
          error={errors.files}
        />
        <button type="submit" className="btn-primary self-start">
          {t('newCertificate.submit')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
