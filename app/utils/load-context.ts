import '@remix-run/node'
import type { PageTicket } from './page-cache.server.ts'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Correlates a request's log lines and the id shown on error pages. */
    requestId: string
    /** The CSP nonce of this response's inline scripts. */
    nonce: string
    /** The client's address, for rate limits. */
    clientIp: string
    /** Set when this anonymous page may be kept and sent again (page-cache.server.ts). */
    pageTicket?: PageTicket
  }
}

export {}
