import { Form } from '@remix-run/react'
import { Undo2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Field, SelectField } from '#app/components/forms.tsx'

/** The association's refund form (finance and admins) and the refunds already made. */
export function RefundForm({
  refundable,
  methods,
  needsDecision,
  refunds,
  errors,
  values,
}: {
  refundable: string | null
  methods: readonly string[]
  needsDecision: boolean
  refunds: { id: string; line: string }[]
  errors: Record<string, string | undefined>
  values?: Record<string, string>
}) {
  const { t } = useTranslation()
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="refund-title">
      <h2 id="refund-title" className="flex items-center gap-2 text-xl font-semibold">
        <Undo2 aria-hidden size={24} />
        {t('payments.refundTitle')}
      </h2>
      {needsDecision ? (
        <p role="alert" className="font-semibold text-danger">
          {t('payments.needsDecision')}
        </p>
      ) : null}
      {refunds.length ? (
        <>
          <h3 className="font-semibold">{t('payments.history')}</h3>
          <ul className="flex flex-col gap-1">
            {refunds.map((r) => (
              <li key={r.id} dir="auto">
                {r.line}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {refundable ? (
        <Form method="post" className="flex flex-col gap-3" noValidate>
          <p>{t('payments.refundIntro', { amount: refundable })}</p>
          <input type="hidden" name="intent" value="refund" />
          <Field
            label={t('payments.amount')}
            name="amount"
            inputMode="decimal"
            dir="ltr"
            autoComplete="off"
            required
            defaultValue={values?.amount}
            error={errors.amount}
          />
          <Field
            label={t('payments.reason')}
            name="reason"
            required
            maxLength={500}
            defaultValue={values?.reason}
            error={errors.reason}
          />
          <SelectField
            label={t('payments.method')}
            name="method"
            defaultValue={values?.method ?? methods[0]}
            error={errors.method}
          >
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`payments.methods.${m}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn-secondary min-h-12 self-start">
            {t('payments.submit')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
