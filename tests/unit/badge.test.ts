import { describe, expect, test } from 'vitest';
import { badgeFileName, badgePngDataUrl } from '../../src/lib/admin/badge.js';

describe('badge files', () => {
  test('are named after the worker and the short code, in plain ASCII', () => {
    expect(badgeFileName({ displayName: 'Ana Silva', shortCode: '7KQ4M-2XJ9P' })).toBe(
      'badge-ana-silva-7KQ4M-2XJ9P.png',
    );
    expect(badgeFileName({ displayName: 'Zoë  Ŝkoda / Night shift', shortCode: 'AAAAA-BBBBB' })).toBe(
      'badge-zoe-skoda-night-shift-AAAAA-BBBBB.png',
    );
    expect(badgeFileName({ displayName: '李雷', shortCode: 'AAAAA-BBBBB' })).toBe(
      'badge-worker-AAAAA-BBBBB.png',
    );
  });

  test('are shown from the PNG the server rendered', () => {
    expect(badgePngDataUrl({ pngBase64: 'iVBORw0K' })).toBe('data:image/png;base64,iVBORw0K');
  });
});
