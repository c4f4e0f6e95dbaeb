import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * In production the Rust server maps /p/* and /s/* to share.html. The dev server
 * has to do the same, or a share link would open the console in development.
 */
function shareRoutesInDev(): Plugin {
  return {
    name: 'xhspub-share-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/(p|s)\/[^/?#]+/.test(req.url)) req.url = '/share.html';
        next();
      });
    },
  };
}

// The API server a `npm run dev` session talks to (the Rust binary's default port).
const apiTarget = process.env.XHSPUB_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [vue(), shareRoutesInDev()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/readyz': apiTarget,
      '/media': apiTarget,
    },
  },
  build: {
    // The size check reads the manifest to know which files each page loads.
    manifest: true,
    // Two entries: the phone loads share.html only and never pulls the console's Vue bundle.
    rollupOptions: {
      input: {
        console: `${root}index.html`,
        share: `${root}share.html`,
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
