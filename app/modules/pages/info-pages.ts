// The pages every shop has (about, certification, delivery and returns, terms, privacy,
// contact): their addresses, in the order of the footer. Their text is in the catalogues,
// under `pages.<key>`.

export const infoPages = [
  { key: 'about', path: '/about' },
  { key: 'certification', path: '/certification' },
  { key: 'delivery', path: '/delivery-returns' },
  { key: 'terms', path: '/terms' },
  { key: 'privacy', path: '/privacy' },
  { key: 'contact', path: '/contact' },
] as const

export type InfoPageKey = (typeof infoPages)[number]['key']
