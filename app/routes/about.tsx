import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InfoPage } from '#app/components/info-page.tsx'
import { featuredCooperatives } from '#app/modules/cooperatives/directory.server.ts'
import { formatNumber } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { infoPageMeta } from '#app/modules/pages/info-page-meta.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'

export const handle: KeptPageHandle = { keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const featured = await featuredCooperatives(language, 1)
  return {
    ...infoPageMeta(t, 'about'),
    figures: {
      cooperatives: formatNumber(featured.activeCooperatives, language),
      women: formatNumber(featured.womenMembers, language),
    },
  }
}

export default function AboutPage() {
  const { figures } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <InfoPage
      page="about"
      sections={[
        { id: 'association' },
        {
          id: 'mission',
          paragraphs: ['p1', 'p2', 'figures'],
          values: figures,
          children: (
            <p>
              <Link to="/cooperatives">{t('directory.title')}</Link>
            </p>
          ),
        },
        {
          id: 'trust',
          children: (
            <p>
              <Link to="/certification">{t('pages.links.certification')}</Link>
            </p>
          ),
        },
        {
          id: 'join',
          children: (
            <p>
              <Link to="/join" className="btn-primary no-underline">
                {t('pages.about.join.link')}
              </Link>
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
