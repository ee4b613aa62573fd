import { sql } from 'drizzle-orm'
import { ensureAdmin } from '#db/seed/admin.ts'
import { seedDemoCatalog } from '#db/seed/demo-catalog.ts'
import { seedDemoMoney } from '#db/seed/demo-money.ts'
import { seedDemoOrders } from '#db/seed/demo-orders.ts'
import { seedDemoWorld } from '#db/seed/demo.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { sendCertificateReminders } from '#app/modules/certification/reminders.server.ts'
import { sweepUnreferencedFiles } from '#app/modules/media/sweep.server.ts'
import { deliverPendingEmails } from '#app/modules/notifications/outbox.server.ts'
import { completeDeliveredOrders } from '#app/modules/orders/fulfilment.server.ts'
import { stripeConfigured } from '#app/modules/payments/stripe-client.server.ts'
import { expireUnpaidCardOrders } from '#app/modules/payments/stripe-sync.server.ts'
import { serverNow } from './clock.server.ts'
import { getDatabase } from './db.server.ts'
import { getEnv } from './env.server.ts'

type Logger = {
  info(message: unknown): void
  warn(message: unknown): void
  error(message: unknown): void
}

/** Bring the database up to date and seed a new one; returns whether it was empty. */
export async function prepareDatabase(logger: Logger = console): Promise<{ firstStart: boolean }> {
  const env = getEnv()
  const handle = getDatabase()
  await handle.migrate()
  const [row] = await handle.rows<{ count: number }>(
    sql`select count(*)::int as count from regions`,
  )
  const firstStart = (row?.count ?? 0) === 0
  await handle.db.transaction(async (tx) => {
    await seedReferenceData(tx)
  })
  const admin = await ensureAdmin(handle.db, {
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  })
  if (admin.created) {
    logger.info(
      admin.generatedPassword
        ? `Association admin created: ${admin.email} with password ${admin.generatedPassword} (shown only this once)`
        : `Association admin created: ${admin.email}`,
    )
  }
  if (firstStart && env.SEED_DEMO === 'true') {
    const count = await seedDemoWorld(handle.db)
    const catalog = await seedDemoCatalog(handle.db)
    const demoOrders = await seedDemoOrders()
    const demoMoney = await seedDemoMoney()
    logger.info(
      `Demo world seeded: ${count} cooperatives, ${catalog.products} products, ${catalog.certificates} certificates, ${demoOrders + demoMoney.orders} orders, ${demoMoney.batches} payout batches`,
    )
  }
  return { firstStart }
}

/**
 * Called once by the HTTP server before it listens. If the database cannot be reached the
 * server still starts (health checks answer 503, pages a friendly error) and keeps trying.
 * A worker of a cluster (`role: 'worker'`) only answers requests: its primary prepared the
 * database and runs the housekeeping, once for all processes.
 */
export async function startup({
  logger,
  role = 'all',
}: {
  logger: Logger
  role?: 'all' | 'worker'
}) {
  if (role === 'worker') {
    return {
      async stop() {
        await getDatabase().close()
      },
    }
  }
  let retry: NodeJS.Timeout | undefined
  const prepare = async () => {
    try {
      await prepareDatabase(logger)
      return true
    } catch (error) {
      logger.error({
        msg: 'The database is not ready; trying again in 10 seconds',
        error: String(error),
      })
      retry = setTimeout(() => void prepare(), 10_000)
      retry.unref()
      return false
    }
  }
  await prepare()
  const timer = setInterval(() => {
    deliverPendingEmails().catch((error: unknown) =>
      logger.error({ msg: 'e-mail delivery failed', error: String(error) }),
    )
  }, 30_000)
  timer.unref()
  // Housekeeping only: expiry itself is read at query time, so a missed run sells nothing wrong.
  const reminders = setInterval(() => {
    sendCertificateReminders().catch((error: unknown) =>
      logger.error({ msg: 'certificate reminders failed', error: String(error) }),
    )
    // Delivered orders past the withdrawal window become completed.
    completeDeliveredOrders(serverNow()).catch((error: unknown) =>
      logger.error({ msg: 'order completion failed', error: String(error) }),
    )
  }, 60 * 60_000)
  reminders.unref()
  // Card orders whose Checkout Session expired without a webhook: cancelled and restocked
  // (or placed, if Stripe says they were paid after all).
  const cardExpiry = setInterval(() => {
    if (!stripeConfigured()) return
    expireUnpaidCardOrders().catch((error: unknown) =>
      logger.error({ msg: 'card order expiry failed', error: String(error) }),
    )
  }, 5 * 60_000)
  cardExpiry.unref()
  const sweep = setInterval(
    () => {
      sweepUnreferencedFiles().catch((error: unknown) =>
        logger.error({ msg: 'file sweep failed', error: String(error) }),
      )
    },
    6 * 60 * 60_000,
  )
  sweep.unref()
  return {
    async stop() {
      clearInterval(timer)
      clearInterval(reminders)
      clearInterval(cardExpiry)
      clearInterval(sweep)
      if (retry) clearTimeout(retry)
      await getDatabase().close()
    },
  }
}
