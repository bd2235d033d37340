/** server/domain/confusable-names.ts: which sign-in names look like an existing one (UTS #39 skeletons). */
import { describe, expect, test } from 'vitest';
import { findLookalikes, skeleton } from '../../server/domain/confusable-names.js';

const existing = [
  { id: 'u1', userPrincipalName: 'admin', displayName: 'Ana Silva' },
  { id: 'u2', userPrincipalName: 'paypal@store1', displayName: 'Pay Pal' },
  { id: 'u3', userPrincipalName: 'josé', displayName: 'José' },
];
const lookalikesOf = (name: string) => findLookalikes(name, existing).map((a) => a.userPrincipalName);

describe('skeleton (UTS #39)', () => {
  test('maps lookalike letters to one prototype, from Unicode confusables.txt', () => {
    expect(skeleton('\u0430dmin')).toBe(skeleton('admin')); // Cyrillic а
    expect(skeleton('0')).toBe(skeleton('O'));
    expect(skeleton('l')).toBe(skeleton('1'));
    expect(skeleton('I')).toBe(skeleton('l'));
  });

  test('ignores default-ignorable characters and compares decomposed', () => {
    expect(skeleton('ad\u00admin')).toBe(skeleton('admin')); // soft hyphen
    expect(skeleton('jose\u0301')).toBe(skeleton('jos\u00e9'));
  });

  test('keeps different letters apart', () => {
    expect(skeleton('admin')).not.toBe(skeleton('admit'));
    expect(skeleton('jose')).not.toBe(skeleton('josé'));
  });
});

describe('findLookalikes', () => {
  test.each([
    ['\u0430dmin', 'Cyrillic а'],
    ['\u0410DMIN', 'Cyrillic А in capitals (names compare without case)'],
    ['\uff41\uff44\uff4d\uff49\uff4e', 'full-width letters'],
    ['adrnin', 'r n for m'],
    ['paypaI@store1', 'a capital I for l'],
    ['JOSÉ', 'É, which the database does not fold to é'],
  ])('%s looks like an existing name (%s)', (name) => {
    expect(lookalikesOf(name)).toHaveLength(1);
  });

  test('names the person it looks like', () => {
    expect(findLookalikes('\u0430dmin', existing)).toEqual([existing[0]]);
  });

  test('the same name in another ASCII case is a duplicate, not a lookalike', () => {
    expect(lookalikesOf('ADMIN')).toEqual([]);
  });

  test('ordinary different names are not reported', () => {
    for (const name of ['ana.silva', 'bo', 'jose', 'admin2', 'paypal@store2', 'PAYPAI@store1']) {
      expect(lookalikesOf(name), name).toEqual([]);
    }
  });

  test('reports at most `limit` people, five unless told', () => {
    const names = ['admin', '\u0430dmin', 'adrnin', '\u0430drnin', 'adm\u0456n', '\u0430dm\u0456n'];
    const many = names.map((userPrincipalName, i) => ({
      id: `x${i}`,
      userPrincipalName,
      displayName: `X${i}`,
    }));
    expect(findLookalikes('\uff41dmin', many, 3)).toHaveLength(3);
    expect(findLookalikes('\uff41dmin', many)).toHaveLength(5);
  });
});
