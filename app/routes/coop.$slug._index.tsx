import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
  Banknote,
  BadgeCheck,
  IdCard,
  Package,
  ShoppingBag,
  UsersRound,
  HandHeart,
} from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { ExpiryWarnings, ReadyToPublish } from '#app/components/certificate-warnings.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import {
  expiryWarnings,
  publishableDrafts,
  viewExpiryWarnings,
} from '#app/modules/certification/watch.server.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { balancesOf } from '#app/modules/money/balances.server.ts'
import { cooperativeOrderCounts } from '#app/modules/orders/queries.server.ts'
import { db } from '#app/utils/db.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const now = serverNow()
  const manager = scope.role === 'manager'
  const [counts, balances, warnings, names, ready] = await Promise.all([
    cooperativeOrderCounts(scope.cooperative.id),
    // Every member may see the balances (ADR 016); the lines behind them are for managers.
    balancesOf(db, scope.cooperative.id, now),
    expiryWarnings(scope.cooperative.id, now),
    certificationTypeNames(language),
    manager
      ? publishableDrafts(scope.cooperative.id, now, { approvedSinceEdit: true })
      : Promise.resolve([]),
  ])
  return {
    warnings: viewExpiryWarnings(warnings, names, language),
    readyToPublish: ready.length,
    newOrders: counts.new,
    available: formatMoney(balances.availableCentimes, language),
    noIndex: true,
    title: t('coop.metaTitle', { name: scope.cooperative.displayName }),
    cooperative: scope.cooperative,
    role: scope.role,
  }
}

const tiles = [
  { key: 'products', Icon: Package, path: 'products' },
  { key: 'orders', Icon: ShoppingBag, path: 'orders' },
  { key: 'certificates', Icon: BadgeCheck, path: 'certificates' },
  { key: 'money', Icon: Banknote, path: 'money' },
  { key: 'makers', Icon: HandHeart, path: 'makers' },
  { key: 'team', Icon: UsersRound, path: 'team' },
  { key: 'profile', Icon: IdCard, path: 'profile' },
] as const

export default function CooperativeDashboard() {
  const { cooperative, role, newOrders, available, warnings, readyToPublish } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main">
      <h1 className="text-3xl font-semibold">{cooperative.displayName}</h1>
      <p className="mt-1 mb-6 text-ink-soft">
        {t('coop.youAre', { role: t(`membershipRole.${role}`) })}
      </p>
      <div className="mb-6 flex flex-col gap-4 empty:hidden">
        <ReadyToPublish count={readyToPublish} slug={cooperative.slug} />
        <ExpiryWarnings warnings={warnings} slug={cooperative.slug} canAct={role === 'manager'} />
      </div>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {tiles.map(({ key, Icon, path }) => (
          <li key={key}>
            <Link
              to={`/coop/${cooperative.slug}/${path}`}
              className="card flex min-h-36 flex-col items-center justify-center gap-3 text-center text-lg font-semibold text-ink no-underline hover:ring-2 hover:ring-blue"
            >
              <Icon aria-hidden size={48} className="text-blue" />
              {t(`coop.tiles.${key}`)}
              {key === 'orders' ? (
                <span
                  className={`rounded-full px-3 py-1 text-sm ${newOrders ? 'bg-terracotta text-white' : 'bg-sand-dark text-ink'}`}
                >
                  {newOrders
                    ? t('coopOrders.newCount', { count: newOrders })
                    : t('coopOrders.noneNew')}
                </span>
              ) : null}
              {key === 'money' ? (
                <span className="rounded-full bg-olive-light px-3 py-1 text-sm text-olive">
                  {t('moneyScreen.tileAvailable', { amount: available })}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
