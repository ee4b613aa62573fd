import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InfoPage } from '#app/components/info-page.tsx'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { infoPageMeta } from '#app/modules/pages/info-page-meta.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'

export const handle: KeptPageHandle = { keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

/** Everything the database keeps about people (db/schema): keep in step with the schema. */
const kept = ['account', 'orders', 'sessions', 'cooperatives'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return infoPageMeta(t, 'privacy')
}

export default function PrivacyPage() {
  const { t } = useTranslation()
  return (
    <InfoPage
      page="privacy"
      sections={[
        { id: 'law', paragraphs: ['p1'] },
        {
          id: 'kept',
          paragraphs: [],
          children: (
            <ul className="flex list-disc flex-col gap-2 ps-6 text-lg leading-relaxed">
              {kept.map((k) => (
                <li key={k}>{t(`pages.privacy.kept.${k}`)}</li>
              ))}
            </ul>
          ),
        },
        { id: 'notKept', paragraphs: ['p1'] },
        { id: 'use', paragraphs: ['p1'] },
        {
          id: 'rights',
          paragraphs: ['p1'],
          children: (
            <p>
              <Link to="/contact">{t('pages.links.contact')}</Link>
            </p>
          ),
        },
      ]}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
