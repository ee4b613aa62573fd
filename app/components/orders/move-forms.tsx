import { Form } from '@remix-run/react'
import { Ban, CheckCircle2, PackageCheck, PackageX, PhoneCall, Truck, Undo2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Field, SelectField } from '#app/components/forms.tsx'

const icons = {
  confirm: PhoneCall,
  accept: PackageCheck,
  deliver: CheckCircle2,
  refuse: PackageX,
  return: Undo2,
} as const

const carriers = ['amana', 'ctm', 'aramex', 'other'] as const

/**
 * The next steps of an order as big buttons, one plain form each (they work without
 * JavaScript); shipping asks for the carrier and tracking number, cancelling for a reason.
 */
export function MoveForms({
  actions,
  canCancel,
  errors,
  values,
}: {
  actions: readonly string[]
  canCancel: boolean
  errors: Record<string, string | undefined>
  values?: Record<string, string>
}) {
  const { t } = useTranslation()
  const simple = actions.filter((a): a is keyof typeof icons => a in icons)
  return (
    <div className="flex flex-col gap-4">
      {simple.length ? (
        <div className="flex flex-wrap gap-3">
          {simple.map((action) => {
            const Icon = icons[action]
            const quiet = action === 'refuse' || action === 'return'
            return (
              <Form method="post" key={action}>
                <input type="hidden" name="intent" value={action} />
                <button
                  type="submit"
                  className={`${quiet ? 'btn-secondary' : 'btn-primary'} min-h-14 text-lg`}
                >
                  <Icon aria-hidden size={24} />
                  {t(`orders.actions.${action}`)}
                </button>
              </Form>
            )
          })}
        </div>
      ) : null}
      {actions.includes('ship') ? (
        <Form method="post" className="card flex flex-col gap-3" noValidate>
          <h3 className="flex items-center gap-2 text-lg font-semibold">
            <Truck aria-hidden size={24} className="text-blue" />
            {t('coopOrders.shipTitle')}
          </h3>
          <input type="hidden" name="intent" value="ship" />
          <SelectField
            label={t('coopOrders.carrier')}
            name="carrier"
            defaultValue={values?.carrier ?? 'amana'}
            error={errors.carrier}
          >
            {carriers.map((c) => (
              <option key={c} value={c}>
                {t(`orders.carriers.${c}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('coopOrders.trackingNumber')}
            name="trackingNumber"
            dir="ltr"
            autoComplete="off"
            defaultValue={values?.trackingNumber}
            error={errors.trackingNumber}
          />
          <button type="submit" className="btn-primary min-h-14 self-start text-lg">
            <Truck aria-hidden size={24} />
            {t('orders.actions.ship')}
          </button>
        </Form>
      ) : null}
      {actions.includes('cancel') && canCancel ? (
        <Form
          method="post"
          className="flex flex-col gap-3 rounded-2xl bg-danger-light p-4"
          noValidate
        >
          <h3 className="flex items-center gap-2 text-lg font-semibold text-danger">
            <Ban aria-hidden size={24} />
            {t('coopOrders.cancelTitle')}
          </h3>
          <p>{t('coopOrders.cancelHint')}</p>
          <input type="hidden" name="intent" value="cancel" />
          <Field
            label={t('coopOrders.reason')}
            name="reason"
            maxLength={500}
            defaultValue={values?.reason}
            error={errors.reason}
          />
          <button type="submit" className="btn-danger self-start">
            {t('orders.actions.cancel')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
