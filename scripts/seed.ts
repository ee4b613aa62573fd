// Seed reference data, the association admin and (unless SEED_DEMO=false) the demo world.
// Safe to run again: every step skips what is already there.
import { ensureAdmin } from '#db/seed/admin.ts'
import { seedDemoCatalog } from '#db/seed/demo-catalog.ts'
import { seedDemoMoney } from '#db/seed/demo-money.ts'
import { seedDemoOrders } from '#db/seed/demo-orders.ts'
import { seedDemoWorld } from '#db/seed/demo.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const env = getEnv()
const handle = getDatabase()
await handle.migrate()
await handle.db.transaction((tx) => seedReferenceData(tx))
const admin = await ensureAdmin(handle.db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD })
if (admin.created) {
  console.log(
    admin.generatedPassword
      ? `Association admin: ${admin.email} / ${admin.generatedPassword} (shown only this once)`
      : `Association admin: ${admin.email}`,
  )
}
if (env.SEED_DEMO === 'true') {
  const created = await seedDemoWorld(handle.db)
  const catalog = await seedDemoCatalog(handle.db)
  const demoOrders = await seedDemoOrders()
  const demoMoney = await seedDemoMoney()
  console.log(
    `Demo world: ${created} cooperatives, ${catalog.products} products, ${catalog.certificates} certificates, ${demoOrders + demoMoney.orders} orders, ${demoMoney.batches} payout batches added.`,
  )
}
await handle.close()
