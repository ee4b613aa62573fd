import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Rollup } from 'vite'
import { precompressDirectory } from './server/precompress.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * Every page loads the root route and all it imports: in the browser build those modules go
 * out as two files instead of two dozen small ones, each a round trip on a phone's
 * connection: `vendor` (the libraries, unchanged from one release to the next) and `shell`
 * (our own). Nothing is added to any page, since every page loads all of them (ADR 024).
 */
function shellChunk(): Rollup.GetManualChunk {
  let shell: Set<string> | undefined
  return (id, { getModuleInfo }) => {
    if (!shell) {
      shell = new Set()
      const stack = [path.resolve('app/root.tsx')]
      while (stack.length) {
        const next = stack.pop()!
        const info = shell.has(next) ? null : getModuleInfo(next)
        if (!info) continue
        shell.add(next)
        stack.push(...info.importedIds)
      }
    }
    if (!shell.has(id)) return undefined
    // Vite's and Rollup's own helpers (ids starting with a NUL) are imported by the
    // libraries: with them, so that `vendor` imports nothing of ours.
    return id.includes('/node_modules/') || id.startsWith('\0') ? 'vendor' : 'shell'
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  build: {
    cssMinify: true,
    target: 'es2022',
    rollupOptions: isSsrBuild ? {} : { output: { manualChunks: shellChunk() } },
  },
  server: { port: 3000 },
  plugins: [
    tailwindcss(),
    !process.env.VITEST &&
      remix({
        serverModuleFormat: 'esm',
        // Brotli and gzip made once here, sent as they are by the server.
        buildEnd: ({ remixConfig }) => {
          precompressDirectory(`${remixConfig.buildDirectory}/client`)
        },
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
}))
