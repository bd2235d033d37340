import { describe as group, expect, it } from 'vitest';
import { messagesFor } from '../../src/lib/i18n/catalogue';
import { describe, pinHintText, pinRuleText } from '../../src/lib/i18n/describe';
import { LOCALES, pickLocale } from '../../src/lib/i18n/locale';
import { signedOutNotice } from '../../src/lib/kiosk/notice';
import { PIN_RULES } from '../../server/contracts/pin-rules';

group('pickLocale', () => {
  it('takes the first supported language of the browser list, region ignored', () => {
    expect(pickLocale(['es-MX', 'en-US'])).toBe('es');
    expect(pickLocale(['fr-FR', 'ES', 'en'])).toBe('es');
    expect(pickLocale(['en-GB', 'es'])).toBe('en');
  });
  it('falls back to English when nothing matches or the list is empty', () => {
    expect(pickLocale(['fr', 'de-AT'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

group('the message catalogue', () => {
  const english = messagesFor('en');

  it('has every English message in every language, as non-empty text', () => {
    for (const locale of LOCALES) {
      const messages = messagesFor(locale);
      for (const [area, entries] of Object.entries(english)) {
        const translated = (messages as Record<string, Record<string, unknown>>)[area]!;
        expect(Object.keys(translated).sort(), `${locale}.${area}`).toEqual(Object.keys(entries).sort());
        for (const [key, value] of Object.entries(translated)) {
          const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(3, 20) : value;
          expect(typeof text === 'string' && text.trim().length > 0, `${locale}.${area}.${key}`).toBe(true);
        }
      }
    }
  });

  it('is really translated: Spanish differs from English for sentences', () => {
    const spanish = messagesFor('es');
    expect(spanish.scan.title).toBe('Escanee su credencial');
    expect(spanish.signInErrors.QR_CODE_EXPIRED).not.toBe(english.signInErrors.QR_CODE_EXPIRED);
    expect(spanish.idle.countdown(42)).toContain('42');
  });
});

group('describe (notice → words)', () => {
  const en = messagesFor('en');
  const es = messagesFor('es');

  it('words a wrong PIN with the tries left, singular and plural', () => {
    expect(describe(en, { kind: 'pin-incorrect', remainingAttempts: 1 }, 8)).toBe(
      'That PIN is not right. 1 try left before your badge is locked for a while.',
    );
    expect(describe(es, { kind: 'pin-incorrect', remainingAttempts: 4 }, 8)).toBe(
      'El PIN no es correcto. Le quedan 4 intentos.',
    );
    expect(describe(en, { kind: 'pin-incorrect', remainingAttempts: null }, 8)).toBe(
      'That PIN is not right. Try again.',
    );
  });

  it('words a refused new PIN by its rule, with the policy length', () => {
    const notice = {
      kind: 'error' as const,
      error: { code: 'PIN_POLICY_VIOLATION' as const, message: 'x', rule: 'length' },
    };
    expect(describe(en, notice, 10)).toBe('The PIN must be 10 to 20 digits long.');
    expect(describe(es, notice, 10)).toBe('El PIN debe tener entre 10 y 20 dígitos.');
    expect(pinRuleText(en, 'sequential_digits', 8)).toContain('5 or more digits');
  });

  it('never shows an unknown code or the server text raw', () => {
    const notice = {
      kind: 'error' as const,
      error: { code: 'INTERNAL_ERROR' as const, message: 'stack trace here' },
    };
    expect(describe(en, notice, 8)).toBe(en.signInErrors.unexpected);
  });

  it('leaves a reason on the scan screen only for sign-outs the worker did not ask for', () => {
    expect(signedOutNotice('button')).toBeNull();
    expect(signedOutNotice('elsewhere')).toBeNull();
    const idle = signedOutNotice('idle');
    expect(idle && describe(es, idle, 8)).toBe(
      'Se cerró su sesión porque el teléfono no se usó durante un tiempo.',
    );
  });

  it('explains a session that reached its time limit', () => {
    const expired = signedOutNotice('expired');
    expect(expired && describe(en, expired, 8)).toBe(
      'Your session reached its time limit. Scan your badge to sign in again.',
    );
  });
});

group('pinHintText (the live checklist)', () => {
  it('has a distinct short phrase for every rule, in both languages', () => {
    for (const locale of LOCALES) {
      const m = messagesFor(locale);
      const phrases = PIN_RULES.map((rule) => pinHintText(m, rule, 8));
      expect(new Set(phrases).size, locale).toBe(PIN_RULES.length);
      for (const phrase of phrases) expect(phrase.trim().length, locale).toBeGreaterThan(0);
    }
  });

  it('puts the policy length and the run length in the phrases', () => {
    expect(pinHintText(messagesFor('en'), 'length', 10)).toBe('10 to 20 digits');
    expect(pinHintText(messagesFor('es'), 'length', 8)).toBe('De 8 a 20 dígitos');
    expect(pinHintText(messagesFor('en'), 'sequential_digits', 8)).toContain('No 5 digits in a row');
  });
});
