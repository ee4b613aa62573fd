// Every message a screen can show is in a part of the catalogue that its page has in the
// browser: the storefront part, which the client entry always loads, and the parts that the
// route, its parent layouts or the modules they import await with `loadMessages(…)`. A key
// whose part the page lacks would be shown to the reader as the key itself.
//
// Modules are read as text, following their imports: a key is any string that starts with a
// section of the catalogue (`'cart.title'`, `` `catalog.sort.${order}` ``), so keys kept in data
// are found too. `.server` modules are not followed: they translate with the server's `t`,
// which holds every part (a form's error comes to the screen as its message, not its key).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { catalogueParts, type CataloguePart } from './catalogue.ts'

const appDir = 'app'

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

const partOfKey = new Map<string, CataloguePart>()
for (const part of catalogueParts) {
  const messages: unknown = JSON.parse(
    fs.readFileSync(path.join(appDir, 'locales', 'en', `${part}.json`), 'utf8'),
  )
  for (const key of keysOf(messages)) partOfKey.set(key, part)
}
const sections = new Set([...partOfKey.keys()].map((key) => key.split('.')[0]!))

/** The parts holding `key` or keys under it (`prefix` true: keys that start with it). */
function partsOf(key: string, prefix: boolean): Set<CataloguePart> {
  const parts = new Set<CataloguePart>()
  for (const [candidate, part] of partOfKey) {
    if (prefix ? candidate.startsWith(key) : candidate === key || candidate.startsWith(`${key}.`))
      parts.add(part)
  }
  return parts
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function resolve(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('#app/')) base = path.join(appDir, specifier.slice('#app/'.length))
  else if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier)
  else return null
  if (!/\.tsx?$/.test(base) || /\.server\.tsx?$/.test(base)) return null
  return fs.existsSync(base) ? base : null
}

const sources = new Map<string, string>()
function source(file: string) {
  let text = sources.get(file)
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8')
    sources.set(file, text)
  }
  return text
}

/** The module and every module of the app it imports, directly or not. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const match of source(file).matchAll(importPattern)) {
    const imported = resolve(file, match[1] ?? match[2]!)
    if (imported) closure(imported, seen)
  }
  return seen
}

type KeyUse = { key: string; prefix: boolean; file: string; called: boolean }

function keysUsedIn(file: string): KeyUse[] {
  const uses: KeyUse[] = []
  for (const match of source(file).matchAll(/(\bt\(\s*)?(['"`])([a-zA-Z]+\.[\w.${}]*)/g)) {
    const [, call, quote, text] = match as unknown as [string, string | undefined, string, string]
    if (!sections.has(text.split('.')[0]!)) continue
    const dynamic = quote === '`' && text.includes('${')
    const key = dynamic ? text.slice(0, text.indexOf('${')) : text
    uses.push({ key, prefix: dynamic, file, called: Boolean(call) })
  }
  return uses
}

function partsAwaitedIn(file: string): CataloguePart[] {
  return [...source(file).matchAll(/loadMessages\(([^)]*)\)/g)].flatMap((match) =>
    [...match[1]!.matchAll(/'(\w+)'/g)].map((part) => part[1] as CataloguePart),
  )
}

const routeFiles = fs
  .readdirSync(path.join(appDir, 'routes'))
  .filter((name) => name.endsWith('.tsx') && !name.includes('.test.'))

/** The layout routes a flat route file nests in (`coop.$slug.team` in `coop.$slug`). */
function parentsOf(name: string): string[] {
  const segments = name.replace(/\.tsx$/, '').split('.')
  const parents: string[] = []
  for (let end = 1; end < segments.length; end++) {
    if (segments[end - 1]!.endsWith('_')) break
    const candidate = `${segments.slice(0, end).join('.')}.tsx`
    if (routeFiles.includes(candidate)) parents.push(candidate)
  }
  return parents
}

describe('every message a page shows is in a part the page loads', () => {
  test.each(routeFiles)('%s', (name) => {
    const modules = [
      path.join(appDir, 'root.tsx'),
      ...[name, ...parentsOf(name)].map((file) => path.join(appDir, 'routes', file)),
    ]
    const files = new Set(modules.flatMap((file) => [...closure(file)]))
    const loaded = new Set<CataloguePart>(['storefront'])
    for (const file of files) for (const part of partsAwaitedIn(file)) loaded.add(part)

    const missing: string[] = []
    for (const file of files) {
      for (const use of keysUsedIn(file)) {
        const parts = partsOf(use.key, use.prefix)
        if (parts.size === 0 && use.called) missing.push(`${use.key} (${use.file}): in no part`)
        for (const part of parts)
          if (!loaded.has(part)) missing.push(`${use.key} (${use.file}): in ${part}`)
      }
    }
    expect(missing).toEqual([])
  })
})

test('the scan sees the modules, keys and parts it should', () => {
  expect(parentsOf('coop.$slug.products._index.tsx')).toEqual(['coop.$slug.tsx'])
  expect(parentsOf('coop.$slug_.money.statement.tsx')).toEqual([])
  expect(
    closure(path.join(appDir, 'root.tsx')).has(path.join(appDir, 'components/site-header.tsx')),
  ).toBe(true)
  expect(
    keysUsedIn(path.join(appDir, 'components/site-footer.tsx')).map((use) => use.key),
  ).toContain('pages.links.')
  expect(partsAwaitedIn(path.join(appDir, 'routes/coop.$slug.tsx'))).toContain('backoffice')
})
