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

/** One section per certification type (DESIGN §3), the mandatory ones first. */
const certificationTypes = [
  'onssa',
  'cosmetic_reg',
  'organic',
  'sdoq',
  'halal',
  'fair_trade',
  'handmade',
] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return infoPageMeta(t, 'certification')
}

export default function CertificationPage() {
  const { t } = useTranslation()
  return (
    <InfoPage
      page="certification"
      sections={[
        { id: 'rule' },
        ...certificationTypes.map((id) => ({ id })),
        {
          id: 'verify',
          children: (
            <p>
              <Link to="/products" className="btn-secondary no-underline">
                {t('pages.certification.verify.link')}
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
