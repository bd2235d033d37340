/**
 * Badges just issued, in memory: what is unsaved (PINs, the badge sheet), when leaving must be asked
 * about, and the drawable label's layout and print resolution.
 */
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { badgeSheet } from '../../src/lib/admin/badge-sheet.svelte.js';
import { LABEL_PX, QR_PNG_MODULE_PX, labelLayout, wrapName } from '../../src/lib/admin/badge-label-layout.js';
import { chosenForReprint, planGroupBadges } from '../../src/lib/admin/group-badge-plan.js';
import { holdsSecrets, mustConfirmLeave, unsavedOf } from '../../src/lib/admin/issued-secrets.js';
import { crc32, withPrintResolution } from '../../src/lib/admin/png-resolution.js';
import type { GroupBadgePreviewPerson, IssuedBadgeView } from '../../server/contracts/bulk.js';
import { renderQrPng } from '../../server/platform/qr-image.js';

const AT = new Date('2026-12-06T13:40:00Z');

describe('unsaved badges and PINs', () => {
  const fresh = { pins: 3, badges: 5, pinsSavedAt: null, sheetPrintedAt: null };

  test('nothing saved: both unsaved, leaving is asked about', () => {
    expect(unsavedOf(fresh)).toEqual({ pins: true, badges: true });
    expect(mustConfirmLeave(fresh)).toBe(true);
  });

  test('PINs saved but no sheet printed (or the other way round) still asks', () => {
    expect(unsavedOf({ ...fresh, pinsSavedAt: AT })).toEqual({ pins: false, badges: true });
    expect(mustConfirmLeave({ ...fresh, pinsSavedAt: AT })).toBe(true);
    expect(unsavedOf({ ...fresh, sheetPrintedAt: AT })).toEqual({ pins: true, badges: false });
    expect(mustConfirmLeave({ ...fresh, sheetPrintedAt: AT })).toBe(true);
  });

  test('both saved: no question, but the page still holds secrets (it keeps warning)', () => {
    const saved = { ...fresh, pinsSavedAt: AT, sheetPrintedAt: AT };
    expect(mustConfirmLeave(saved)).toBe(false);
    expect(holdsSecrets(saved)).toBe(true);
  });

  test('a reprint without PINs needs only the sheet; an empty batch asks nothing', () => {
    const reprint = { pins: 0, badges: 2, pinsSavedAt: null, sheetPrintedAt: null };
    expect(unsavedOf(reprint)).toEqual({ pins: false, badges: true });
    expect(mustConfirmLeave({ ...reprint, sheetPrintedAt: AT })).toBe(false);
    const none = { pins: 0, badges: 0, pinsSavedAt: null, sheetPrintedAt: null };
    expect(mustConfirmLeave(none)).toBe(false);
    expect(holdsSecrets(none)).toBe(false);
  });
});

describe('the batch in memory', () => {
  const view = (n: number, pin: string | null): IssuedBadgeView => ({
    userId: `u${n}`,
    userPrincipalName: `p${n}@example.test`,
    displayName: `Person ${n}`,
    shortCode: 'AAAAA-BBBBB',
    image: { binaryValue: 'iVBOR', rawContent: 'SP1:X' },
    expireDateTime: AT.toISOString(),
    pin,
  });

  test('a new batch starts unsaved; saving is remembered; clearing forgets the secrets', () => {
    badgeSheet.show([view(1, '123456'), view(2, null)]);
    expect(badgeSheet.withPin.map((b) => b.userId)).toEqual(['u1']);
    expect(badgeSheet.labels.map((l) => [l.userId, l.pin])).toEqual([
      ['u1', '123456'],
      ['u2', undefined],
    ]);
    expect(badgeSheet.mustConfirmLeave).toBe(true);
    badgeSheet.pinsSaved('download', AT);
    expect([badgeSheet.pinsSavedBy, badgeSheet.unsaved]).toEqual(['download', { pins: false, badges: true }]);
    badgeSheet.sheetPrinted(AT);
    expect(badgeSheet.mustConfirmLeave).toBe(false);
    badgeSheet.show([view(3, '999999')]);
    expect(badgeSheet.mustConfirmLeave).toBe(true);
    badgeSheet.clear();
    expect([badgeSheet.badges, badgeSheet.holdsSecrets, badgeSheet.mustConfirmLeave]).toEqual([
      [],
      false,
      false,
    ]);
  });
});

describe('label layout', () => {
  // A fixed-width "font": 10 px a character.
  const measure = (text: string) => text.length * 10;

  test('a name fits on one line, wraps at spaces onto two, then is cut with …', () => {
    expect(wrapName('Ana Silva', 100, measure)).toEqual(['Ana Silva']);
    expect(wrapName('Maria Fernanda', 100, measure)).toEqual(['Maria', 'Fernanda']);
    expect(wrapName('Maria Fernanda Gonçalves', 100, measure)).toEqual(['Maria', 'Fernanda…']);
    expect(wrapName('Maria Fernanda Gonçalves da Silva', 150, measure)).toEqual([
      'Maria Fernanda',
      'Gonçalves da…',
    ]);
    expect(wrapName('  Ana   Silva ', 100, measure)).toEqual(['Ana Silva']);
  });

  test('a word longer than a line is broken inside it', () => {
    expect(wrapName('Wolfeschlegelsteinhausen', 100, measure)).toEqual(['Wolfeschle', 'gelsteinh…']);
  });

  test('on a 2"×2" 300-dpi label: the QR at whole pixels per module, centred, the text under it, all inside', async () => {
    const png = PNG.sync.read(
      Buffer.from(
        (await renderQrPng('SP1:ABCD:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBB')).binaryValue,
        'base64',
      ),
    );
    // The layout's assumption about the server's PNG holds: whole modules of QR_PNG_MODULE_PX.
    expect(png.width % QR_PNG_MODULE_PX).toBe(0);
    for (const name of ['Ana Silva', 'Maria Fernanda Gonçalves da Silva Pereira Santos']) {
      const layout = labelLayout(
        { displayName: name, shortCode: '7KQ4M-2XJ9P' },
        png.width,
        (t) => t.length * 30,
      );
      expect(layout.size).toBe(LABEL_PX);
      expect(LABEL_PX).toBe(600);
      const modules = png.width / QR_PNG_MODULE_PX;
      expect(layout.qr.size).toBe(modules * layout.qr.pxPerModule);
      expect(layout.qr.pxPerModule).toBeGreaterThanOrEqual(QR_PNG_MODULE_PX);
      expect(layout.qr.x * 2 + layout.qr.size).toBeGreaterThanOrEqual(LABEL_PX - 1);
      expect(layout.qr.y).toBeGreaterThanOrEqual(0);
      // Name lines then the short code, each below the last, all on the label.
      const baselines = [...layout.name.y, layout.code.y];
      expect(baselines[0]!).toBeGreaterThan(layout.qr.y + layout.qr.size);
      expect([...baselines].sort((a, b) => a - b)).toEqual(baselines);
      expect(layout.code.y).toBeLessThanOrEqual(LABEL_PX);
      expect(layout.name.lines.length).toBeLessThanOrEqual(2);
      // Larger than the bare QR the server rendered.
      expect(layout.qr.size).toBeGreaterThan(png.width);
    }
  });
});

describe('print resolution', () => {
  test('the PNG gets a pHYs chunk of 300 dpi after its header, and still decodes', () => {
    const png = PNG.sync.write(new PNG({ width: 4, height: 4 }));
    const marked = Buffer.from(withPrintResolution(new Uint8Array(png), 300));
    expect(marked.length).toBe(png.length + 21);
    expect(marked.subarray(37, 41).toString('latin1')).toBe('pHYs');
    expect(marked.readUInt32BE(41)).toBe(11811);
    expect(marked.readUInt32BE(45)).toBe(11811);
    expect(marked[49]).toBe(1);
    expect(marked.readUInt32BE(50)).toBe(crc32(marked.subarray(37, 50)));
    expect(PNG.sync.read(marked).width).toBe(4);
    expect(() => withPrintResolution(new Uint8Array([1, 2, 3]), 300)).toThrow();
  });

  test('crc32 of a known string', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('store badges plan', () => {
  const person = (userId: string, status: GroupBadgePreviewPerson['status']): GroupBadgePreviewPerson => ({
    userId,
    displayName: userId,
    userPrincipalName: `${userId}@example.test`,
    status,
    expireDateTime: status === 'hasBadge' ? AT.toISOString() : null,
  });
  const plan = planGroupBadges([
    person('a', 'newBadgeAndPin'),
    person('b', 'hasBadge'),
    person('c', 'newBadge'),
    person('d', 'notAllowed'),
    person('e', 'hasBadge'),
  ]);

  test('Issue badges people without one; only people with a badge can be reprinted', () => {
    expect(plan.toIssue.map((p) => p.userId)).toEqual(['a', 'c']);
    expect(plan.reprintable.map((p) => p.userId)).toEqual(['b', 'e']);
  });

  test('a reprint sends only the chosen people who still have a badge, in the list order', () => {
    expect(chosenForReprint(plan, new Set(['e', 'a', 'b', 'gone']))).toEqual(['b', 'e']);
    expect(chosenForReprint(plan, new Set())).toEqual([]);
  });
});
