import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { precompressDirectory } from './server/precompress.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  build: { cssMinify: true, target: 'es2022' },
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
})
