import { MessageCircle, Phone } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { type ContactLinks } from '#app/modules/cooperatives/contact.ts'

/** "Call" and "WhatsApp" for a cooperative that chose to show them; nothing otherwise. */
export function ContactButtons({ contact, name }: { contact: ContactLinks | null; name: string }) {
  const { t } = useTranslation()
  if (!contact) return null
  return (
    <div className="flex flex-wrap gap-3">
      <a href={contact.tel} className="btn-secondary inline-flex items-center gap-2 no-underline">
        <Phone aria-hidden size={20} />
        <span>
          {t('contactButtons.call')}{' '}
          <span dir="ltr" className="whitespace-nowrap">
            {contact.display}
          </span>
        </span>
      </a>
      <a
        href={contact.whatsapp}
        className="btn-secondary inline-flex items-center gap-2 no-underline"
        aria-label={t('contactButtons.whatsappLabel', { name })}
      >
        <MessageCircle aria-hidden size={20} />
        {t('contactButtons.whatsapp')}
      </a>
    </div>
  )
}
