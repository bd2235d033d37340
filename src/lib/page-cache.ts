/**
 * How long a browser or proxy may keep a page's HTML (the Cache-Control of every page answer). Console
 * pages, the manager's kiosk set-up and the one-time setup page are used on shared phones and show
 * people, badges and secrets: `no-store`, never kept. The kiosk shell holds nothing personal; the
 * service worker keeps its own copy so a kiosk starts offline (src/service-worker.ts), and `no-cache`
 * makes the browser ask again each time so a new version is seen at once.
 */
const NEVER_KEPT = ['/admin', '/manager', '/setup'];

export function pageCacheControl(path: string): 'no-store' | 'no-cache' {
  return NEVER_KEPT.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ? 'no-store'
    : 'no-cache';
}
