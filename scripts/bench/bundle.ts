// JavaScript a page loads before it is interactive, from the build: the Remix manifest
// names each route's module and its static imports; the entry, the routes a URL matches and
// the storefront part of the language catalogue the entry fetches at start are added up, gzipped as the server
// sends them.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

type ManifestRoute = {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  module: string
  imports?: string[]
}

type RemixManifest = {
  entry: { module: string; imports: string[] }
  routes: Record<string, ManifestRoute>
}

export type BundleResult = {
  page: string
  url: string
  routes: string[]
  files: number
  gzipBytes: number
  rawBytes: number
}

const clientDir = 'build/client'

/** The manifest Remix writes for the browser (`window.__remixManifest={…}`). */
function readManifest(): RemixManifest {
  const assets = path.join(clientDir, 'assets')
  const file = fs.readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name))
  if (!file) throw new Error(`No Remix manifest in ${assets}: build the app first`)
  const text = fs.readFileSync(path.join(assets, file), 'utf8')
  const json = text.slice(text.indexOf('=') + 1).replace(/;\s*$/, '')
  return JSON.parse(json) as RemixManifest
}

/**
 * The routes a URL renders, root first: the best-ranked full match as React Router ranks
 * them (a static segment beats a dynamic one, which beats a splat).
 */
export function matchRoutes(manifest: RemixManifest, url: string): string[] {
  const segments = url.split('?')[0]!.split('/').filter(Boolean)
  const children = new Map<string, ManifestRoute[]>()
  for (const route of Object.values(manifest.routes)) {
    if (!route.parentId) continue
    children.set(route.parentId, [...(children.get(route.parentId) ?? []), route])
  }
  let best: { ids: string[]; score: number } | null = null
  const visit = (route: ManifestRoute, rest: string[], ids: string[], score: number) => {
    const pattern = (route.path ?? '').split('/').filter(Boolean)
    let remaining = rest
    for (const part of pattern) {
      if (part === '*') {
        score -= 2
        remaining = []
      } else if (part.startsWith(':')) {
        if (remaining.length === 0) return
        score += 3
        remaining = remaining.slice(1)
      } else {
        if (remaining[0]?.toLowerCase() !== part.toLowerCase()) return
        score += 10
        remaining = remaining.slice(1)
      }
    }
    const chain = [...ids, route.id]
    const kids = children.get(route.id) ?? []
    if (route.index) {
      if (remaining.length === 0 && (!best || score + 2 > best.score))
        best = { ids: chain, score: score + 2 }
      return
    }
    for (const child of kids) visit(child, remaining, chain, score)
    if (remaining.length === 0 && (!best || score > best.score)) best = { ids: chain, score }
  }
  const root = manifest.routes.root
  if (!root) throw new Error('The manifest has no root route')
  visit(root, segments, [], 0)
  return (best as { ids: string[] } | null)?.ids ?? ['root']
}

/**
 * The storefront part of the language catalogue, which the client entry imports before
 * hydrating: its chunk is named beside its source path in one of the entry's chunks.
 */
function catalogueChunk(manifest: RemixManifest, language: string): string | null {
  const pattern = new RegExp(
    `"[./]*locales/${language}/storefront\\.json":\\(\\)=>[^"]*?import\\("\\./([^"]+)"\\)`,
  )
  for (const file of [manifest.entry.module, ...manifest.entry.imports]) {
    const found = pattern.exec(fs.readFileSync(path.join(clientDir, file), 'utf8'))
    if (found) return path.posix.join(path.posix.dirname(file), found[1]!)
  }
  return null
}

const gzipCache = new Map<string, { raw: number; gzip: number }>()
function sizes(file: string) {
  let cached = gzipCache.get(file)
  if (!cached) {
    const data = fs.readFileSync(path.join(clientDir, file))
    cached = { raw: data.length, gzip: zlib.gzipSync(data).length }
    gzipCache.set(file, cached)
  }
  return cached
}

export function measureBundles(
  pages: { page: string; url: string }[],
  language = 'ar',
): BundleResult[] {
  const manifest = readManifest()
  const catalogue = catalogueChunk(manifest, language)
  return pages.map(({ page, url }) => {
    const routes = matchRoutes(manifest, url)
    const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports])
    for (const id of routes) {
      const route = manifest.routes[id]!
      files.add(route.module)
      for (const file of route.imports ?? []) files.add(file)
    }
    if (catalogue) files.add(catalogue)
    let gzipBytes = 0
    let rawBytes = 0
    for (const file of files) {
      const size = sizes(file)
      gzipBytes += size.gzip
      rawBytes += size.raw
    }
    return { page, url, routes, files: files.size, gzipBytes, rawBytes }
  })
}
