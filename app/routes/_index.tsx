import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MapPin, UsersRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { listPublicCooperatives } from '#app/modules/cooperatives/directory.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const cooperatives = await listPublicCooperatives(language)
  return { cooperatives, title: t('home.metaTitle'), description: t('home.metaDescription') }
}

export default function Home() {
  const { cooperatives } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10">
      <section className="mb-10 max-w-3xl">
        <h1 className="text-3xl font-semibold sm:text-4xl">{t('home.title')}</h1>
        <p className="mt-3 text-lg text-ink-soft">{t('home.intro')}</p>
        <p className="mt-5">
          <Link to="/join" className="btn-secondary">
            {t('footer.join')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="cooperatives-heading">
        <h2 id="cooperatives-heading" className="mb-4 text-2xl font-semibold">
          {t('home.cooperativesHeading')}
        </h2>
        {cooperatives.length === 0 ? (
          <p>{t('home.noCooperatives')}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cooperatives.map((c) => (
              <li key={c.slug} className="card flex flex-col gap-2">
                <h3 className="text-xl font-semibold">
                  <Link to={`/cooperatives/${c.slug}`}>{c.displayName}</Link>
                </h3>
                <p className="text-sm text-ink-soft">{c.legalName}</p>
                <p className="flex items-center gap-1 text-sm">
                  <MapPin aria-hidden size={16} className="text-terracotta" />
                  {t('home.place', { province: c.province, region: c.region })}
                </p>
                <p className="flex items-center gap-1 text-sm">
                  <UsersRound aria-hidden size={16} className="text-olive" />
                  {t('home.womenMembers', { count: c.womenMemberCount })}
                </p>
                <p className="mt-1">{c.story}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
