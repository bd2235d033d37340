/**
 * The console's badge issue dialog (BadgeIssueDialog, badge-issue-rules.ts): the policy's defaults in
 * words, the shortest and longest lifetimes refused before sending, a typed PIN judged by the PIN
 * rules, the request bodies it builds, and the server's refusals next to their field.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult, ClientError } from '../../src/lib/api/client';
import type { IssuedCodeAnswer, IssuedMethodAnswer } from '../../src/lib/admin/badge-issue';
import {
  BadgeIssueDialog,
  type BadgeIssueApi,
  type IssueMode,
} from '../../src/lib/admin/badge-issue-dialog.svelte';
import {
  emptyDraft,
  localMoment,
  localValue,
  methodBody,
  planIssue,
  type IssuePolicy,
} from '../../src/lib/admin/badge-issue-rules';
import { badgeIssueText } from '../../src/lib/admin/badge-issue-text';
import { badgeIssueText as badgeIssueTextEs } from '../../src/lib/admin/i18n/es/badge-issue-text';
import type { IssuedBadge } from '../../src/lib/admin/badge';

const ana = { id: 'u1', displayName: 'Ana Silva' };
// Local midday, so the day is the same in every time zone the tests may run in.
const NOW = new Date(2026, 11, 6, 12, 0, 0);
const at = (days: number, hours = 0, minutes = 0) =>
  localValue(new Date(2026, 11, 6 + days, 12 + hours, minutes));
const POLICY: IssuePolicy = {
  pinLength: 8,
  standardQRCodeLifetimeInDays: 365,
  temporaryQRCodeLifetimeInHours: 3,
};

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, status: 201, data });
const refused = (status: number, error: ClientError): ApiResult<never> => ({ ok: false, status, error });
const code = (shortCode: string): IssuedCodeAnswer => ({
  id: 'c',
  startDateTime: '2026-12-06T12:00:00Z',
  expireDateTime: '2027-12-06T12:00:00Z',
  createdDateTime: '2026-12-06T12:00:00Z',
  shortCode,
  image: { binaryValue: 'PNG', rawContent: 'SP1:x', errorCorrectionLevel: 'M' },
});

function setup(overrides: Partial<BadgeIssueApi> = {}, policy: IssuePolicy = POLICY, words = badgeIssueText) {
  const calls: { name: string; body?: unknown }[] = [];
  const api: BadgeIssueApi = {
    issuePolicy: async () => policy,
    issueMethod: async (_id, body) => {
      calls.push({ name: 'issueMethod', body });
      const answer: IssuedMethodAnswer = {
        id: 'm',
        standardQRCode: code('AAAAA-BBBBB'),
        pin: { code: (body.pin?.code ?? '52719384') as string, forceChangePinNextSignIn: true },
      };
      return ok(answer);
    },
    issueCode: async (_id, kind, body) => {
      calls.push({ name: `issueCode ${kind}`, body });
      return ok(code('CCCCC-DDDDD'));
    },
    deleteCode: async (_id, kind) => {
      calls.push({ name: `deleteCode ${kind}` });
      return ok(undefined);
    },
    ...overrides,
  };
  const issued: IssuedBadge[] = [];
  const events: string[] = [];
  const dialog = new BadgeIssueDialog({
    api,
    words: () => words,
    locale: () => (words === badgeIssueText ? 'en' : 'es'),
    refusal: (result) => `refused ${result.status}`,
    issued: async (badge) => void issued.push(badge),
    conflict: () => void events.push('conflict'),
    now: () => NOW,
    timeZone: () => 'Europe/Lisbon',
  });
  const open = (mode: IssueMode) => dialog.show(ana, mode);
  return { dialog, calls, issued, events, open };
}

describe('defaults from the policy', () => {
  test('a badge stops after the policy’s days, said with the day it stops; a temporary one after its hours', async () => {
    const { dialog, open } = setup();
    await open('first');
    expect(dialog.defaultStopLabel).toBe('Policy default: 365 days');
    const inAYear = new Date(NOW.getTime() + 365 * 24 * 3600 * 1000);
    expect(dialog.stopWords).toBe(`Stops working on ${dialog.when(inAYear)}.`);
    expect(dialog.stopWords).toMatch(/2027/);

    await open('temporary');
    expect(dialog.defaultStopLabel).toBe('Policy default: 3 hours');
    expect(dialog.stopWords).toBe(`Stops working on ${dialog.when(new Date(2026, 11, 6, 15, 0))}.`);
  });

  test('the default end follows a chosen start', async () => {
    const { dialog, open } = setup();
    await open('temporary');
    dialog.chooseStart('at');
    dialog.draft.startAt = at(1);
    expect(dialog.stopWords).toBe(`Stops working on ${dialog.when(new Date(2026, 11, 7, 15, 0))}.`);
    expect(dialog.startWords).toBe(`Starts on ${dialog.when(new Date(2026, 11, 7, 12, 0))}.`);
  });

  test('a policy this console cannot read (a manager) is said as "when the policy says", and nothing is sent for it', async () => {
    const { dialog, open, calls } = setup(
      {},
      {
        pinLength: 6,
        standardQRCodeLifetimeInDays: null,
        temporaryQRCodeLifetimeInHours: null,
      },
    );
    await open('temporary');
    expect(dialog.defaultStopLabel).toBe(badgeIssueText.stopDefaultUnknown);
    expect(dialog.stopWords).toBeNull();
    await dialog.submit();
    expect(calls).toEqual([{ name: 'issueCode temporary', body: {} }]);
  });

  test('Spanish words, and dates in Spanish', async () => {
    const { dialog, open } = setup({}, POLICY, badgeIssueTextEs);
    await open('first');
    expect(dialog.defaultStopLabel).toBe('Según la política: 365 días');
    expect(dialog.stopWords).toMatch(/^Deja de funcionar el .*2027/);
    expect(dialog.stopWords).toMatch(/dic/);
  });
});

describe('shortest and longest lifetimes, refused before sending', () => {
  test('a standard badge lives at least a day', async () => {
    const { dialog, open, calls } = setup();
    await open('standard');
    dialog.chooseExpiry('at');
    dialog.draft.expireAt = at(0, 23, 59);
    await dialog.submit();
    expect(dialog.errors.expire).toBe('A badge must work for at least 1 day. Choose a later end.');
    expect(calls).toEqual([]);
    dialog.draft.expireAt = at(1);
    expect(dialog.errors.expire).toBeUndefined();
  });

  test('a standard badge lives at most 395 days, measured from its start', async () => {
    const { dialog, open } = setup();
    await open('standard');
    dialog.chooseExpiry('at');
    dialog.draft.expireAt = at(396);
    await dialog.submit();
    expect(dialog.errors.expire).toBe('A badge works for at most 395 days. Choose an earlier end.');
    dialog.chooseStart('at');
    dialog.draft.startAt = at(2);
    expect(dialog.errors.expire).toBeUndefined();
  });

  test('a temporary badge lives at least an hour and at most 12 hours', async () => {
    const { dialog, open, calls } = setup();
    await open('temporary');
    dialog.chooseExpiry('at');
    dialog.draft.expireAt = at(0, 0, 59);
    await dialog.submit();
    expect(dialog.errors.expire).toBe(badgeIssueText.errors.tooShort.temporary);
    dialog.draft.expireAt = at(0, 12, 1);
    expect(dialog.errors.expire).toBe(badgeIssueText.errors.tooLong.temporary);
    dialog.draft.expireAt = at(0, 12);
    expect(dialog.errors.expire).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test('an end before the start, a start in the past or more than a year ahead, and empty dates are refused in words', () => {
    const draft = { ...emptyDraft(), start: 'at' as const, expiry: 'at' as const };
    const plan = (startAt: string, expireAt: string) =>
      planIssue('standard', { ...draft, startAt, expireAt }, POLICY, NOW, false);
    expect(plan(at(5), at(4))).toEqual({ ok: false, problems: { expire: 'notAfterStart' } });
    expect(plan(at(-1), at(4))).toEqual({ ok: false, problems: { start: 'past' } });
    expect(plan(at(366), at(370))).toEqual({ ok: false, problems: { start: 'tooFar' } });
    expect(plan('', '')).toEqual({ ok: false, problems: { start: 'missing', expire: 'missing' } });
    expect(plan('2027-02-30T09:00', at(40))).toMatchObject({ problems: { start: 'missing' } });
  });
});

describe('a typed PIN', () => {
  test('is judged by the PIN rules at the policy’s length, in the kiosk’s words', async () => {
    const { dialog, open, calls } = setup();
    await open('first');
    dialog.choosePin('type');
    await dialog.submit();
    expect(dialog.errors.pin).toBe(badgeIssueText.errors.pinMissing);
    dialog.draft.pinCode = '583016';
    expect(dialog.errors.pin).toBe('The PIN must be 8 to 20 digits long.');
    dialog.draft.pinCode = '12345678';
    expect(dialog.errors.pin).toBe(
      'The PIN must not contain 5 or more digits in a row going up or down (like 12345).',
    );
    dialog.draft.pinCode = '5830 164';
    expect(dialog.errors.pin).toBe('The PIN must contain digits 0–9 only.');
    expect(calls).toEqual([]);
    dialog.draft.pinCode = '58301649';
    expect(dialog.errors.pin).toBeUndefined();
  });

  test('is forgotten when the admin goes back to "Make one up for me" or closes the dialog', async () => {
    const { dialog, open } = setup();
    await open('first');
    dialog.choosePin('type');
    dialog.draft.pinCode = '58301649';
    dialog.choosePin('generate');
    expect(dialog.draft.pinCode).toBe('');
    dialog.choosePin('type');
    dialog.draft.pinCode = '58301649';
    dialog.close();
    expect(dialog.open).toBe(false);
    expect(dialog.draft.pinCode).toBe('');
  });
});

describe('the request it sends', () => {
  test('a first badge with a start, an end and a typed PIN sends them all, in UTC', async () => {
    const { dialog, open, calls, issued } = setup();
    await open('first');
    dialog.chooseStart('at');
    dialog.draft.startAt = at(1, -3);
    dialog.chooseExpiry('at');
    dialog.draft.expireAt = at(30, -3);
    dialog.choosePin('type');
    dialog.draft.pinCode = '58301649';
    await dialog.submit();
    expect(calls).toEqual([
      {
        name: 'issueMethod',
        body: {
          standardQRCode: {
            startDateTime: new Date(2026, 11, 7, 9, 0).toISOString(),
            expireDateTime: new Date(2027, 0, 5, 9, 0).toISOString(),
          },
          pin: { code: '58301649' },
        },
      },
    ]);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ shortCode: 'AAAAA-BBBBB', pin: '58301649', kind: 'standard' });
    expect(dialog.open).toBe(false);
    expect(dialog.draft.pinCode).toBe('');
  });

  test('the defaults send an empty body: the server applies the policy and makes up the PIN', async () => {
    const { dialog, open, calls } = setup();
    await open('first');
    await dialog.submit();
    expect(calls).toEqual([{ name: 'issueMethod', body: {} }]);
    expect(methodBody({ window: { expireDateTime: 'x' } })).toEqual({
      standardQRCode: { expireDateTime: 'x' },
    });
  });

  test('replacing deletes the old badge first, then issues with the chosen window and no PIN', async () => {
    const { dialog, open, calls, issued } = setup();
    await open('replace');
    expect(dialog.withPin).toBe(false);
    dialog.chooseExpiry('at');
    dialog.draft.expireAt = at(10);
    await dialog.submit();
    expect(calls).toEqual([
      { name: 'deleteCode standard' },
      { name: 'issueCode standard', body: { expireDateTime: new Date(2026, 11, 16, 12).toISOString() } },
    ]);
    expect(issued[0]).not.toHaveProperty('pin');
  });

  test('a replacement refused after the old badge went is retried without deleting again', async () => {
    let tries = 0;
    const { dialog, open, calls } = setup({
      issueCode: async (_id, kind, body) => {
        calls.push({ name: `issueCode ${kind}`, body });
        tries += 1;
        return tries === 1
          ? refused(0, { code: 'NETWORK_ERROR', message: 'offline' })
          : ok(code('EEEEE-FFFFF'));
      },
    });
    await open('replace');
    await dialog.submit();
    expect(dialog.error).toBe('refused 0');
    expect(dialog.open).toBe(true);
    await dialog.submit();
    expect(calls.map((call) => call.name)).toEqual([
      'deleteCode standard',
      'issueCode standard',
      'issueCode standard',
    ]);
    expect(dialog.open).toBe(false);
  });
});

describe('server refusals', () => {
  test('a PIN the server refuses shows under the PIN field in the dialog’s words', async () => {
    const { dialog, open } = setup({
      issueMethod: async () =>
        refused(400, {
          code: 'PIN_POLICY_VIOLATION',
          message: 'server words',
          rule: 'date',
          field: 'pin.code',
        }),
    });
    await open('first');
    dialog.choosePin('type');
    dialog.draft.pinCode = '58301649';
    await dialog.submit();
    expect(dialog.errors.pin).toBe(badgeIssueText.pinRules.date);
    expect(dialog.open).toBe(true);
    dialog.draft.pinCode = '58301640';
    dialog.edited('pin');
    expect(dialog.errors.pin).toBeUndefined();
  });

  test('a refused window shows next to its field, with the field’s label instead of the API’s name', async () => {
    const { dialog, open } = setup({
      issueCode: async () =>
        refused(400, {
          code: 'VALIDATION_FAILED',
          message: 'temporaryQRCode.expireDateTime must be at least an hour after the start.',
          field: 'temporaryQRCode.expireDateTime',
        }),
    });
    await open('temporary');
    await dialog.submit();
    expect(dialog.errors.expire).toBe('End date and time must be at least an hour after the start.');
  });

  test('a working badge closes the dialog and lets the page offer to replace it; a temporary one stays in the dialog', async () => {
    const exists = refused(409, { code: 'ACTIVE_QR_CODE_EXISTS', message: 'exists' });
    const standard = setup({ issueCode: async () => exists });
    await standard.open('standard');
    await standard.dialog.submit();
    expect(standard.events).toEqual(['conflict']);
    expect(standard.dialog.open).toBe(false);

    const temporary = setup({ issueCode: async () => exists });
    await temporary.open('temporary');
    await temporary.dialog.submit();
    expect(temporary.events).toEqual([]);
    expect(temporary.dialog.error).toBe('refused 409');
  });
});

test('a datetime-local value is the viewer’s local time', () => {
  expect(localMoment('2026-12-07T09:30')).toEqual(new Date(2026, 11, 7, 9, 30));
  expect(localValue(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  expect(localMoment('tomorrow')).toBeNull();
});
