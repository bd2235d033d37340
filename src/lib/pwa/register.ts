/**
 * Registers the service worker through workbox-window (production builds only: Kit's dev server
 * serves it as a module worker) and reports a waiting update so the page can offer "Update now".
 */
import { dev } from '$app/environment';

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
}
