import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type LegalIdentity = {
  legalNameAr: string
  legalNameFr: string
  registerNumber: string
  registerCourt: string
  ice: string
}

const fields = ['legalNameAr', 'legalNameFr', 'registerNumber', 'registerCourt', 'ice'] as const

/** The reviewer's view of a change of legal identity: what is in force, what is asked. */
export function LegalChangeReview({
  inForce,
  pending,
  requestedAt,
}: {
  inForce: LegalIdentity
  pending: LegalIdentity
  requestedAt: string
}) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="card flex flex-col gap-3">
      <h3 className="text-lg font-semibold">{t('legalChange.reviewTitle')}</h3>
      <table className="text-sm">
        <thead>
          <tr>
            <th scope="col" className="text-start">
              {t('legalChange.field')}
            </th>
            <th scope="col" className="text-start">
              {t('legalChange.inForce')}
            </th>
            <th scope="col" className="text-start">
              {t('legalChange.asked')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((key) => (
            <tr key={key} className={inForce[key] !== pending[key] ? 'font-semibold' : undefined}>
              <th scope="row" className="text-start font-normal">
                {t(`cooperativeForm.${key}`)}
              </th>
              <td>{inForce[key]}</td>
              <td>{pending[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <input type="hidden" name="legalRequestedAt" value={requestedAt} />
      <div className="flex gap-3">
        <button type="submit" name="intent" value="approveLegal" className="btn-primary">
          {t('legalChange.approve')}
        </button>
        <button type="submit" name="intent" value="rejectLegal" className="btn-danger">
          {t('legalChange.reject')}
        </button>
      </div>
    </Form>
  )
}
