/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Caches the app shell (built assets, static files and the kiosk page) so the scan screen opens
 * offline. Never caches /api: answers there are personal and must not outlive a sign-out. Leaves
 * /admin (the console) and /manager (kiosk set-up) to the network entirely: no such page is cached or
 * served from the shell.
 */
import { base, build, files, version } from '$service-worker';
import decodeWorkerBundle from '$lib/scanner/decode-worker?worker&url';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `shell-${version}`;
/** SSR pages are not in Kit's asset lists; the kiosk page holds no personal data, so it is cached. */
const SHELL_PAGES = ['/'];
/**
 * Kit's `build` lists the page's chunks and assets (the decoder's `.wasm` among them) but not Web
 * Worker bundles. This build bundles the scanner's decode worker again from the same sources, so with
 * the same content hash as the page's copy, which the client build puts under _app/immutable/workers/
 * (tests/e2e/scanner.spec.ts checks that the page's worker is precached, so the kiosk scans offline).
 */
const DECODE_WORKER = `${base}/_app/immutable/workers/${decodeWorkerBundle.split('/').pop()}`;
const ASSETS = [...build, DECODE_WORKER, ...files, ...SHELL_PAGES];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

const isNetworkOnly = (path: string) =>
  ['/api', '/admin', '/manager'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || isNetworkOnly(url.pathname)) return;

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (ASSETS.includes(url.pathname) && url.pathname !== '/') {
        const cached = await cache.match(url.pathname);
        if (cached) return cached;
      }
      try {
        const response = await fetch(request);
        if (response.ok && url.pathname === '/' && request.mode === 'navigate') {
          await cache.put('/', response.clone());
        }
        return response;
      } catch (error) {
        if (request.mode === 'navigate') {
          const shell = await cache.match('/');
          if (shell) return shell;
        }
        throw error;
      }
    })(),
  );
});
