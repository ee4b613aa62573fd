import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormError } from '#app/components/forms.tsx'

export type PayoutMoveReply = {
  formError?: string
  fieldErrors: Record<string, string>
  values: Record<string, string>
}

/**
 * The moves a payout can still make: sent (pending only), paid with the bank's reference,
 * failed with the reason. Each is its own form; a refused one shows its errors here, on the
 * payout it was about.
 */
export function PayoutMoves({
  payoutId,
  status,
  reply,
}: {
  payoutId: string
  status: string
  reply: PayoutMoveReply | undefined
}) {
  const { t } = useTranslation()
  if (status !== 'pending' && status !== 'sent') return null
  const mine = reply?.values.payoutId === payoutId ? reply : undefined
  const errors = mine?.fieldErrors ?? {}
  const typed = (intent: string, field: string) =>
    mine?.values.intent === intent ? mine.values[field] : undefined
  return (
    <div className="flex flex-col gap-3 border-t border-sand-dark pt-3">
      <FormError error={mine?.formError} />
      {status === 'pending' ? (
        <Form method="post">
          <input type="hidden" name="payoutId" value={payoutId} />
          <button type="submit" name="intent" value="send" className="btn-secondary">
            {t('finance.batch.markSent')}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="flex flex-col gap-2" noValidate>
        <input type="hidden" name="payoutId" value={payoutId} />
        <Field
          label={t('finance.batch.bankReferenceLabel')}
          name="bankReference"
          dir="ltr"
          autoComplete="off"
          defaultValue={typed('pay', 'bankReference')}
          error={mine?.values.intent === 'pay' ? errors.bankReference : undefined}
        />
        <button type="submit" name="intent" value="pay" className="btn-primary self-start">
          {t('finance.batch.markPaid')}
        </button>
      </Form>
      <Form method="post" className="flex flex-col gap-2" noValidate>
        <input type="hidden" name="payoutId" value={payoutId} />
        <Field
          label={t('finance.batch.reasonLabel')}
          name="reason"
          dir="auto"
          defaultValue={typed('fail', 'reason')}
          error={mine?.values.intent === 'fail' ? errors.reason : undefined}
        />
        <button type="submit" name="intent" value="fail" className="btn-secondary self-start">
          {t('finance.batch.markFailed')}
        </button>
      </Form>
    </div>
  )
}
