/**
 * A manager confirming on the worker's phone (ManagerConfirm): intro → the manager's badge → their
 * PIN → the parent's confirm; refusals shown in words, a mistyped PIN typed again on the same badge.
 */
import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../../src/lib/i18n/catalogue.js';
import { describe as describeNotice } from '../../../src/lib/i18n/describe.js';
import { ManagerConfirm, type ManagerConfirmOutcome } from '../../../src/lib/kiosk/manager-confirm.svelte.js';

const en = messagesFor('en');
const es = messagesFor('es');
const ISSUER = 'ACME';
const MANAGER_BADGE = `SP1:${ISSUER}:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const FOREIGN_BADGE = `SP1:OTHER:ABCDEFGHJKMNPQRS:ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

function confirmWith(...answers: ManagerConfirmOutcome[]) {
  const calls: { qr: string; pin: string }[] = [];
  const confirm = new ManagerConfirm({
    issuerId: () => ISSUER,
    confirm: (qr, pin) => {
      calls.push({ qr, pin });
      return Promise.resolve(answers.shift() ?? { ok: true });
    },
  });
  return { confirm, calls };
}

const shown = (confirm: ManagerConfirm, m = en) =>
  confirm.notice ? describeNotice(m, confirm.notice, 8) : null;

describe('a manager confirms on the phone', () => {
  test('badge then PIN reach the parent’s confirm, then done', async () => {
    const { confirm, calls } = confirmWith({ ok: true });
    expect(confirm.step).toBe('intro');
    confirm.ask();
    expect(confirm.step).toBe('scan');
    expect(confirm.badgeScanned(MANAGER_BADGE)).toBe(true);
    expect(confirm.step).toBe('pin');
    expect(await confirm.pinEntered('50391728')).toBe(true);
    expect(calls).toEqual([{ qr: MANAGER_BADGE, pin: '50391728' }]);
    expect(confirm.step).toBe('done');
  });

  test('another organization’s badge is refused before any call', () => {
    const { confirm, calls } = confirmWith();
    confirm.ask();
    expect(confirm.badgeScanned(FOREIGN_BADGE)).toBe(false);
    expect(confirm.step).toBe('scan');
    expect(shown(confirm)).toBe(en.signInErrors.foreignBadge);
    expect(calls).toEqual([]);
  });

  test('a wrong PIN says how many tries are left, and the same badge can try again', async () => {
    const { confirm, calls } = confirmWith(
      { ok: false, error: { code: 'PIN_INCORRECT', message: 'x', remainingAttempts: 2 } },
      { ok: true },
    );
    confirm.ask();
    confirm.badgeScanned(MANAGER_BADGE);
    expect(await confirm.pinEntered('11111111')).toBe(false);
    expect(confirm.step).toBe('pin');
    expect(shown(confirm)).toBe(en.signInErrors.pinIncorrectTries(2));
    expect(await confirm.pinEntered('50391728')).toBe(true);
    expect(calls.map((call) => call.qr)).toEqual([MANAGER_BADGE, MANAGER_BADGE]);
  });

  test('a manager of another store is told so, in English and Spanish, and the camera opens again', async () => {
    const { confirm } = confirmWith({
      ok: false,
      error: { code: 'APPROVER_NOT_OF_STORE', message: 'x' },
    });
    confirm.ask();
    confirm.badgeScanned(MANAGER_BADGE);
    await confirm.pinEntered('50391728');
    expect(confirm.step).toBe('scan');
    expect(shown(confirm)).toBe(en.signInErrors.APPROVER_NOT_OF_STORE);
    expect(shown(confirm, es)).toBe(es.signInErrors.APPROVER_NOT_OF_STORE);
    // The badge is forgotten: a PIN alone sends nothing.
    expect(await confirm.pinEntered('50391728')).toBe(false);
  });

  test('reset forgets the manager’s badge', () => {
    const { confirm } = confirmWith();
    confirm.ask();
    confirm.badgeScanned(MANAGER_BADGE);
    confirm.reset();
    expect(confirm.step).toBe('intro');
    expect(confirm.notice).toBeNull();
  });
});
