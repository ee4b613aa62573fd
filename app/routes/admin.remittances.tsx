import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError, SelectField, TextAreaField } from '#app/components/forms.tsx'
import { carriers } from '#db/schema/orders.ts'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator, type Translate } from '#app/modules/i18n/i18n.server.ts'
import { readUploadForm } from '#app/modules/media/upload-form.server.ts'
import {
  casablancaDay,
  readRemittanceText,
  remittanceFileLimits,
  remittanceSchema,
  textOfUpload,
} from '#app/modules/money/finance-forms.server.ts'
import {
  listRemittances,
  recordRemittance,
  type LineError,
} from '#app/modules/money/remittances.server.ts'
import {
  badRequest,
  domainErrorReply,
  parseForm,
  readFormData,
  type FormReply,
} from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'finance')
  const { t, language } = await getTranslator(request)
  const remittances = await listRemittances()
  return {
    noIndex: true,
    title: t('finance.remittances.metaTitle'),
    today: casablancaDay(serverNow()),
    remittances: remittances.map((r) => ({
      id: r.id,
      carrier: t(`orders.carriers.${r.carrier}`),
      reference: r.reference,
      date: formatDate(r.receivedOn, language),
      total: formatMoney(r.totalCentimes, language),
      lines: r.lines,
    })),
  }
}

function lineMessages(errors: LineError[], t: Translate, sourceLineOf = (n: number) => n) {
  return errors.map((e) => {
    const line = sourceLineOf(e.line)
    const message = t(e.key, { line })
    // The unreadable line's message names its line already.
    return e.key === 'money.errors.csvLine'
      ? message
      : t('finance.remittances.lineError', { line, tracking: e.trackingNumber, message })
  })
}

type RemittanceReply = FormReply & { lineErrors?: string[] }

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, role } = await requireAssociationRole(request, 'finance')
  const { t } = await getTranslator(request)
  let formData: FormData
  if (/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) {
    const upload = await readUploadForm(request, t, remittanceFileLimits, { field: 'file' })
    if (!upload.ok) return upload.response
    formData = upload.formData
  } else formData = await readFormData(request)
  const parsed = parseForm(formData, remittanceSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)

  const file = formData.get('file')
  let text = parsed.data.lines
  if (file instanceof File && file.size > 0) {
    const read = textOfUpload(new Uint8Array(await file.arrayBuffer()))
    if (read === null) {
      const reply: RemittanceReply = {
        status: 'error',
        fieldErrors: { file: t('finance.errors.notText') },
        values: Object.fromEntries(
          [...formData].filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
      }
      return data(reply, { status: 400 })
    }
    text = read
  }
  const refuse = (lineErrors: string[], status = 400) => {
    const reply: RemittanceReply = {
      status: 'error',
      formError: t('finance.remittances.refused'),
      fieldErrors: {},
      lineErrors,
      // What was sent, the file's lines included, so that they can be corrected here.
      values: { ...parsed.data, lines: text },
    }
    return data(reply, { status })
  }
  const read = readRemittanceText(text)
  if (read.errors.length) return refuse(lineMessages(read.errors, t))
  try {
    const result = await recordRemittance({
      actor: { userId: user.id, role },
      carrier: parsed.data.carrier,
      reference: parsed.data.reference,
      receivedOn: parsed.data.receivedOn,
      lines: read.lines,
      requestId: context.requestId,
      now: serverNow(),
    })
    if (!result.ok) return refuse(lineMessages(result.errors, t, read.sourceLineOf))
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect('/admin/remittances', {
    headers: { 'Set-Cookie': await toastCookie('finance.remittances.recorded') },
  })
}

export default function Remittances() {
  const { remittances, today } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as RemittanceReply | undefined
  const { t } = useTranslation()
  const errors = reply?.fieldErrors ?? {}
  const values = reply?.values ?? {}
  return (
    <main id="main" className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6">
      <Link to="/admin/reconciliation" className="font-semibold">
        {t('finance.reconciliationLink')}
      </Link>
      <h1 className="text-3xl font-semibold">{t('finance.remittances.title')}</h1>
      <p>{t('finance.remittances.intro')}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="card flex flex-col gap-4"
        noValidate
      >
        <FormError error={reply?.formError} />
        {reply?.lineErrors?.length ? (
          <ul className="list-inside list-disc text-sm font-semibold text-danger">
            {reply.lineErrors.map((message, i) => (
              <li key={i} dir="auto">
                {message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label={t('finance.remittances.carrier')}
            name="carrier"
            defaultValue={values.carrier ?? ''}
            error={errors.carrier}
          >
            <option value="" disabled>
              —
            </option>
            {carriers.map((c) => (
              <option key={c} value={c}>
                {t(`orders.carriers.${c}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('finance.remittances.reference')}
            name="reference"
            dir="ltr"
            autoComplete="off"
            defaultValue={values.reference}
            error={errors.reference}
          />
          <Field
            label={t('finance.remittances.receivedOn')}
            name="receivedOn"
            type="date"
            max={today}
            defaultValue={values.receivedOn ?? today}
            error={errors.receivedOn}
          />
        </div>
        <TextAreaField
          label={t('finance.remittances.lines')}
          hint={t('finance.remittances.linesHint')}
          name="lines"
          dir="ltr"
          rows={6}
          spellCheck={false}
          defaultValue={values.lines}
          error={errors.lines}
        />
        <Field
          label={t('finance.remittances.file')}
          hint={t('finance.remittances.fileHint')}
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          error={errors.file}
        />
        <button type="submit" className="btn-primary self-start">
          {t('finance.remittances.submit')}
        </button>
      </Form>
      <h2 className="text-2xl font-semibold">{t('finance.remittances.recent')}</h2>
      {remittances.length === 0 ? (
        <p className="card">{t('finance.remittances.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {remittances.map((r) => (
            <li key={r.id} className="card flex flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-semibold">
                  {r.carrier} ·{' '}
                  <bdi dir="ltr" className="whitespace-nowrap">
                    {r.reference}
                  </bdi>
                </span>
                <span className="font-semibold">{r.total}</span>
              </div>
              <span className="text-sm text-ink-soft">
                {t('finance.remittances.details', { date: r.date, n: r.lines })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
