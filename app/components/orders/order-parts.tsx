import { Link } from '@remix-run/react'
import {
  CheckCircle2,
  CircleDashed,
  PackageCheck,
  PhoneCall,
  Truck,
  XCircle,
  type LucideIcon,
} from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { type PartView } from '#app/modules/orders/views.server.ts'

const statusIcons: Record<string, { Icon: LucideIcon; tone: string }> = {
  pending_payment: { Icon: CircleDashed, tone: 'bg-sand-dark text-ink' },
  awaiting_confirmation: { Icon: PhoneCall, tone: 'bg-blue-light text-blue-dark' },
  placed: { Icon: CheckCircle2, tone: 'bg-blue-light text-blue-dark' },
  preparing: { Icon: PackageCheck, tone: 'bg-blue-light text-blue-dark' },
  shipped: { Icon: Truck, tone: 'bg-blue-light text-blue-dark' },
  delivered: { Icon: CheckCircle2, tone: 'bg-olive-light text-olive' },
  completed: { Icon: CheckCircle2, tone: 'bg-olive-light text-olive' },
  refused_at_door: { Icon: XCircle, tone: 'bg-danger-light text-danger' },
  returned: { Icon: XCircle, tone: 'bg-danger-light text-danger' },
  cancelled: { Icon: XCircle, tone: 'bg-danger-light text-danger' },
  refunded: { Icon: XCircle, tone: 'bg-sand-dark text-ink' },
  partially_refunded: { Icon: XCircle, tone: 'bg-sand-dark text-ink' },
}

/** A state as a coloured icon and a short word. */
export function OrderStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const { Icon, tone } = statusIcons[status] ?? statusIcons.placed!
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-3 py-1 font-semibold ${tone}`}>
      <Icon aria-hidden size={18} />
      {t(`orders.status.${status}`)}
    </span>
  )
}

export function OrderLines({ part }: { part: PartView }) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-2">
      <table className="w-full text-start">
        <caption className="sr-only">{t('orders.items')}</caption>
        <tbody>
          {part.lines.map((line) => (
            <tr key={line.id} className="border-b border-sand-dark">
              <td className="py-2">
                <Link to={`/products/${line.productSlug}`} dir="auto">
                  {line.title}
                </Link>
                {line.variantLabel ? (
                  <span className="block text-sm text-ink-soft" dir="auto">
                    {line.variantLabel}
                  </span>
                ) : null}
              </td>
              <td className="px-2 py-2 whitespace-nowrap">× {line.quantity}</td>
              <td className="py-2 text-end whitespace-nowrap">{line.line}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex justify-between">
        <span>{t('orders.shipping')}</span>
        <span>{part.shipping}</span>
      </p>
      <p className="flex justify-between font-semibold">
        <span>{t('orders.total')}</span>
        <span>{part.total}</span>
      </p>
    </div>
  )
}

export function OrderHistory({ part }: { part: PartView }) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('orders.history')} className="flex flex-col gap-1">
      <h3 className="font-semibold">{t('orders.history')}</h3>
      <ol className="flex flex-col gap-1 border-s-2 border-sand-dark ps-3">
        {part.events.map((e) => (
          <li key={e.id} className="text-sm">
            <span className="font-semibold">{e.label}</span> · {e.actor} ·{' '}
            <time className="text-ink-soft" dateTime={e.dateTime}>
              {e.date}
            </time>
            {e.note ? (
              <span className="block" dir="auto">
                {e.note}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
