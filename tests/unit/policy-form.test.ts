import { describe, expect, test } from 'vitest';
import { fieldMessage } from '../../src/lib/admin/field-errors.js';
import {
  consoleSignInSections,
  formValuesOf,
  logRetentionSections,
  patchOf,
  qrPinSections,
  rangeText,
  sessionSections,
} from '../../src/lib/admin/policy-form.js';
import { policiesText as en } from '../../src/lib/admin/policies-text.js';
import { policiesText as es } from '../../src/lib/admin/i18n/es/policies-text.js';
import { DEFAULT_LOCKOUT } from '../../server/domain/lockout-policy.js';
import { POLICY_LIMITS } from '../../server/domain/policy-limits.js';
import { DEFAULT_QR_PIN_POLICY } from '../../server/domain/qr-pin-policy.js';
import { DEFAULT_SESSION_POLICY } from '../../server/domain/session-policy.js';

/** The policy's plain number fields (not the state, the target lists or the lockout object). */
const numbersOf = (policy: object) =>
  Object.fromEntries(Object.entries(policy).filter(([, value]) => typeof value === 'number'));

const QR_PIN_SECTIONS = qrPinSections(en);
const SESSION_SECTIONS = sessionSections(en);
const CONSOLE_SIGN_IN_SECTIONS = consoleSignInSections(en);

const fields = [...QR_PIN_SECTIONS, ...SESSION_SECTIONS].flatMap((s) => s.fields);

describe('the policy page form', () => {
  test('offers every numeric field of both policies, each with a range from the server limits', () => {
    const { lockout, ...rest } = DEFAULT_QR_PIN_POLICY;
    const qrNumbers = numbersOf(rest);
    const expected = [
      ...Object.keys(qrNumbers),
      ...Object.keys(lockout).map((k) => `lockout.${k}`),
      ...Object.keys(DEFAULT_SESSION_POLICY),
    ].sort();
    expect(fields.map((f) => f.key).sort()).toEqual(expected);
    for (const f of fields) expect(POLICY_LIMITS[f.limit]).toBeDefined();
  });

  test('offers the console sign-in lockout, with input ids no other field on the page has', () => {
    const consoleFields = CONSOLE_SIGN_IN_SECTIONS.flatMap((s) => s.fields);
    expect(consoleFields.map((f) => f.key).sort()).toEqual(
      Object.keys(DEFAULT_LOCKOUT)
        .map((k) => `lockout.${k}`)
        .sort(),
    );
    const everyField = [...fields, ...consoleFields];
    expect(new Set(everyField.map((f) => f.id)).size).toBe(everyField.length);
    expect(new Set(everyField.map((f) => f.label)).size).toBe(everyField.length);
    const policy = { lockout: DEFAULT_LOCKOUT };
    expect(patchOf(formValuesOf(policy, CONSOLE_SIGN_IN_SECTIONS), CONSOLE_SIGN_IN_SECTIONS)).toEqual({
      lockout: DEFAULT_LOCKOUT,
    });
  });

  test('round-trips a policy through the form values into a PATCH body', () => {
    const values = formValuesOf(DEFAULT_QR_PIN_POLICY, QR_PIN_SECTIONS);
    expect(values['lockout.growthFactor']).toBe('2');
    expect(patchOf(values, QR_PIN_SECTIONS)).toEqual({
      ...numbersOf(DEFAULT_QR_PIN_POLICY),
      lockout: DEFAULT_QR_PIN_POLICY.lockout,
    });
    expect(patchOf(formValuesOf(DEFAULT_SESSION_POLICY, SESSION_SECTIONS), SESSION_SECTIONS)).toEqual(
      DEFAULT_SESSION_POLICY,
    );
  });

  test('sends what is not a number as typed, so the server names the field', () => {
    const values = {
      ...formValuesOf(DEFAULT_QR_PIN_POLICY, QR_PIN_SECTIONS),
      pinLength: ' ten ',
      'lockout.threshold': '',
    };
    const patch = patchOf(values, QR_PIN_SECTIONS);
    expect(patch.pinLength).toBe('ten');
    expect((patch.lockout as Record<string, unknown>).threshold).toBe('');
    expect(patchOf({ ...values, pinLength: ' 12 ' }, QR_PIN_SECTIONS).pinLength).toBe(12);
  });

  test('states ranges in words', () => {
    const longest = fields.find((f) => f.key === 'lockout.maxDelaySeconds')!;
    expect(rangeText(longest, en)).toBe('Between 1 and 604,800 seconds.');
    const spanish = qrPinSections(es)
      .flatMap((s) => s.fields)
      .find((f) => f.key === 'lockout.maxDelaySeconds')!;
    expect(rangeText(spanish, es, 'es')).toMatch(/^Entre 1 y 604.800 segundos\.$/);
  });

  test('names every field in both languages, each label once on the page', () => {
    for (const words of [en, es]) {
      const all = [qrPinSections, consoleSignInSections, sessionSections, logRetentionSections].flatMap(
        (of) => of(words).flatMap((s) => s.fields),
      );
      expect(new Set(all.map((f) => f.label)).size).toBe(all.length);
      expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
      for (const f of all) expect(f.label && f.help && f.unit).toBeTruthy();
    }
  });
});

describe('server validation messages next to fields', () => {
  test('drop the field prefix and name fields by their labels', () => {
    const labels = {
      'lockout.hardLimit': 'Wrong PINs before a manager must unlock',
      'lockout.threshold': 'Wrong PINs before a lock',
    };
    expect(
      fieldMessage(
        {
          code: 'VALIDATION_FAILED',
          field: 'lockout.hardLimit',
          message: 'lockout.hardLimit must not be below lockout.threshold.',
        },
        labels,
      ),
    ).toBe('Wrong PINs before a manager must unlock must not be below Wrong PINs before a lock.');
    // A label with quotes of its own is not quoted again (it used to read ""Still there?" warning…").
    expect(
      fieldMessage(
        {
          code: 'VALIDATION_FAILED',
          field: 'kioskIdleWarningInSeconds',
          message: 'The “Still there?” warning must be shorter than the time before a kiosk signs out.',
        },
        { kioskIdleWarningInSeconds: '"Still there?" warning before that' },
      ),
    ).toBe('The “Still there?” warning must be shorter than the time before a kiosk signs out.');
    expect(
      fieldMessage(
        { code: 'VALIDATION_FAILED', field: 'displayName', message: 'displayName: must not be empty' },
        {},
      ),
    ).toBe('Must not be empty.');
  });
});

test('reads numbers and cleared fields as bound number inputs hold them', () => {
  const values = {
    ...formValuesOf(DEFAULT_SESSION_POLICY, SESSION_SECTIONS),
    idleTimeoutInMinutes: 20,
    absoluteTimeoutInHours: null,
  };
  const patch = patchOf(values, SESSION_SECTIONS);
  expect(patch.idleTimeoutInMinutes).toBe(20);
  expect(patch.absoluteTimeoutInHours).toBe('');
});
