import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field } from '#app/components/forms.tsx'
import { shippingZones } from '#db/schema/orders.ts'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { moneyInput, parseMoney } from '#app/modules/catalog/money.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadShippingRates } from '#app/modules/orders/checkout.server.ts'
import { westernDigits } from '#app/modules/orders/phone.server.ts'
import { updateShippingRates } from '#app/modules/orders/shipping-rates.server.ts'
import { type ShippingRate } from '#app/modules/orders/shipping.ts'
import { readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'admin')
  const { t } = await getTranslator(request)
  const rates = await loadShippingRates()
  return {
    noIndex: true,
    title: t('adminShipping.metaTitle'),
    rates: rates.map((r) => ({
      zone: r.zone,
      fee: moneyInput(r.feeCentimes),
      heavyFrom: String(r.heavyFromGrams),
      surcharge: moneyInput(r.surchargePerKgCentimes),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAssociationRole(request, 'admin')
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const rates: ShippingRate[] = []
  const fieldErrors: Record<string, string> = {}
  for (const zone of shippingZones) {
    const field = (name: string) => westernDigits(String(formData.get(`${zone}.${name}`) ?? ''))
    const fee = parseMoney(field('fee'))
    const surcharge = parseMoney(field('surcharge'))
    const heavy = /^\d{1,6}$/.test(field('heavyFrom').trim()) ? Number(field('heavyFrom')) : null
    if (fee === null || fee > 100_000) fieldErrors[`${zone}.fee`] = t('errors.priceInvalid')
    if (surcharge === null || surcharge > 100_000)
      fieldErrors[`${zone}.surcharge`] = t('errors.priceInvalid')
    if (heavy === null || heavy < 1) fieldErrors[`${zone}.heavyFrom`] = t('errors.weightInvalid')
    if (fee !== null && surcharge !== null && heavy)
      rates.push({
        zone,
        feeCentimes: fee,
        heavyFromGrams: heavy,
        surchargePerKgCentimes: surcharge,
      })
  }
  if (Object.keys(fieldErrors).length) {
    const values = Object.fromEntries(
      [...formData].filter((e): e is [string, string] => typeof e[1] === 'string'),
    )
    return data({ fieldErrors, values }, { status: 400 })
  }
  await updateShippingRates({ actor, rates, requestId: context.requestId })
  return redirect('/admin/shipping', {
    headers: { 'Set-Cookie': await toastCookie('adminShipping.saved') },
  })
}

export default function ShippingRates() {
  const { rates } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const errors: Record<string, string | undefined> = reply?.fieldErrors ?? {}
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
      <h1 className="text-3xl font-semibold">{t('adminShipping.title')}</h1>
      <p>{t('adminShipping.intro')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        {rates.map((r) => (
          <fieldset key={r.zone} className="card grid gap-3 sm:grid-cols-3">
            <legend className="text-lg font-semibold">{t(`adminShipping.zone.${r.zone}`)}</legend>
            <Field
              label={t('adminShipping.fee')}
              name={`${r.zone}.fee`}
              inputMode="decimal"
              dir="ltr"
              defaultValue={reply?.values[`${r.zone}.fee`] ?? r.fee}
              error={errors[`${r.zone}.fee`]}
            />
            <Field
              label={t('adminShipping.heavyFrom')}
              name={`${r.zone}.heavyFrom`}
              inputMode="numeric"
              dir="ltr"
              defaultValue={reply?.values[`${r.zone}.heavyFrom`] ?? r.heavyFrom}
              error={errors[`${r.zone}.heavyFrom`]}
            />
            <Field
              label={t('adminShipping.surcharge')}
              name={`${r.zone}.surcharge`}
              inputMode="decimal"
              dir="ltr"
              defaultValue={reply?.values[`${r.zone}.surcharge`] ?? r.surcharge}
              error={errors[`${r.zone}.surcharge`]}
            />
          </fieldset>
        ))}
        <button type="submit" className="btn-primary self-start">
          {t('adminShipping.save')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
