import { type MetaDescriptor } from '@remix-run/node'
import { describeError } from '#app/components/error-boundary.tsx'

type PageData = { title?: string; description?: string; noIndex?: boolean } | undefined
type RootData = { errorTitles?: Record<string, string> } | undefined

/**
 * Titles of every page: loaders return `title` (and `description`); when a route fails, the
 * localized error title from the root loader stands in.
 */
export function pageMeta({
  data,
  matches,
  error,
}: {
  data: unknown
  matches: { id: string; data: unknown }[]
  error?: unknown
}): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as RootData
  if (error) {
    const { kind } = describeError(error)
    return [
      { title: root?.errorTitles?.[kind] ?? 'Taawun' },
      { name: 'robots', content: 'noindex' },
    ]
  }
  const page = data as PageData
  const meta: MetaDescriptor[] = [{ title: page?.title ?? 'Taawun' }]
  if (page?.description) meta.push({ name: 'description', content: page.description })
  if (page?.noIndex) meta.push({ name: 'robots', content: 'noindex' })
  return meta
}
