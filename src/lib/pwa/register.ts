/**
 * Registers the service worker through workbox-window (production builds only: Kit's dev server
 * serves it as a module worker) and reports a waiting update so the page can offer "Update now".
 * A kiosk can stay open for days without a navigation, so it also asks for a new version every hour
 * and whenever the app comes back to the foreground.
 */
import { dev } from '$app/environment';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

export async function registerServiceWorker(onUpdateReady: (apply: () => void) => void): Promise<void> {
  if (dev || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/service-worker.js');
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  await wb.register();
  // An update check fails quietly offline; the next one tries again.
  const check = () => void wb.update().catch(() => undefined);
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
