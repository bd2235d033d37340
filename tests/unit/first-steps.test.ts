/** The dashboard's first-steps rules: which basics are done, and why QR sign-in does not work yet. */
import { describe, expect, test } from 'vitest';
import { allDone, firstStepsOf, qrSignInProblem } from '../../src/lib/admin/first-steps.js';
import type { FirstStepsView } from '../../server/features/setup/first-steps.js';

const NEW_INSTALLATION: FirstStepsView = {
  qrCodePinPolicy: { state: 'disabled', includeTargetCount: 1 },
  storeCount: 0,
  peopleCount: 0,
  badgedPeopleCount: 0,
  kioskCount: 0,
};
const READY: FirstStepsView = {
  qrCodePinPolicy: { state: 'enabled', includeTargetCount: 1 },
  storeCount: 3,
  peopleCount: 40,
  badgedPeopleCount: 12,
  kioskCount: 2,
};
const doneOf = (view: FirstStepsView) =>
  Object.fromEntries(firstStepsOf(view).map((step) => [step.id, step.done]));

describe('first steps', () => {
  test('a new installation: nothing done, in the order a person does them, each linking to its page', () => {
    expect(firstStepsOf(NEW_INSTALLATION)).toEqual([
      { id: 'qrSignIn', done: false, count: null, href: '/admin/policies' },
      { id: 'stores', done: false, count: 0, href: '/admin/groups' },
      { id: 'people', done: false, count: 0, href: '/admin/people' },
      { id: 'badges', done: false, count: 0, href: '/admin/people' },
      { id: 'kiosk', done: false, count: 0, href: '/admin/devices' },
    ]);
    expect(allDone(firstStepsOf(NEW_INSTALLATION))).toBe(false);
  });

  test('everything set up: every step done, and the checklist can go', () => {
    expect(doneOf(READY)).toEqual({ qrSignIn: true, stores: true, people: true, badges: true, kiosk: true });
    expect(allDone(firstStepsOf(READY))).toBe(true);
  });

  test('each counted step is done from one of its kind on', () => {
    for (const [field, id] of [
      ['storeCount', 'stores'],
      ['peopleCount', 'people'],
      ['badgedPeopleCount', 'badges'],
      ['kioskCount', 'kiosk'],
    ] as const) {
      expect(doneOf({ ...NEW_INSTALLATION, [field]: 1 })[id], field).toBe(true);
      expect(doneOf({ ...READY, [field]: 0 })[id], field).toBe(false);
      expect(allDone(firstStepsOf({ ...READY, [field]: 0 })), field).toBe(false);
    }
  });

  test('QR sign-in is done only when switched on for someone', () => {
    const on = (includeTargetCount: number): FirstStepsView => ({
      ...READY,
      qrCodePinPolicy: { state: 'enabled', includeTargetCount },
    });
    expect(doneOf(on(1)).qrSignIn).toBe(true);
    expect(doneOf(on(0)).qrSignIn).toBe(false);
    expect(doneOf({ ...READY, qrCodePinPolicy: { state: 'disabled', includeTargetCount: 1 } }).qrSignIn).toBe(
      false,
    );
  });
});

describe('why QR sign-in does not work yet (the dashboard banner)', () => {
  test('switched off', () => expect(qrSignInProblem(NEW_INSTALLATION)).toBe('off'));
  test('switched on but including nobody', () =>
    expect(qrSignInProblem({ ...READY, qrCodePinPolicy: { state: 'enabled', includeTargetCount: 0 } })).toBe(
      'nobody',
    ));
  test('switched on for someone: no banner', () => expect(qrSignInProblem(READY)).toBeNull());
});
