// Kept storefront pages sent again before Remix is asked (ADR 020): the app says which page
// may be kept and whether the one kept is still exact (app/utils/page-cache.server.ts); this
// middleware sends it, encoded as the client accepts, with a page policy allowing exactly its
// inline scripts by their hashes. A page not kept leaves with a ticket the renderer keeps it
// under. Any failure here only means the page is rendered as usual.
import { pagePolicy } from './hardening.js'
import { chooseEncoding } from './static.js'

export function ifNoneMatch(header, etag) {
  if (!header) return false
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}

/**
 * `app` is what the build's entry exports: `anonymousGet(method, cookie)`,
 * `findPage(url, headers)` and `releaseTicket(ticket)`; `paths` the patterns of the pages whose route may keep them
 * (`handle.keptForAnyone`): nothing else costs a look-up.
 */
export function keptPages(app, { paths, production, logger }) {
  return async function sendKeptPage(req, res, next) {
    if (!app.anonymousGet(req.method, req.headers.cookie)) return next()
    if (!paths.some((pattern) => pattern.test(req.path))) return next()
    let found
    try {
      found = await app.findPage(req.originalUrl, {
        cookie: req.headers.cookie,
        'accept-language': req.headers['accept-language'],
      })
    } catch (error) {
      logger?.warn({ msg: 'Kept pages could not be looked up', err: error })
      return next()
    }
    if ('ticket' in found) {
      const ticket = found.ticket
      res.locals.pageTicket = ticket
      // Whatever became of the rendering, those waiting for it stop waiting.
      const release = () => app.releaseTicket?.(ticket)
      res.once('finish', release)
      res.once('close', release)
      return next()
    }
    const page = found.page
    for (const [name, value] of page.headers) res.setHeader(name, value)
    res.setHeader('ETag', page.etag)
    res.setHeader('Vary', 'Accept-Encoding')
    res.setHeader(
      'Content-Security-Policy',
      pagePolicy({ inlineScripts: page.scriptHashes, production }),
    )
    if (ifNoneMatch(req.headers['if-none-match'], page.etag)) {
      res.statusCode = 304
      res.end()
      return
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], page)
    const body = encoding ? page[encoding] : page.identity
    if (encoding) res.setHeader('Content-Encoding', encoding)
    res.setHeader('Content-Length', body.length)
    res.statusCode = 200
    res.end(body)
  }
}
