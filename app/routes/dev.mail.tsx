import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { listOutbox } from '#app/modules/notifications/outbox.server.ts'
import { requireDevMailboxReader } from '#app/modules/notifications/dev-mailbox.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

/**
 * The development mailbox: without an SMTP relay, e-mails stay in the outbox and are read
 * here. It shows reset links, so it exists only outside production (or in the local demo),
 * and only for an admin or a browser on the machine itself.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireDevMailboxReader(request, context.clientIp)
  const { t, language } = await getTranslator(request)
  const messages = await listOutbox(100)
  return {
    noIndex: true,
    title: t('devMail.metaTitle'),
    messages: messages.map((m) => ({
      ...m,
      createdAt: formatDate(m.createdAt, language, 'datetime'),
    })),
  }
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-3xl font-semibold">{t('devMail.title')}</h1>
      <p className="mb-6 text-ink-soft">{t('devMail.intro')}</p>
      {messages.length === 0 ? <p>{t('devMail.empty')}</p> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id} className="card">
            <article aria-label={m.subject}>
              <h2 className="text-lg font-semibold">{m.subject}</h2>
              <p className="text-sm text-ink-soft">
                {t('devMail.to')} <span dir="ltr">{m.recipient}</span> · {m.createdAt}
              </p>
              <pre className="mt-3 font-sans break-words whitespace-pre-wrap">
                {linkify(m.body)}
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </main>
  )
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} dir="ltr">
        {part}
      </a>
    ) : (
      part
    ),
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
