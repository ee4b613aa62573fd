// `npm test`: typecheck, the vitest suite, a production build, the Playwright suite, then the
// Nu HTML Checker over every page the Playwright suite saw. Needs nothing else on a fresh
// machine but a Java runtime for the last step: without a system Chromium it installs
// Playwright's own; without Java it says so and skips the HTML check (in CI it fails).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed`)
    process.exit(result.status ?? 1)
  }
}

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
  fs.existsSync(p),
)

run('Typecheck', 'npx', ['tsc'])
run('Unit and integration tests (vitest)', 'npx', ['vitest', 'run'])
run('Production build', 'npx', ['remix', 'vite:build'])
if (!process.env.CHROMIUM_PATH && !systemChromium) {
  run("Installing Playwright's Chromium", 'npx', ['playwright', 'install', 'chromium'])
}
run('End-to-end tests (Playwright)', 'npx', ['playwright', 'test'], { E2E_SKIP_BUILD: '1' })
run('HTML validity of the pages the end-to-end tests saw (Nu HTML Checker)', 'npx', [
  'tsx',
  'scripts/check-html.ts',
])
console.log('\n✓ All tests passed')
