// Housekeeping: delete stored files that no row references any more (older than a day).
import { sweepUnreferencedFiles } from '#app/modules/media/sweep.server.ts'
import { getDatabase } from '#app/utils/db.server.ts'

const handle = getDatabase()
await handle.migrate()
console.log(`Unreferenced files deleted: ${await sweepUnreferencedFiles()}`)
await handle.close()
