import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Mail } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InfoPage } from '#app/components/info-page.tsx'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { infoPageMeta } from '#app/modules/pages/info-page-meta.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { ...infoPageMeta(t, 'contact'), email: getEnv().CONTACT_EMAIL }
}

export default function ContactPage() {
  const { email } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <InfoPage
      page="contact"
      sections={[
        {
          id: 'association',
          paragraphs: ['p1'],
          children: (
            <p className="text-lg">
              <a href={`mailto:${email}`} className="inline-flex min-h-12 items-center gap-2">
                <Mail aria-hidden size={20} />
                <span dir="ltr">{email}</span>
              </a>
            </p>
          ),
        },
        { id: 'order', paragraphs: ['p1'] },
        {
          id: 'cooperative',
          paragraphs: ['p1'],
          children: (
            <p>
              <Link to="/cooperatives" className="btn-secondary no-underline">
                {t('pages.contact.cooperative.link')}
              </Link>
            </p>
          ),
        },
        {
          id: 'join',
          paragraphs: ['p1'],
          children: (
            <p>
              <Link to="/join" className="btn-secondary no-underline">
                {t('pages.contact.join.link')}
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
