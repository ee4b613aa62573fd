// Apply the committed migrations to the configured database (DATABASE_URL, else PGlite).
import { getDatabase } from '#app/utils/db.server.ts'

const handle = getDatabase()
await handle.migrate()
console.log(`Migrations applied (${handle.kind}).`)
await handle.close()
