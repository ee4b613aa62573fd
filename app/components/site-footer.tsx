import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { infoPages } from '#app/modules/pages/info-pages.ts'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="mt-16 border-t border-sand-dark bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:flex-row sm:justify-between">
        <div className="max-w-md">
          <p className="font-semibold">{t('brand.name')}</p>
          <p className="text-sm text-ink-soft">{t('footer.about')}</p>
        </div>
        <nav aria-label={t('footer.links')}>
          <ul className="flex flex-col gap-2 text-sm">
            <li>
              <Link to="/cooperatives">{t('footer.cooperatives')}</Link>
            </li>
            <li>
              <Link to="/join">{t('footer.join')}</Link>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('pages.nav')}>
          <ul className="flex flex-col gap-2 text-sm">
            {infoPages.map((p) => (
              <li key={p.key}>
                <Link to={p.path}>{t(`pages.links.${p.key}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  )
}
