// Issue 13: the authorisation matrix. Every route module in app/routes, its loader and its
// action, called as each of nine identities, must answer the status its row in
// `authorization-matrix.table.ts` says. A route module without a row fails here.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { call, makeRequest, statusOf } from '#tests/helpers.ts'
import { identities, matrix, type Probe, type Statuses } from './authorization-matrix.table.ts'
import { buildWorld, sessionOf, type World } from './authorization-matrix.world.ts'

const routesDir = path.resolve(import.meta.dirname, '../../app/routes')
const tableFile = 'tests/integration/authorization-matrix.table.ts'

/** The route modules, as `@remix-run/fs-routes` finds them (tests and .server files aside). */
function routeModules(): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const inside = fs
        .readdirSync(path.join(routesDir, entry.name))
        .find((name) => /^route\.(tsx?|jsx?)$/.test(name))
      if (inside) found.push(`${entry.name}/${inside}`)
    } else if (/\.(tsx?|jsx?)$/.test(entry.name) && !/\.(test|server)\.[jt]sx?$/.test(entry.name)) {
      found.push(entry.name)
    }
  }
  return found.sort()
}

type RouteModule = { loader?: Parameters<typeof call>[0]; action?: Parameters<typeof call>[0] }

async function statusesOf(
  world: World,
  fn: RouteModule['loader'],
  probe: Probe,
  method: 'GET' | 'POST',
): Promise<Statuses> {
  const actual: Partial<Statuses> = {}
  for (const who of identities) {
    const cookie = await sessionOf(world, who)
    const request =
      method === 'GET'
        ? makeRequest(probe.path(world), { cookie })
        : makeRequest(probe.path(world), { cookie, form: probe.form?.(world) ?? {} })
    actual[who] = statusOf(await call(fn, request, probe.params?.(world) ?? {}))
  }
  return actual as Statuses
}

describe('authorisation matrix', () => {
  const modules = routeModules()

  test('every row of the table is a route module that exists', () => {
    const stale = Object.keys(matrix).filter((file) => !modules.includes(file))
    expect(stale, `rows in ${tableFile} for route modules that are gone`).toEqual([])
  })

  test.each(modules)('%s', async (file) => {
    const probes = matrix[file]
    if (!probes?.length) {
      expect.fail(
        `app/routes/${file} has no row in the authorisation matrix: add one to ${tableFile} ` +
          'with the status its loader and action must give each identity.',
      )
    }
    const module = (await import(path.join(routesDir, file))) as RouteModule
    const world = await buildWorld()
    for (const probe of probes) {
      const where = `${file}${probe.label ? ` (${probe.label})` : ''}`
      for (const [kind, fn, expected] of [
        ['loader', module.loader, probe.loader],
        ['action', module.action, probe.action],
      ] as const) {
        if (!fn) {
          expect(
            expected,
            `${where}: the table expects a ${kind} the module does not export`,
          ).toBeUndefined()
          continue
        }
        if (!expected) {
          expect.fail(`${where} exports a ${kind}: add its expected statuses to ${tableFile}`)
        }
        const actual = await statusesOf(world, fn, probe, kind === 'loader' ? 'GET' : 'POST')
        const wrong = identities
          .filter((who) => actual[who] !== expected[who])
          .map((who) => `${who}: expected ${expected[who]}, got ${actual[who]}`)
        expect(wrong, `${where}, ${kind}`).toEqual([])
      }
    }
  })
})
