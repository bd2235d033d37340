import { describe, expect, it } from 'vitest';
import { REFUSED_QUIET_MS, createDecodeGate } from '../../../src/lib/scanner/decode-gate';

describe('createDecodeGate', () => {
  it('hands an accepted badge over once, whichever decoder reads it again', () => {
    const seen: string[] = [];
    const gate = createDecodeGate((text) => {
      seen.push(text);
      return true;
    });
    expect(gate.offer('SP1:A')).toBe(true); // html5-qrcode
    expect(gate.offer('SP1:A')).toBe(false); // zxing-wasm on the same frame
    expect(gate.offer('SP1:B')).toBe(false);
    expect(seen).toEqual(['SP1:A']);
    expect(gate.closed).toBe(true);
  });

  it('does not repeat a refused badge while it stays in view, but offers it again later', () => {
    let now = 0;
    const seen: string[] = [];
    const gate = createDecodeGate(
      (text) => {
        seen.push(text);
        return false;
      },
      () => now,
    );
    gate.offer('FOREIGN');
    now += 100;
    gate.offer('FOREIGN');
    now += REFUSED_QUIET_MS;
    gate.offer('FOREIGN');
    expect(seen).toEqual(['FOREIGN', 'FOREIGN']);
  });

  it('offers a different badge straight after a refused one', () => {
    const seen: string[] = [];
    const gate = createDecodeGate((text) => {
      seen.push(text);
      return text === 'OURS';
    });
    gate.offer('FOREIGN');
    expect(gate.offer('OURS')).toBe(true);
    expect(seen).toEqual(['FOREIGN', 'OURS']);
  });

  it('offers nothing once closed by the scanner stopping', () => {
    const seen: string[] = [];
    const gate = createDecodeGate((text) => void seen.push(text));
    gate.close();
    gate.offer('SP1:A');
    expect(seen).toEqual([]);
  });
});
