import { describe, expect, it } from 'vitest';
import { keepScreenAwake, type WakeLockEnvironment } from '../../../src/lib/scanner/wake-lock';

function fakeEnvironment(options: { refuse?: boolean; supported?: boolean } = {}) {
  const listeners = new Set<() => void>();
  const sentinels: { released: boolean; release(): Promise<void> }[] = [];
  const document = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  const env = {
    navigator:
      options.supported === false
        ? {}
        : {
            wakeLock: {
              request: async () => {
                if (options.refuse) throw new DOMException('denied', 'NotAllowedError');
                const sentinel = {
                  released: false,
                  async release() {
                    sentinel.released = true;
                  },
                };
                sentinels.push(sentinel);
                return sentinel;
              },
            },
          },
    document,
  } as unknown as WakeLockEnvironment;
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    env,
    sentinels,
    flush,
    listeners,
    /** The browser drops the lock when the page is hidden, then the page shows again. */
    async hideAndShow() {
      document.visibilityState = 'hidden';
      for (const sentinel of sentinels) sentinel.released = true;
      listeners.forEach((listener) => listener());
      await flush();
      document.visibilityState = 'visible';
      listeners.forEach((listener) => listener());
      await flush();
    },
  };
}

describe('keepScreenAwake', () => {
  it('holds a screen lock, takes it again when the page comes back, and lets go on release', async () => {
    const fake = fakeEnvironment();
    const release = keepScreenAwake(fake.env);
    await fake.flush();
    expect(fake.sentinels).toHaveLength(1);
    await fake.hideAndShow();
    expect(fake.sentinels).toHaveLength(2);
    expect(fake.sentinels[1]!.released).toBe(false);
    release();
    expect(fake.sentinels[1]!.released).toBe(true);
    expect(fake.listeners.size).toBe(0);
  });

  it('is silent where the browser refuses or has no Wake Lock API', async () => {
    const refused = fakeEnvironment({ refuse: true });
    const release = keepScreenAwake(refused.env);
    await refused.flush();
    expect(() => release()).not.toThrow();
    const missing = fakeEnvironment({ supported: false });
    expect(() => keepScreenAwake(missing.env)()).not.toThrow();
  });

  it('lets go of a lock granted after the scan screen already closed', async () => {
    const fake = fakeEnvironment();
    const release = keepScreenAwake(fake.env);
    release(); // before the request resolved
    await fake.flush();
    expect(fake.sentinels[0]!.released).toBe(true);
  });
});
