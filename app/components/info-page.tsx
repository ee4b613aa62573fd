import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { type InfoPageKey, infoPages } from '#app/modules/pages/info-pages.ts'

// The information pages' text: in the browser before a page of them renders.
await loadMessages('info')

export type InfoSection = {
  /** The section's key under `pages.<page>`, also its anchor. */
  id: string
  /** The keys of its paragraphs under the section (`p1`, `p2` when not given). */
  paragraphs?: string[]
  /** Values for the paragraphs' placeholders. */
  values?: Record<string, string | number>
  /** What follows the paragraphs: a table, a list, a link. */
  children?: ReactNode
}

/**
 * One information page: title, lead, a table of contents, its sections from the catalogue,
 * and links to the other information pages.
 */
export function InfoPage({
  page,
  sections,
  lead,
}: {
  page: InfoPageKey
  sections: InfoSection[]
  lead?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-8">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-semibold sm:text-4xl">{t(`pages.${page}.title`)}</h1>
        <p className="text-lg text-ink-soft">{t(`pages.${page}.intro`)}</p>
        {lead}
      </header>
      {sections.length > 2 ? (
        <nav aria-labelledby="toc-heading" className="card">
          <h2 id="toc-heading" className="mb-2 text-lg font-semibold">
            {t('pages.onThisPage')}
          </h2>
          <ul className="flex flex-col gap-1">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="inline-flex min-h-10 items-center">
                  {t(`pages.${page}.${s.id}.heading`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((s) => (
        <section
          key={s.id}
          id={s.id}
          aria-labelledby={`${s.id}-heading`}
          className="flex scroll-mt-4 flex-col gap-3"
        >
          <h2 id={`${s.id}-heading`} className="text-2xl font-semibold">
            {t(`pages.${page}.${s.id}.heading`)}
          </h2>
          {(s.paragraphs ?? ['p1', 'p2']).map((p) => (
            <p key={p} className="text-lg leading-relaxed">
              {t(`pages.${page}.${s.id}.${p}`, s.values)}
            </p>
          ))}
          {s.children}
        </section>
      ))}
      <nav aria-label={t('pages.nav')} className="border-t border-sand-dark pt-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {infoPages
            .filter((p) => p.key !== page)
            .map((p) => (
              <li key={p.key}>
                <Link to={p.path} className="inline-flex min-h-10 items-center">
                  {t(`pages.links.${p.key}`)}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </main>
  )
}
