import { describe, expect, it } from 'vitest';
import { createHeldRead } from '../../src/lib/kiosk/held-read';
import { REFUSED_QUIET_MS } from '../../src/lib/scanner/decode-gate';

describe('a badge read while the scan screen warms up out of sight', () => {
  it('is handed over once when the screen shows, so the worker does not wait for another read', () => {
    let now = 0;
    const held = createHeldRead(() => now);
    held.hold('badge-1');
    now = 200;
    expect(held.take()).toBe('badge-1');
    expect(held.take()).toBeNull();
  });

  it('is the latest read when several came in', () => {
    let now = 0;
    const held = createHeldRead(() => now);
    held.hold('badge-1');
    now = 100;
    held.hold('badge-2');
    expect(held.take()).toBe('badge-2');
  });

  it('is dropped once the decoders would offer a badge still in view again: it may have gone', () => {
    let now = 0;
    const held = createHeldRead(() => now);
    held.hold('badge-1');
    now = REFUSED_QUIET_MS;
    expect(held.take()).toBeNull();
  });

  it('is forgotten when the screen goes away without showing (a worker was still signed in)', () => {
    const held = createHeldRead(() => 0);
    held.hold('badge-1');
    held.clear();
    expect(held.take()).toBeNull();
  });
});
