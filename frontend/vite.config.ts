import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
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
  resolve: {
    // Messages are compiled by our own `{name}` formatter (console/i18n), so
    // vue-i18n's runtime build (no message compiler) is all the console needs.
    alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.mjs' },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  plugins: [
    vue(),
    // Element Plus components used in the console's templates are imported on
    // demand, with their CSS, so a route only loads the widgets it shows.
    // The share page has no .vue files and never sees them.
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/console/element-plus.d.ts',
    }),
    shareRoutesInDev(),
  ],
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
    // Element Plus's components import their CSS: let Vite (not Node) load them.
    server: { deps: { inline: ['element-plus'] } },
  },
});
