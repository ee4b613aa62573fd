import { Form, Link, useLocation } from '@remix-run/react'
import {
  Globe,
  LayoutDashboard,
  LogIn,
  LogOut,
  Search,
  ShieldCheck,
  ShoppingCart,
  Store,
  UserRound,
} from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { supportedLanguages, type Language } from '#app/modules/i18n/config.ts'

export type HeaderUser = {
  name: string
  isAssociation: boolean
  cooperatives: { slug: string; displayName: string }[]
}

const languageNames: Record<Language, string> = { ar: 'العربية', fr: 'Français', en: 'English' }

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
  // Back to the same page after choosing a language, without a language pinned in the URL.
  const search = new URLSearchParams(location.search)
  search.delete('lng')
  const query = search.toString()
  const here = `${location.pathname}${query ? `?${query}` : ''}`
  return (
    <header className="border-b border-sand-dark bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          to="/"
          className="flex items-center gap-2 text-xl font-semibold text-ink no-underline"
        >
          <Logo />
          <span>{t('brand.name')}</span>
        </Link>
        <Form
          method="get"
          action="/products"
          role="search"
          aria-label={t('nav.search')}
          className="order-last flex w-full gap-1 sm:order-none sm:w-auto sm:flex-1 sm:max-w-sm"
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
        <nav aria-label={t('nav.account')} className="flex flex-wrap items-center gap-2">
          <Link to="/products" className="btn min-h-10 px-3 text-blue">
            <Store aria-hidden size={20} />
            <span>{t('nav.products')}</span>
          </Link>
          <Link
            to="/cart"
            className="btn min-h-10 px-3 text-blue"
            aria-label={t('cart.headerCount', { count: cartCount })}
          >
            <ShoppingCart aria-hidden size={20} className="rtl:-scale-x-100" />
            <span aria-hidden>{t('cart.headerLabel')}</span>
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
          {user ? (
            <>
              {user.cooperatives.map((c) => (
                <Link key={c.slug} to={`/coop/${c.slug}`} className="btn min-h-10 px-3 text-blue">
                  <LayoutDashboard aria-hidden size={20} />
                  <span>{c.displayName}</span>
                </Link>
              ))}
              {user.isAssociation ? (
                <Link to="/admin" className="btn min-h-10 px-3 text-blue">
                  <ShieldCheck aria-hidden size={20} />
                  <span>{t('nav.association')}</span>
                </Link>
              ) : null}
              <Link to="/account" className="btn min-h-10 px-3 text-blue">
                <UserRound aria-hidden size={20} />
                <span>{t('nav.myAccount')}</span>
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="btn min-h-10 px-3 text-blue">
                  <LogOut aria-hidden size={20} className="rtl:-scale-x-100" />
                  <span>{t('nav.logOut')}</span>
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="btn min-h-10 px-3 text-blue">
              <LogIn aria-hidden size={20} className="rtl:-scale-x-100" />
              <span>{t('nav.logIn')}</span>
            </Link>
          )}
          <Form
            method="post"
            action="/set-language"
            reloadDocument
            className="flex items-center gap-1"
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
        </nav>
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
