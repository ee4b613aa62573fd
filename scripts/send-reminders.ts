// Housekeeping: e-mail the expiry reminders that are due (60, 30 and 7 days before), once each.
import { sendCertificateReminders } from '#app/modules/certification/reminders.server.ts'
import { getDatabase } from '#app/utils/db.server.ts'

const handle = getDatabase()
await handle.migrate()
const sent = await sendCertificateReminders()
console.log(`Certificate reminders sent: ${sent}`)
await handle.close()
