import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { resetHtmlPages } from './html-pages.ts'
import { startServer } from './server.ts'

export const adminEmail = 'admin@e2e.taawun.ma'
export const adminPassword = 'e2e-admin-olive-grove'

export default async function globalSetup() {
  resetHtmlPages()
  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync('build/server/index.js')) {
    execSync('npx remix vite:build', { stdio: 'inherit' })
  }
  const env: Record<string, string> = { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword }
  let dropDatabase = async () => {}
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `taawun_e2e_${Date.now().toString(36)}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database "${name}"`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
    dropDatabase = async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
      await cleanup.end()
    }
  }
  const server = await startServer(env)
  process.env.E2E_BASE_URL = server.url
  return async () => {
    await server.stop()
    // The authenticator secrets the log-in fixture kept for this run (see fixtures.ts).
    const port = new URL(server.url).port
    fs.rmSync(path.join(os.tmpdir(), `taawun-e2e-totp-${port}.json`), { force: true })
    await dropDatabase()
  }
}
