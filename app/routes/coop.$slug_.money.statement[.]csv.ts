import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { chooseStatement } from '#app/modules/money/statement-selection.server.ts'
import { statement, statementCsv } from '#app/modules/money/statements.server.ts'
import { serverNow } from '#app/utils/clock.server.ts'

const columns = ['date', 'order', 'product', 'makers', 'gross', 'commission', 'net', 'payout']

/** The statement as a CSV download, with its header in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  const url = new URL(request.url)
  const choice = await chooseStatement(
    scope.cooperative.id,
    {
      from: url.searchParams.get('from'),
      to: url.searchParams.get('to'),
      payout: url.searchParams.get('payout'),
    },
    serverNow(),
  )
  if (!choice.ok && choice.status === 404) throw new Response('Not found', { status: 404 })
  if (!choice.ok) {
    throw new Response(t(choice.error), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const found = await statement({
    cooperativeId: scope.cooperative.id,
    selection: choice.selection,
    language,
  })
  const csv = statementCsv(found, {
    header: columns.map((c) => t(`moneyScreen.columns.${c}`)),
    shipping: t('moneyScreen.shipping'),
    makersTitle: t('moneyScreen.makersTitle'),
    cooperative: t('moneyScreen.cooperative'),
    total: t('moneyScreen.total'),
  })
  const name = choice.payout
    ? `statement-${choice.payout.reference}`
    : `statement-${scope.cooperative.slug}-${choice.period!.from}-${choice.period!.to}`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
