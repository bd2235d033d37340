/**
 * Keeps the screen on while the scan screen shows (a kiosk phone that dims mid-scan looks broken).
 * The browser drops the lock whenever the page is hidden, so it is asked for again when the page
 * comes back. Where the Wake Lock API is missing or refuses (no permission, battery saver), the
 * screen simply follows its normal timeout: nothing is shown to the worker.
 */
interface Sentinel {
  readonly released: boolean;
  release(): Promise<void>;
}

export interface WakeLockEnvironment {
  navigator: { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } };
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/** Holds a screen wake lock until the returned function is called. */
export function keepScreenAwake(
  env: WakeLockEnvironment = { navigator: globalThis.navigator, document: globalThis.document },
): () => void {
  const api = env.navigator.wakeLock;
  if (!api || typeof api.request !== 'function') return () => undefined;
  let active = true;
  let sentinel: Sentinel | null = null;
  let requesting = false;

  const acquire = async () => {
    if (!active || requesting || env.document.visibilityState !== 'visible') return;
    if (sentinel && !sentinel.released) return;
    requesting = true;
    try {
      const lock = await api.request('screen');
      if (active) sentinel = lock;
      else void lock.release().catch(() => undefined);
    } catch {
      // Refused or unsupported here: the screen dims as it normally would.
    } finally {
      requesting = false;
    }
  };

  const onVisibility = () => void acquire();
  env.document.addEventListener('visibilitychange', onVisibility);
  void acquire();

  return () => {
    active = false;
    env.document.removeEventListener('visibilitychange', onVisibility);
    const lock = sentinel;
    sentinel = null;
    if (lock && !lock.released) void lock.release().catch(() => undefined);
  };
}
