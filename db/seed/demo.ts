import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { cooperativeDocuments, cooperatives, documentKinds } from '#db/schema/cooperatives.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { storeDocument } from '#app/modules/media/documents.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { demoCooperatives } from './data/demo-cooperatives.ts'
import { addMembership, createCooperative, createMaker, createUser } from './factories.ts'

/** Every demo account signs in with this password (printed in the README). */
export const demoPassword = 'taawun-demo-2026'

/** The invented cooperatives of the demo world, with their teams and makers. Idempotent. */
export async function seedDemoWorld(db: Queryable) {
  const passwordHash = await hashPassword(demoPassword)
  let created = 0
  for (const demo of demoCooperatives) {
    const [existing] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(eq(cooperatives.slug, demo.slug))
    if (existing) continue
    const {
      manager,
      members,
      makers,
      regionCode: _region,
      provinceCode,
      brandColor,
      ...fields
    } = demo
    const cooperative = await createCooperative(db, {
      ...fields,
      provinceCode,
      logo: await storeImage(await drawLogo(demo.displayName, brandColor)),
      decidedAt: demo.status === 'applied' ? null : new Date(),
    })
    // Every demo cooperative has its papers, so reviewers can open them.
    for (const kind of documentKinds) {
      const stored = await storeDocument(demoPaper(demo.legalNameFr, kind))
      await db.insert(cooperativeDocuments).values({
        cooperativeId: cooperative.id,
        kind,
        storageKey: stored.key,
        contentType: stored.contentType,
        size: stored.size,
      })
    }
    const managerUser = await createUser(db, { ...manager, passwordHash, locale: 'ar' })
    await addMembership(db, {
      cooperativeId: cooperative.id,
      userId: managerUser.id,
      role: 'manager',
    })
    for (const member of members) {
      const user = await createUser(db, { ...member, passwordHash, locale: 'ar' })
      await addMembership(db, { cooperativeId: cooperative.id, userId: user.id, role: 'member' })
    }
    for (const maker of makers) {
      await createMaker(db, {
        cooperativeId: cooperative.id,
        name: maker.name,
        bioAr: maker.bioAr,
        bioFr: maker.bioFr,
        bioEn: maker.bioEn,
        consent: maker.showPublicly,
      })
    }
    created++
  }
  return created
}

/** A simple round logo: the cooperative's initial on its colour, drawn locally. */
async function drawLogo(name: string, color: string) {
  const initial = name.trim().charAt(0).toUpperCase()
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">
    <rect width="512" height="512" fill="#faf6ef"/>
    <circle cx="256" cy="256" r="220" fill="${color}"/>
    <circle cx="256" cy="256" r="180" fill="none" stroke="#faf6ef" stroke-width="8" stroke-dasharray="24 16"/>
    <text x="256" y="330" font-family="sans-serif" font-size="220" font-weight="bold" fill="#faf6ef" text-anchor="middle">${initial}</text>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** A one-page PDF standing in for a legal paper of the demo world. */
function demoPaper(legalName: string, kind: string) {
  const text = `${kind.replace('_', ' ')} - ${legalName} (demo)`
    .replace(/[()\\]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
  const stream = `BT /F1 18 Tf 60 760 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
