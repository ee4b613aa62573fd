/**
 * What a route tells the page cache (page-cache.server.ts, ADR 020). `keptForAnyone`: the
 * page, rendered for a visitor without a session, depends only on its address, the reader's
 * language, the catalogue (its version), the product it shows (its revision) and the sale
 * windows — so it may be kept and sent again to anyone else without a session.
 */
export type KeptPageHandle = { keptForAnyone?: boolean }
