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

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return infoPageMeta(t, 'terms')
}

export default function TermsPage() {
  const { t } = useTranslation()
  return (
    <InfoPage
      page="terms"
      sections={[
        { id: 'parties' },
        { id: 'prices', paragraphs: ['p1'] },
        { id: 'orders' },
        { id: 'payment', paragraphs: ['p1'] },
        {
          id: 'delivery',
          paragraphs: ['p1'],
          children: (
            <p>
              <Link to="/delivery-returns">{t('pages.links.delivery')}</Link>
            </p>
          ),
        },
        {
          id: 'certification',
          paragraphs: ['p1'],
          children: (
            <p>
              <Link to="/certification">{t('pages.links.certification')}</Link>
            </p>
          ),
        },
        { id: 'law', paragraphs: ['p1'] },
      ]}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
