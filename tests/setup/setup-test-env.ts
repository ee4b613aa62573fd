import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { setDatabase, type DatabaseHandle } from '#app/utils/db.server.ts'
import { openFileDatabase, openPgliteDatabase, resetDatabase } from './test-database.ts'

process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET = 'test-secret-new,test-secret-old'
process.env.SEED_DEMO = 'false'
delete process.env.DATABASE_URL
// Uploaded files of this test file go to a folder of its own, removed at the end.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-test-'))
process.env.DATA_DIR = dataDir
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))
delete process.env.SMTP_URL

let file: { handle: DatabaseHandle; drop(): Promise<void> } | undefined

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    file = await openFileDatabase()
    setDatabase(file.handle)
  } else {
    // Opened on first use: files of pure unit tests never pay for a database.
    setDatabase(() => {
      file = openPgliteDatabase()
      return file.handle
    })
  }
})

afterAll(async () => {
  setDatabase(undefined)
  await file?.drop()
})

// Every test starts from a clean database (a fresh copy needs no cleaning).
let usedBefore = false
beforeEach(async () => {
  if (file && usedBefore) await resetDatabase(file.handle)
  usedBefore = Boolean(file)
})
afterEach(() => {
  usedBefore = Boolean(file)
})

// A console.error during a test is a defect the test did not expect: fail it.
let consoleErrors: unknown[][] = []
beforeEach(() => {
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
  })
})
afterEach(() => {
  if (consoleErrors.length) {
    const first = consoleErrors[0]?.map(String).join(' ')
    consoleErrors = []
    throw new Error(`console.error was called during the test: ${first}`)
  }
})
