import { Form, Link, useLocation, useMatches } from '@remix-run/react'
import {
  Globe,
  LayoutDashboard,
  LogIn,
  LogOut,
  Menu,
  Search,
  ShieldCheck,
  ShoppingCart,
  Store,
  UserRound,
} from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { supportedLanguages, type Language } from '#app/modules/i18n/config.ts'

export type HeaderUser = {
  name: string
  isAssociation: boolean
  cooperatives: { slug: string; displayName: string }[]
}

/**
 * What a route tells the header. `ownSearch`: the page shows a search box of its own (home,
 * catalogue, categories, directory, a cooperative's products), so the header shows none.
 */
export type HeaderHandle = { ownSearch?: boolean }

/** Where the phone's search icon leads: the catalogue's own search box, focused. */
export const catalogSearchId = 'catalog-search'

const languageNames: Record<Language, string> = { ar: 'العربية', fr: 'Français', en: 'English' }

/**
 * One row at every width. Wide screens show the links in the row; phones show the logo, a
 * search icon, the cart and a menu (a <details>, so that it opens without JavaScript) holding
 * the links and the languages. One search box per page: the header's only where the page has
 * none of its own (a box on wide screens, an icon to the catalogue's search on phones).
 */
export function SiteHeader({
  user,
  language,
  cartCount,
}: {
  user: HeaderUser | null
  language: Language
  cartCount: number
}) {
  const { t } = useTranslation()
  const location = useLocation()
  const matches = useMatches()
  const menuRef = useRef<HTMLDetailsElement>(null)
  const ownSearch = matches.some((m) => (m.handle as HeaderHandle | undefined)?.ownSearch)
  // A link of the menu followed in the page (with JavaScript) folds the menu.
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false
  }, [location.pathname, location.search])
  // Back to the same page after choosing a language, without a language pinned in the URL.
  const search = new URLSearchParams(location.search)
  search.delete('lng')
  const query = search.toString()
  const here = `${location.pathname}${query ? `?${query}` : ''}`
  const link = 'btn min-h-10 px-3 whitespace-nowrap text-blue'
  const menuLink =
    'flex min-h-12 items-center gap-3 rounded-lg px-3 text-blue no-underline hover:bg-blue-light'

  // In the wide row, "my account" and "log out" are icons (named, with a tooltip) and a
  // cooperative's name is cut short, so that a signed-in row stays one row.
  const accountLinks = (className: string, compact = false) => (
    <>
      {user ? (
        <>
          {user.cooperatives.map((c) => (
            <li key={c.slug}>
              <Link to={`/coop/${c.slug}`} className={className}>
                <LayoutDashboard aria-hidden size={20} className="shrink-0" />
                <span className={compact ? 'max-w-40 truncate' : undefined}>{c.displayName}</span>
              </Link>
            </li>
          ))}
          {user.isAssociation ? (
            <li>
              <Link to="/admin" className={className}>
                <ShieldCheck aria-hidden size={20} />
                <span>{t('nav.association')}</span>
              </Link>
            </li>
          ) : null}
          <li>
            <Link
              to="/account"
              className={className}
              title={compact ? t('nav.myAccount') : undefined}
            >
              <UserRound aria-hidden size={20} />
              <span className={compact ? 'sr-only' : undefined}>{t('nav.myAccount')}</span>
            </Link>
          </li>
          <li>
            <Form method="post" action="/logout">
              <button
                type="submit"
                className={`${className} w-full`}
                title={compact ? t('nav.logOut') : undefined}
              >
                <LogOut aria-hidden size={20} className="rtl:-scale-x-100" />
                <span className={compact ? 'sr-only' : undefined}>{t('nav.logOut')}</span>
              </button>
            </Form>
          </li>
        </>
      ) : (
        <li>
          <Link to="/login" className={className}>
            <LogIn aria-hidden size={20} className="rtl:-scale-x-100" />
            <span>{t('nav.logIn')}</span>
          </Link>
        </li>
      )}
    </>
  )

  const languages = (
    <Form
      method="post"
      action="/set-language"
      reloadDocument
      className="flex flex-wrap items-center gap-1"
      aria-label={t('nav.language')}
    >
      <input type="hidden" name="redirectTo" value={here} />
      <Globe aria-hidden size={20} className="text-ink-soft" />
      {supportedLanguages.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="language"
          value={lng}
          lang={lng}
          aria-current={lng === language ? 'true' : undefined}
          className={`min-h-10 rounded-md px-2 text-sm ${lng === language ? 'bg-blue-light font-semibold text-blue-dark' : 'text-blue hover:underline'}`}
        >
          {languageNames[lng]}
        </button>
      ))}
    </Form>
  )

  return (
    <header className="relative border-b border-sand-dark bg-white">
      <div className="mx-auto flex max-w-6xl flex-nowrap items-center gap-2 px-4 py-2 xl:gap-3 xl:py-3">
        <Link
          to="/"
          className="me-auto flex shrink-0 items-center gap-2 text-xl font-semibold text-ink no-underline xl:me-0"
        >
          <Logo />
          <span>{t('brand.name')}</span>
        </Link>
        {ownSearch ? (
          <span className="hidden flex-1 xl:block" />
        ) : (
          <>
            <Form
              method="get"
              action="/products"
              role="search"
              aria-label={t('nav.search')}
              className="hidden max-w-sm min-w-40 flex-1 gap-1 xl:flex"
            >
              <label htmlFor="site-search" className="sr-only">
                {t('catalog.searchLabel')}
              </label>
              <input
                id="site-search"
                type="search"
                name="q"
                maxLength={100}
                enterKeyHint="search"
                placeholder={t('home.searchPlaceholder')}
                className="field-input min-h-10 min-w-0 flex-1 py-1"
              />
              <button
                type="submit"
                className="btn-primary min-h-10 px-3"
                aria-label={t('catalog.search')}
              >
                <Search aria-hidden size={18} />
              </button>
            </Form>
            <span className="hidden flex-1 xl:block" />
            <Link
              to={`/products#${catalogSearchId}`}
              className={`${link} xl:hidden`}
              aria-label={t('nav.searchProducts')}
            >
              <Search aria-hidden size={20} />
            </Link>
          </>
        )}
        <nav aria-label={t('nav.account')} className="hidden items-center gap-2 xl:flex">
          <ul className="flex items-center gap-2">
            <li>
              <Link to="/products" className={link}>
                <Store aria-hidden size={20} />
                <span>{t('nav.products')}</span>
              </Link>
            </li>
            {accountLinks(link, true)}
          </ul>
          {languages}
        </nav>
        <Link
          to="/cart"
          className={`${link} shrink-0`}
          aria-label={t('cart.headerCount', { count: cartCount })}
        >
          <ShoppingCart aria-hidden size={20} className="rtl:-scale-x-100" />
          <span aria-hidden className="hidden sm:inline">
            {t('cart.headerLabel')}
          </span>
          {cartCount > 0 ? (
            <span
              aria-hidden
              data-testid="cart-count"
              className="rounded-full bg-terracotta px-2 text-sm text-white"
            >
              {cartCount}
            </span>
          ) : null}
        </Link>
        <details ref={menuRef} className="group shrink-0 xl:hidden" data-testid="site-menu">
          <summary
            className={`${link} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
          >
            <Menu aria-hidden size={22} />
            <span>{t('nav.menu')}</span>
          </summary>
          <nav
            aria-label={t('nav.menu')}
            className="absolute inset-x-0 top-full z-40 border-b border-sand-dark bg-white px-4 pt-2 pb-4 shadow-md"
          >
            <ul className="flex flex-col gap-1">
              <li>
                <Link to="/products" className={menuLink}>
                  <Store aria-hidden size={20} />
                  <span>{t('nav.products')}</span>
                </Link>
              </li>
              {accountLinks(menuLink)}
            </ul>
            <div className="mt-2 border-t border-sand-dark px-2 pt-2">{languages}</div>
          </nav>
        </details>
      </div>
    </header>
  )
}

export function Logo() {
  // Two interlaced hands in Chefchaouen blue and terracotta: cooperation.
  return (
    <svg aria-hidden width="36" height="36" viewBox="0 0 36 36">
      <circle cx="14" cy="18" r="10" fill="none" stroke="#1d4f91" strokeWidth="4" />
      <circle cx="22" cy="18" r="10" fill="none" stroke="#a8432a" strokeWidth="4" />
    </svg>
  )
}
