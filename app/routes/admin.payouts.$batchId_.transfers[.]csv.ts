import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { batchDetail, transferCsv } from '#app/modules/money/payouts.server.ts'

// The bank-transfer file of a batch (README, "Payouts"): a download, no state change.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'finance')
  const batch = await batchDetail(params.batchId ?? '')
  if (!batch) throw new Response('Not found', { status: 404 })
  return new Response(transferCsv(batch), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${batch.number}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
