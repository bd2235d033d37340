import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Registered by src/lib/pwa through workbox-window so the update prompt has one owner.
    serviceWorker: { register: false },
    alias: { $server: 'server' },
    // Root-relative asset paths: with relative ones, the icon link of a page at one depth (/admin)
    // points elsewhere after a client-side navigation to another depth (/admin/login).
    paths: { relative: false },
    typescript: {
      // Type-check the API, scripts, benchmarks, examples and tool configs with the app (npm run check).
      config(tsconfig) {
        tsconfig.include.push(
          '../server/**/*.ts',
          '../scripts/**/*.js',
          '../scripts/**/*.ts',
          '../bench/**/*.ts',
          '../examples/**/*.js',
          '../playwright.config.ts',
          '../drizzle.config.ts',
        );
      },
    },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        // 'wasm-unsafe-eval' lets the self-hosted zxing-wasm decoder compile; no eval() of scripts.
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'media-src': ['self', 'blob:'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'frame-ancestors': ['none'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
