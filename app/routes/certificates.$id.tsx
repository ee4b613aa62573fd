import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ShieldAlert, ShieldCheck, ShieldOff, ShieldX } from 'lucide-react'
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  certificateState,
  getPublicCertificate,
} from '#app/modules/certification/certificates.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { shareImageOf, siteShareImage } from '#app/modules/media/image-urls.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'

export const handle: KeptPageHandle = { keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

/**
 * Anyone may check a certificate shown on a product: what it is, who issued it, whether it
 * is in force today and when the association verified it. The evidence files stay private.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const row = await getPublicCertificate(params.id ?? '')
  if (!row) throw new Response('Not found', { status: 404 })
  const state = certificateState(row, serverNow())
  const typeName = localized(row, 'typeName', language)
  // Only the fields the page shows: nothing about storage, files or reviewers leaves here.
  const certificate = {
    id: row.id,
    typeName,
    typeDescription: localized(row, 'typeDescription', language),
    issuingBody: row.issuingBody,
    number: row.number,
    signName: row.signName,
    scope: row.scope,
    state,
    cooperativeName: row.cooperativeName,
    cooperativeSlug: row.cooperativeActive ? row.cooperativeSlug : null,
    issuedAt: formatDate(row.issuedAt, language),
    expiresAt: row.expiresAt ? formatDate(row.expiresAt, language) : null,
    approvedAt: row.approvedAt ? formatDate(row.approvedAt, language) : null,
    decidedAt: row.decidedAt ? formatDate(row.decidedAt, language) : null,
    endedOn:
      state === 'expired' && row.expiresAt
        ? formatDate(row.expiresAt, language)
        : state !== 'approved' && row.decidedAt
          ? formatDate(row.decidedAt, language)
          : null,
  }
  const origin = publicOrigin()
  const path = `/certificates/${row.id}`
  const day = (date: Date | string) => new Date(date).toISOString().slice(0, 10)
  return {
    title: t('verify.metaTitle', { type: typeName, cooperative: row.cooperativeName }),
    description: t('verify.metaDescription', {
      type: typeName,
      cooperative: row.cooperativeName,
      state: t(`certificateState.${state}`),
    }),
    seo: {
      path,
      image: row.cooperativeLogo
        ? {
            ...shareImageOf(row.cooperativeLogo),
            alt: t('publicCoop.logoAlt', { name: row.cooperativeName }),
          }
        : { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Certification',
        name: row.signName ? `${typeName} — ${row.signName}` : typeName,
        url: `${origin}${path}`,
        certificationIdentification: row.number,
        certificationStatus: `https://schema.org/${state === 'approved' ? 'CertificationActive' : 'CertificationInactive'}`,
        issuedBy: { '@type': 'Organization', name: row.issuingBody },
        validFrom: day(row.issuedAt),
        ...(row.expiresAt ? { expires: day(row.expiresAt) } : {}),
        about: {
          '@type': 'Organization',
          name: row.cooperativeName,
          ...(row.cooperativeActive
            ? { url: `${origin}/cooperatives/${row.cooperativeSlug}` }
            : {}),
        },
      },
    },
    certificate,
  }
}

type Certificate = ReturnType<typeof useLoaderData<typeof loader>>['certificate']

function StatusSeal({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation()
  const inForce = c.state === 'approved'
  const Icon = inForce
    ? ShieldCheck
    : c.state === 'expired'
      ? ShieldOff
      : c.state === 'suspended'
        ? ShieldAlert
        : ShieldX
  const since = c.state === 'approved' ? c.approvedAt : c.endedOn
  return (
    <div
      className={`flex items-center gap-4 rounded-2xl border-2 p-5 ${
        inForce
          ? 'border-olive bg-olive-light text-olive'
          : c.state === 'expired'
            ? 'border-ink-soft bg-sand-dark text-ink'
            : 'border-danger bg-danger-light text-danger'
      }`}
    >
      <Icon aria-hidden size={56} strokeWidth={1.75} className="shrink-0" />
      <div>
        <p className="text-2xl font-semibold">{t(`verify.state.${c.state}`)}</p>
        <p>{t(`verify.explain.${c.state}`, { date: since ?? '' })}</p>
      </div>
    </div>
  )
}

export default function CertificateVerification() {
  const { certificate: c } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const facts: { label: string; value: ReactNode }[] = [
    {
      label: t('verify.cooperative'),
      value: c.cooperativeSlug ? (
        <Link to={`/cooperatives/${c.cooperativeSlug}`}>{c.cooperativeName}</Link>
      ) : (
        c.cooperativeName
      ),
    },
    { label: t('verify.issuingBody'), value: c.issuingBody },
    { label: t('verify.number'), value: <span dir="ltr">{c.number}</span> },
    ...(c.signName ? [{ label: t('verify.signName'), value: c.signName }] : []),
    {
      label: t('verify.scope'),
      value: t(c.scope === 'cooperative' ? 'verify.scopeCooperative' : 'verify.scopeProducts'),
    },
    {
      label: t('verify.validity'),
      value: c.expiresAt
        ? t('verify.validFromTo', { from: c.issuedAt, to: c.expiresAt })
        : t('verify.validFromNoExpiry', { from: c.issuedAt }),
    },
    // Verified is said only of a certificate in force; otherwise, when it stopped being so.
    ...(c.state === 'approved'
      ? c.approvedAt
        ? [
            {
              label: t('verify.verifiedLabel'),
              value: t('verify.verifiedOn', { date: c.approvedAt }),
            },
          ]
        : []
      : [
          {
            label: t('verify.statusLabel'),
            value: t(`verify.stateOn.${c.state}`, { date: c.endedOn ?? '' }),
          },
        ]),
  ]
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm text-ink-soft">{t('verify.kicker')}</p>
      <h1 className="mb-2 text-3xl font-semibold">{c.typeName}</h1>
      <p className="mb-6 text-ink-soft">{c.typeDescription}</p>
      <StatusSeal certificate={c} />
      <dl className="card mt-6 grid gap-3">
        {facts.map(({ label, value }) => (
          <div key={label} className="grid gap-1 sm:grid-cols-3 sm:gap-2">
            <dt className="text-sm text-ink-soft">{label}</dt>
            <dd className="break-words sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-6 text-sm text-ink-soft">{t('verify.footnote')}</p>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
