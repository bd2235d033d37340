import { describe, expect, it } from 'vitest';
import { LazyModule } from '../../src/lib/kiosk/lazy-module.svelte';

describe('a kiosk screen loaded on first use (LazyModule)', () => {
  it('is fetched once however often the kiosk asks for it, and is there once loaded', async () => {
    let fetches = 0;
    const screen = new LazyModule(async () => {
      fetches += 1;
      return 'home screen';
    });
    expect(screen.value).toBeNull();
    await Promise.all([screen.load(), screen.load(), screen.load()]);
    await screen.load();
    expect(fetches).toBe(1);
    expect(screen.value).toBe('home screen');
  });

  it('is fetched again on the next try after a failed fetch (offline before the cache was filled)', async () => {
    let online = false;
    const screen = new LazyModule(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return 'exit flow';
    });
    await expect(screen.load()).rejects.toThrow('Failed to fetch');
    expect(screen.value).toBeNull();
    online = true;
    await expect(screen.load()).resolves.toBe('exit flow');
    expect(screen.value).toBe('exit flow');
  });
});
