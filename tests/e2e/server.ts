// Start the production build on a free port against a database of its own.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export type RunningServer = {
  url: string
  process: ChildProcess
  logs: string[]
  stop(): Promise<void>
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const logs: string[] = []
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-e2e-'))
  const child = spawn(process.execPath, ['server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      DEV_MAILBOX: 'true',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'e2e-secret',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()))
  const url = `http://localhost:${port}`
  // The server says when it listens (a message on the IPC channel, server.js): no polling,
  // and no clock of our own — a server that never starts is stopped by Playwright's timeout.
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', () => reject(new Error(`The server exited early:\n${logs.join('')}`)))
  })
  const health = await fetch(`${url}/healthz`)
  if (health.status !== 200 && !env.EXPECT_UNHEALTHY) {
    throw new Error(`The server is not healthy (${health.status}):\n${logs.join('')}`)
  }
  return {
    url,
    process: child,
    logs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      if (!env.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
