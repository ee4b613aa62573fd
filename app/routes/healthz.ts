import { isDatabaseReachable } from '#app/utils/db.server.ts'

/** For load balancers and monitors: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const database = await isDatabaseReachable()
  return Response.json(
    { status: database ? 'ok' : 'unavailable', database: database ? 'reachable' : 'unreachable' },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
