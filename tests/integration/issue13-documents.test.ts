// Issue 13, item 6: private documents (a cooperative's papers, certificate evidence) are
// never rendered from our origin: a PDF carrying JavaScript or an HTML page behind `%PDF-`
// is sent as an attachment, sandboxed, and shown to reviewers by PDF.js instead.
import { describe, expect, test } from 'vitest'
import { certificateFiles } from '#db/schema/certification.ts'
import { cooperativeDocuments } from '#db/schema/cooperatives.ts'
import { createCertificate, createCooperativeWithTeam, createUser } from '#db/seed/factories.ts'
import { storeDocument } from '#app/modules/media/documents.server.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as fileLoader } from '#app/routes/certificate-files.$id.ts'
import { loader as documentLoader } from '#app/routes/documents.$id.ts'
import { call, loginAs, makeRequest } from '#tests/helpers.ts'

const hostile = {
  'a PDF that runs JavaScript when opened': Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(document.cookie)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  ),
  'an HTML page behind %PDF-': Buffer.from(
    '%PDF-1.4\n<html><body><script>fetch("/account").then(r=>r.text()).then(alert)</script></body></html>\n',
  ),
}

function expectServedAsAttachment(response: Response) {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/)
  const csp = response.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain('sandbox')
  expect(csp).toContain("frame-ancestors 'none'")
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
}

describe('private documents', () => {
  test.each(Object.entries(hostile))(
    '%s is only ever downloaded, by its cooperative and by reviewers',
    async (_name, bytes) => {
      const { cooperative, manager } = await createCooperativeWithTeam(db)
      const reviewer = await createUser(db, { roles: ['reviewer'] })
      const stored = await storeDocument(bytes)
      const [document] = await db
        .insert(cooperativeDocuments)
        .values({
          cooperativeId: cooperative.id,
          kind: 'statutes',
          storageKey: stored.key,
          contentType: stored.contentType,
          size: stored.size,
        })
        .returning({ id: cooperativeDocuments.id })
      const certificate = await createCertificate(db, {
        cooperativeId: cooperative.id,
        type: 'onssa',
        status: 'pending_review',
      })
      const [file] = await db
        .insert(certificateFiles)
        .values({
          certificateId: certificate.id,
          storageKey: stored.key,
          contentType: stored.contentType,
          size: stored.size,
        })
        .returning({ id: certificateFiles.id })
      for (const user of [manager, reviewer]) {
        const cookie = await loginAs(user)
        const asDocument = await call(
          documentLoader,
          makeRequest(`/documents/${document!.id}`, { cookie }),
          { id: document!.id },
        )
        expectServedAsAttachment(asDocument as Response)
        const asEvidence = await call(
          fileLoader,
          makeRequest(`/certificate-files/${file!.id}`, { cookie }),
          { id: file!.id },
        )
        expectServedAsAttachment(asEvidence as Response)
      }
    },
  )
})
