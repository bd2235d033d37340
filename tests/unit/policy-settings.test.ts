/** A policy form's rules: what it sends, a server verdict next to its field in words, the QR policy's audience. */
import { describe, expect, test } from 'vitest';
import { qrPinSections, sessionSections } from '../../src/lib/admin/policy-form.js';
import {
  PolicySettings,
  QrPinSettings,
  type PolicySettingsDeps,
} from '../../src/lib/admin/policy-settings.svelte.js';
import { policiesText as en } from '../../src/lib/admin/policies-text.js';
import { policiesText as es } from '../../src/lib/admin/i18n/es/policies-text.js';
import type { ApiResult } from '../../src/lib/api/client.js';
import { DEFAULT_QR_PIN_POLICY } from '../../server/domain/qr-pin-policy.js';
import { DEFAULT_SESSION_POLICY } from '../../server/domain/session-policy.js';

function depsFor(
  sections: typeof qrPinSections,
  answer: (body: Record<string, unknown>) => ApiResult<object>,
  words = en,
) {
  const sent: Record<string, unknown>[] = [];
  const told: string[] = [];
  const deps: PolicySettingsDeps = {
    send: async (body) => {
      sent.push(body);
      return answer(body);
    },
    sections: () => sections(words),
    words: () => words,
    locale: () => (words === es ? 'es' : 'en'),
    describe: (error) => `said: ${error.message}`,
    tell: (message) => void told.push(message),
    saved: () => 'Saved.',
  };
  return { deps, sent, told };
}

const qrPolicy = DEFAULT_QR_PIN_POLICY as unknown as import('../../server/contracts/policies.js').QrPinPolicy;

describe('a policy form', () => {
  test('sends the numbers typed and shows what the server saved', async () => {
    const { deps, sent, told } = depsFor(sessionSections, (body) => ({
      ok: true,
      status: 200,
      data: { ...DEFAULT_SESSION_POLICY, ...body },
    }));
    const form = new PolicySettings(DEFAULT_SESSION_POLICY, deps);
    form.values.consoleIdleTimeoutInMinutes = '9';
    expect(await form.save()).toBe(true);
    expect(sent[0]).toMatchObject({ consoleIdleTimeoutInMinutes: 9 });
    expect(form.values.consoleIdleTimeoutInMinutes).toBe('9');
    expect(told).toEqual(['Saved.']);
  });

  test('an out-of-range refusal reads as the field’s range, in the page language', async () => {
    const refusal = {
      ok: false as const,
      status: 400,
      error: { code: 'VALIDATION_FAILED', field: 'pinLength', message: 'PIN length must be at most 20.' },
    } as const;
    const english = new QrPinSettings(qrPolicy, depsFor(qrPinSections, () => refusal).deps);
    await english.save();
    expect(english.errors).toEqual({ pinLength: 'Enter a number from the range: Between 8 and 20 digits.' });

    const spanish = new QrPinSettings(qrPolicy, depsFor(qrPinSections, () => refusal, es).deps);
    await spanish.save();
    expect(spanish.errors.pinLength).toBe('Escribe un número dentro del rango: Entre 8 y 20 dígitos.');
  });

  test('a rule between fields keeps the server’s words; a refusal of no field goes above the form', async () => {
    const between = new PolicySettings(
      DEFAULT_SESSION_POLICY,
      depsFor(sessionSections, () => ({
        ok: false,
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          field: 'kioskIdleWarningInSeconds',
          message: 'The “Still there?” warning must be shorter than the time before a kiosk signs out.',
        },
      })).deps,
    );
    await between.save();
    expect(between.errors.kioskIdleWarningInSeconds).toBe(
      'The “Still there?” warning must be shorter than the time before a kiosk signs out.',
    );

    const cancelled = new PolicySettings(
      DEFAULT_SESSION_POLICY,
      depsFor(sessionSections, () => ({
        ok: false,
        status: 401,
        error: { code: 'REAUTHENTICATION_REQUIRED', message: 'x' },
      })).deps,
    );
    await cancelled.save();
    expect(cancelled.formError).toBe(en.reauthCancelled);
  });
});

describe('the QR code + PIN policy', () => {
  test('asks for a store before sending when not for everyone', async () => {
    const { deps, sent } = depsFor(qrPinSections, () => ({ ok: true, status: 200, data: qrPolicy }));
    const form = new QrPinSettings(qrPolicy, deps);
    form.everyone = false;
    expect(await form.save()).toBe(false);
    expect(sent).toEqual([]);
    expect(form.errors).toEqual({ includeTargets: en.qr.includeRequired });
  });

  test('sends the chosen stores and the excluded ones with the switch', async () => {
    const { deps, sent } = depsFor(qrPinSections, (body) => ({
      ok: true,
      status: 200,
      data: { ...qrPolicy, ...body },
    }));
    const form = new QrPinSettings(qrPolicy, deps);
    form.enabled = true;
    form.everyone = false;
    form.included = ['store-a'];
    form.excluded = ['store-b'];
    await form.save();
    expect(sent[0]).toMatchObject({
      state: 'enabled',
      includeTargets: [{ id: 'store-a' }],
      excludeTargets: [{ id: 'store-b' }],
    });
    expect(form.included).toEqual(['store-a']);
    expect(form.everyone).toBe(false);
  });

  test('sends "phones and tablets only" as the switch says, and shows what the server saved', async () => {
    const { deps, sent } = depsFor(qrPinSections, (body) => ({
      ok: true,
      status: 200,
      data: { ...qrPolicy, ...body },
    }));
    const form = new QrPinSettings(qrPolicy, deps);
    expect(form.mobileOnly).toBe(false);
    await form.save();
    expect(sent[0]).toMatchObject({ mobileDevicesOnly: false });
    form.mobileOnly = true;
    await form.save();
    expect(sent[1]).toMatchObject({ mobileDevicesOnly: true });
    expect(form.mobileOnly).toBe(true);
    form.show({ ...qrPolicy, mobileDevicesOnly: false });
    expect(form.mobileOnly).toBe(false);
  });
});
