import { publicOrigin } from '#app/utils/origin.server.ts'

/** What crawlers may visit: the storefront, not the dashboards, accounts or private files. */
export function loader() {
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /coop/',
    'Disallow: /admin',
    'Disallow: /account',
    'Disallow: /login',
    'Disallow: /signup',
    'Disallow: /forgot-password',
    'Disallow: /reset-password',
    'Disallow: /invitations/',
    'Disallow: /documents/',
    'Disallow: /certificate-files/',
    'Disallow: /dev/',
    '',
    `Sitemap: ${publicOrigin()}/sitemap.xml`,
    '',
  ].join('\n')
  return new Response(body, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    },
  })
}
