import { Link } from '@remix-run/react'
import { MapPin, UsersRound } from 'lucide-react'
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { imageSrcSet, imageUrl } from '#app/modules/media/image-urls.ts'

/** A cooperative in a list (home, directory): logo, name, place, women members, its story. */
export function CooperativeCard({
  cooperative: c,
  heading: Heading,
  children,
}: {
  cooperative: {
    slug: string
    displayName: string
    logo: StoredImage | null
    province: string
    region: string
    womenMemberCount: number
    story: string
  }
  heading: 'h2' | 'h3'
  /** Lines shown between the facts and the story. */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <li className="card flex flex-col gap-2">
      <div className="flex items-center gap-3">
        {c.logo ? (
          <img
            src={imageUrl(c.logo.key)}
            srcSet={imageSrcSet(c.logo, 'webp')}
            sizes="56px"
            width={56}
            height={56}
            alt=""
            loading="lazy"
            className="size-14 rounded-xl bg-white object-contain"
          />
        ) : null}
        <Heading className="text-xl font-semibold">
          <Link to={`/cooperatives/${c.slug}`}>{c.displayName}</Link>
        </Heading>
      </div>
      <p className="flex items-center gap-1 text-sm">
        <MapPin aria-hidden size={16} className="shrink-0 text-terracotta" />
        {t('home.place', { province: c.province, region: c.region })}
      </p>
      <p className="flex items-center gap-1 text-sm">
        <UsersRound aria-hidden size={16} className="shrink-0 text-olive" />
        {t('home.womenMembers', { count: c.womenMemberCount })}
      </p>
      {children}
      <p className="mt-1" dir="auto">
        {c.story}
      </p>
    </li>
  )
}
