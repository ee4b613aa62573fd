import { useTranslation } from 'react-i18next'
import { DocumentViewer } from '#app/components/document-viewer.tsx'
import { Field, FieldError } from '#app/components/forms.tsx'

type Reply = { values: Record<string, string>; fieldErrors: Record<string, string> } | undefined

/** The evidence files, shown in the page: PDFs drawn by PDF.js, photos as images. */
export function EvidenceViewer({ files }: { files: { id: string; contentType: string }[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="evidence-heading" className="flex flex-col gap-4">
      <h2 id="evidence-heading" className="text-xl font-semibold">
        {t('certReview.evidence')}
      </h2>
      {files.length === 0 ? <p>{t('certReview.noFiles')}</p> : null}
      {files.map((f, i) => (
        <DocumentViewer
          key={f.id}
          src={`/certificate-files/${f.id}`}
          contentType={f.contentType}
          label={t('certReview.file', { n: i + 1 })}
        />
      ))}
    </section>
  )
}

/** What a reviewer may correct when approving: dates, and what the certificate covers. */
export function ApprovalCorrections({
  issuedDay,
  expiresDay,
  scope,
  products,
  reply,
}: {
  issuedDay: string
  expiresDay: string
  scope: string
  products: { id: string; title: string; covered: boolean }[]
  reply: Reply
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-ink/10 p-3">
      <legend className="px-1 font-semibold">{t('certReview.corrections')}</legend>
      <p className="text-sm text-ink-soft">{t('certReview.correctionsHint')}</p>
      <Field
        type="date"
        name="issuedAt"
        label={t('certReview.issued')}
        defaultValue={reply?.values.issuedAt ?? issuedDay}
        error={reply?.fieldErrors.issuedAt}
      />
      <Field
        type="date"
        name="expiresAt"
        label={t('certReview.expires')}
        hint={t('certReview.expiryHint')}
        defaultValue={reply?.values.expiresAt ?? expiresDay}
        error={reply?.fieldErrors.expiresAt}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">{t('certReview.scope')}</legend>
        {(['cooperative', 'products'] as const).map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input
              type="radio"
              name="scope"
              value={s}
              defaultChecked={(reply?.values.scope ?? scope) === s}
              className="size-5"
            />
            {t(s === 'cooperative' ? 'certReview.scopeCooperative' : 'certReview.scopeProducts')}
          </label>
        ))}
        <FieldError error={reply?.fieldErrors.scope} />
        {products.length ? (
          <ul className="flex flex-col gap-1 ps-6">
            {products.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="productIds"
                    value={p.id}
                    defaultChecked={p.covered}
                    className="size-5"
                  />
                  <span lang="ar">{p.title}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-soft">{t('certReview.noProducts')}</p>
        )}
        <FieldError error={reply?.fieldErrors.productIds} />
      </fieldset>
    </fieldset>
  )
}

/** Every transition of the certificate: when, who, what, and the note she wrote. */
export function CertificateHistory({
  history,
}: {
  history: {
    action: string
    fromStatus: string | null
    toStatus: string
    note: string | null
    actor: string | null
    createdAt: string
  }[]
}) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="history-heading">
      <h3 id="history-heading" className="font-semibold">
        {t('certReview.history')}
      </h3>
      <ol className="flex flex-col gap-2 text-sm">
        {history.map((h, i) => (
          <li key={i}>
            <p>
              {h.createdAt} · {h.actor ?? '—'} ·{' '}
              {t(`certReview.action.${h.action}`, { defaultValue: h.action })} ·{' '}
              {h.fromStatus
                ? t('certReview.transition', {
                    from: t(`certificateState.${h.fromStatus}`),
                    to: t(`certificateState.${h.toStatus}`),
                  })
                : t(`certificateState.${h.toStatus}`)}
            </p>
            {h.note ? <p className="text-ink-soft">{h.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
