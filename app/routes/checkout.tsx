import crypto from 'node:crypto'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field, FormError, Honeypot } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckoutSummary } from '#app/components/orders/checkout-summary.tsx'
import { RegionProvinceFields } from '#app/components/region-province.tsx'
import {
  getOptionalUser,
  isEmailVerified,
  requireVerifiedUser,
} from '#app/modules/auth/guards.server.ts'
import { reviewCart } from '#app/modules/cart/cart.server.ts'
import { checkoutSchema } from '#app/modules/orders/checkout-form.server.ts'
import {
  loadShippingRates,
  placeOrder,
  resolveDestination,
  summarize,
  SummaryChanged,
} from '#app/modules/orders/checkout.server.ts'
import { summaryView } from '#app/modules/orders/views.server.ts'
import { availablePaymentMethods } from '#app/modules/payments/methods.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { listRegionsWithProvinces } from '#app/modules/reference/places.server.ts'
import { cartOwnerOf } from '#app/utils/cart-cookie.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { parseForm, readFormData, rejectBots } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

async function quote(
  request: Request,
  language: Language,
  regionCode: string,
  provinceCode: string,
) {
  const owner = await cartOwnerOf(request)
  const [review, rates, destination] = await Promise.all([
    reviewCart(owner, language),
    loadShippingRates(),
    regionCode && provinceCode ? resolveDestination(regionCode, provinceCode) : null,
  ])
  const summary = summarize(review, rates, destination)
  return { review, summary, destination, view: summaryView(review, summary, language) }
}

/**
 * Guests may order; an account orders in its own name only once its e-mail address is
 * verified (otherwise anyone could fill someone else's order history).
 */
async function checkoutUser(request: Request) {
  const user = await getOptionalUser(request)
  return user && !isEmailVerified(user) ? requireVerifiedUser(request) : user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await checkoutUser(request)
  const { t, language } = await getTranslator(request)
  const { review, view } = await quote(request, language, '', '')
  if (review.count === 0 || review.hasUnavailable) throw redirect('/cart')
  return {
    noIndex: true,
    title: t('checkout.metaTitle'),
    summary: view,
    digest: null as string | null,
    idempotencyKey: crypto.randomUUID(),
    regions: await listRegionsWithProvinces(language),
    methods: availablePaymentMethods(),
    prefill: { contactName: user?.name ?? '', email: user?.email ?? '' },
  }
}

function typedValues(formData: FormData) {
  const values: Record<string, string> = {}
  for (const [key, value] of formData) if (typeof value === 'string') values[key] = value
  return values
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await checkoutUser(request)
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  rejectBots(formData)
  const regionCode = String(formData.get('regionCode') ?? '').slice(0, 64)
  const provinceCode = String(formData.get('provinceCode') ?? '').slice(0, 64)
  const current = await quote(request, language, regionCode, provinceCode)
  const shown = { summary: current.view, digest: current.summary.digest }
  // The delivery cost for the address typed so far: nothing is written.
  if (formData.get('intent') === 'quote') {
    return { status: 'quote' as const, values: typedValues(formData), ...shown }
  }
  const parsed = parseForm(formData, checkoutSchema, t)
  const fieldErrors = parsed.ok ? {} : { ...parsed.reply.fieldErrors }
  if (!current.destination && regionCode && provinceCode)
    fieldErrors.provinceCode = t('checkout.errors.province')
  if (formData.get('terms') !== 'on') fieldErrors.terms = t('checkout.errors.terms')
  if (!parsed.ok || Object.keys(fieldErrors).length) {
    return data(
      { status: 'error' as const, fieldErrors, values: typedValues(formData), ...shown },
      { status: 400 },
    )
  }
  const input = parsed.data
  try {
    const placed = await placeOrder({
      owner: await cartOwnerOf(request),
      idempotencyKey: input.idempotencyKey,
      digest: input.digest,
      contactName: input.contactName,
      phone: input.phone,
      email: input.email,
      regionCode: input.regionCode,
      provinceCode: input.provinceCode,
      city: input.city,
      addressLine: input.addressLine,
      postcode: input.postcode,
      locale: language,
      paymentMethod: input.paymentMethod,
    })
    if (placed.redirectTo) return redirect(placed.redirectTo)
    const search = new URLSearchParams({ placed: '1' })
    // A guest's page opens with the tracking token; a signed-in customer's with the account.
    if (!user) search.set('token', placed.token)
    return redirect(`/orders/${placed.number}?${search}`)
  } catch (error) {
    if (!isDomainError(error)) throw error
    const message =
      error instanceof SummaryChanged
        ? t('checkout.errors.summaryChanged')
        : t(error.messageKey, error.details)
    return data(
      {
        status: 'error' as const,
        fieldErrors: error.field ? { [error.field]: message } : {},
        formError: error.field ? undefined : message,
        values: typedValues(formData),
        ...shown,
      },
      { status: error.status },
    )
  }
}

export default function CheckoutPage() {
  const loaded = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const quoted = useFetcher<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  // The newest quote wins: from the page's own submit, or from a province chosen with JavaScript.
  // (Without JavaScript no effect runs: the page rendered after a submit starts from its reply.)
  const [shown, setShown] = useState(() =>
    reply
      ? { summary: reply.summary, digest: reply.digest }
      : { summary: loaded.summary, digest: loaded.digest },
  )
  useEffect(() => {
    if (reply) setShown({ summary: reply.summary, digest: reply.digest })
  }, [reply])
  useEffect(() => {
    if (quoted.data) setShown({ summary: quoted.data.summary, digest: quoted.data.digest })
  }, [quoted.data])
  const { summary, digest } = shown
  const values = reply?.values
  const errors: Record<string, string | undefined> =
    reply && 'fieldErrors' in reply ? reply.fieldErrors : {}
  const formError =
    reply && 'formError' in reply && typeof reply.formError === 'string'
      ? reply.formError
      : undefined
  const requote = (form: HTMLFormElement) => {
    const fields = new FormData(form)
    quoted.submit(
      {
        intent: 'quote',
        regionCode: String(fields.get('regionCode') ?? ''),
        provinceCode: String(fields.get('provinceCode') ?? ''),
      },
      { method: 'post' },
    )
  }
  const value = (name: string, fallback = '') => values?.[name] ?? fallback
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
      <h1 className="text-3xl font-semibold">{t('checkout.title')}</h1>
      <Form
        method="post"
        className="flex flex-col gap-6"
        noValidate
        onChange={(event) => {
          const name = (event.target as HTMLElement).getAttribute('name')
          if (name === 'provinceCode') requote(event.currentTarget)
        }}
      >
        <FormError error={formError} />
        <Honeypot />
        <input
          type="hidden"
          name="idempotencyKey"
          value={value('idempotencyKey', loaded.idempotencyKey)}
        />
        <input type="hidden" name="digest" value={digest ?? ''} />
        <fieldset className="card flex flex-col gap-4">
          <legend className="text-xl font-semibold">{t('checkout.contact')}</legend>
          <Field
            label={t('checkout.name')}
            name="contactName"
            autoComplete="name"
            required
            defaultValue={value('contactName', loaded.prefill.contactName)}
            error={errors.contactName}
          />
          <Field
            label={t('checkout.phone')}
            hint={t('checkout.phoneHint')}
            name="phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            dir="ltr"
            required
            defaultValue={value('phone')}
            error={errors.phone}
          />
          <Field
            label={t('checkout.email')}
            hint={t('checkout.emailHint')}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            dir="ltr"
            defaultValue={value('email', loaded.prefill.email)}
            error={errors.email}
          />
        </fieldset>
        <fieldset className="card flex flex-col gap-4">
          <legend className="text-xl font-semibold">{t('checkout.address')}</legend>
          <RegionProvinceFields
            regions={loaded.regions}
            region={value('regionCode')}
            province={value('provinceCode')}
            errors={errors}
          />
          <Field
            label={t('checkout.city')}
            name="city"
            autoComplete="address-level2"
            required
            defaultValue={value('city')}
            error={errors.city}
          />
          <Field
            label={t('checkout.addressLine')}
            hint={t('checkout.addressLineHint')}
            name="addressLine"
            autoComplete="address-line1"
            required
            defaultValue={value('addressLine')}
            error={errors.addressLine}
          />
          <Field
            label={t('checkout.postcode')}
            name="postcode"
            autoComplete="postal-code"
            inputMode="numeric"
            dir="ltr"
            maxLength={5}
            defaultValue={value('postcode')}
            error={errors.postcode}
          />
          <button type="submit" name="intent" value="quote" className="btn-secondary self-start">
            {t('checkout.updateFees')}
          </button>
        </fieldset>
        <fieldset className="card flex flex-col gap-3">
          <legend className="text-xl font-semibold">{t('checkout.payment')}</legend>
          {loaded.methods.map((method, index) => (
            <label
              key={method}
              className="flex cursor-pointer items-start gap-3 rounded-lg border-2 border-sand-dark p-3 has-[:checked]:border-blue"
            >
              <input
                type="radio"
                name="paymentMethod"
                value={method}
                defaultChecked={value('paymentMethod', index === 0 ? method : '') === method}
                className="mt-1 size-5"
              />
              <span className="flex flex-col">
                <span className="font-semibold">{t(`checkout.method.${method}`)}</span>
                <span className="text-sm text-ink-soft">{t(`checkout.method.${method}Hint`)}</span>
              </span>
            </label>
          ))}
          {errors.paymentMethod ? (
            <p className="font-semibold text-danger">{errors.paymentMethod}</p>
          ) : null}
        </fieldset>
        <CheckoutSummary summary={summary} />
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="terms"
              className="mt-1 size-5"
              aria-invalid={errors.terms ? true : undefined}
              aria-describedby={errors.terms ? 'terms-error' : undefined}
            />
            <span>{t('checkout.terms')}</span>
          </label>
          {errors.terms ? (
            <p id="terms-error" className="font-semibold text-danger">
              {errors.terms}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          name="intent"
          value="place"
          className="btn-buy w-full text-lg"
          disabled={submitting}
        >
          {t('checkout.place')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
