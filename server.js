// The HTTP server: static files, security headers, request ids and logs, then Remix.
// In production on PostgreSQL, one process per core (WEB_CONCURRENCY): the primary prepares
// the database and runs the housekeeping jobs once; the workers only answer requests. The
// embedded database lives in one process, so it always runs as a single process.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import pino from 'pino'
import {
  forgetUntrustedForwarding,
  pagePolicy,
  refuseForeignOrigins,
  refuseResourceData,
  refuseUnknownMethods,
  resourceRoutePatterns,
  routePatterns,
  settleHeaders,
} from './server/hardening.js'
import { keptPages } from './server/page-cache.js'
import { precompressedStatic } from './server/static.js'

const production = process.env.NODE_ENV === 'production'
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined })

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

async function loadBuild() {
  return viteDevServer
    ? viteDevServer.ssrLoadModule('virtual:remix/server-build')
    : import(path.resolve('build/server/index.js'))
}

const workers =
  production && process.env.DATABASE_URL
    ? Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism())
    : 1
const isWorker = cluster.isWorker

const build = await loadBuild()
// Migrations, first-start seed and housekeeping intervals live in the app (entry.server);
// workers of a cluster skip them (their primary ran them before forking).
const { stop } = await build.entry.module.startup({ logger, role: isWorker ? 'worker' : 'all' })

if (workers > 1 && cluster.isPrimary) {
  let stopping = false
  // Buffers cross the channel as they are: workers hand each other the pages they keep.
  cluster.setupPrimary({ serialization: 'advanced' })
  for (let i = 0; i < workers; i++) cluster.fork()
  // A page kept by one worker is passed on to the others (ADR 023); they check it like any
  // page they kept themselves before sending it.
  cluster.on('message', (from, message) => {
    if (message?.type !== 'taawun:kept-page') return
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message)
    }
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) stop().finally(() => process.exit(0))
      return
    }
    logger.warn({ msg: 'A server process stopped; starting another', code, signal })
    cluster.fork()
  })
  logger.info(`Taawun runs ${workers} server processes`)
  // A parent that started this server with an IPC channel (the end-to-end tests) is told
  // once a worker listens.
  cluster.once('listening', (_worker, address) => process.send?.({ listening: address.port }))
  const shutdownAll = () => {
    stopping = true
    setTimeout(() => process.exit(0), 8000).unref()
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', shutdownAll)
  process.on('SIGINT', shutdownAll)
} else {
  serve()
}

function serve() {
  const app = express()
  app.disable('x-powered-by')
  const trustProxy = process.env.TRUST_PROXY === 'true' || process.env.TRUST_PROXY === '1'
  if (trustProxy) app.set('trust proxy', true)
  if (!viteDevServer) {
    // Build files first, from memory and compressed at build time: no request id, nonce, page
    // policy or log line for a stylesheet (its answer carries nosniff and its caching).
    app.use(
      precompressedStatic('build/client', {
        cacheControl: (urlPath) =>
          urlPath.startsWith('/assets/')
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
      }),
    )
  }
  app.use(compression())

  const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id')
    res.locals.requestId =
      incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID()
    res.locals.nonce = crypto.randomBytes(16).toString('base64')
    res.setHeader('X-Request-Id', res.locals.requestId)
    const start = process.hrtime.bigint()
    res.on('finish', () => {
      // The path only: query strings may carry tokens (password reset links).
      logger.info({
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - start) / 1000n) / 1000,
      })
    })
    next()
  })

  // Private documents answer with their own headers (framed only by our pages): the adapter
  // appends headers, so the page policy must not be set for them at all.
  const documentPaths = /^\/(documents|certificate-files)\//

  app.use(settleHeaders({ hsts: production }))
  app.use(refuseUnknownMethods)
  app.use(forgetUntrustedForwarding(trustProxy))
  app.use(refuseForeignOrigins)
  app.use(refuseResourceData(resourceRoutePatterns(build.routes)))

  app.use((req, res, next) => {
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    if (documentPaths.test(req.path)) return next()
    const csp = pagePolicy({ inlineScripts: [`'nonce-${res.locals.nonce}'`], production })
    // Vite's development client injects inline scripts without a nonce; report only there.
    res.setHeader(
      production ? 'Content-Security-Policy' : 'Content-Security-Policy-Report-Only',
      csp,
    )
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    next()
  })

  // Storefront pages kept for anyone (ADR 020), in production: the development server
  // reloads the app on every change. Before the files on disk: a page's address is never a
  // file's, and looking for one cost every page a file-system look-up (ADR 023).
  if (!viteDevServer) {
    const paths = routePatterns(build.routes, (route) => route.module?.handle?.keptForAnyone)
    app.use(keptPages(build.entry.module, { paths, production, logger }))
  }

  if (viteDevServer) {
    app.use(viteDevServer.middlewares)
  } else {
    app.use(
      '/assets',
      express.static('build/client/assets', { immutable: true, maxAge: '1y', index: false }),
    )
    app.use(express.static('build/client', { maxAge: '1h', index: false }))
  }

  app.all(
    '*',
    createRequestHandler({
      build: viteDevServer ? loadBuild : build,
      mode: production ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId,
        nonce: res.locals.nonce,
        clientIp: req.ip ?? 'unknown',
        pageTicket: res.locals.pageTicket,
      }),
    }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const server = app.listen(port, () => {
    logger.info(`Taawun is listening on http://localhost:${port}`)
    // A parent that started this server with an IPC channel (the end-to-end tests) is told.
    if (cluster.isPrimary && process.send) process.send({ listening: port })
  })

  function shutdown() {
    setTimeout(() => process.exit(0), 5000).unref()
    server.close(() => {
      // Close the database cleanly: the embedded one writes its files on close.
      stop().finally(() => process.exit(0))
    })
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
