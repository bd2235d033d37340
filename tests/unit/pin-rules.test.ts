import { describe, expect, test } from 'vitest';
import {
  checkNewPin,
  checkPin,
  generatePin,
  MAX_PIN_LENGTH,
  MIN_PIN_LENGTH,
  PIN_RULES,
  pinRuleVerdicts,
  type PinCheck,
  type PinRuleVerdicts,
} from '../../server/domain/pin-rules.js';

const rules = { minLength: MIN_PIN_LENGTH };
const ruleOf = (check: PinCheck) => (check.ok ? 'ok' : check.rule);

/** A small seeded PRNG so the sampled PINs are the same on every run. */
function seededDigits(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 10);
  };
}

/** Feeds the given digits in order, then fails the test if more are asked for. */
function scriptedDigits(digits: string): () => number {
  let i = 0;
  return () => {
    if (i >= digits.length) throw new Error('generatePin asked for more digits than scripted');
    return Number(digits[i++]);
  };
}

describe('checkPin: digits only', () => {
  test.each([
    ['Arabic-Indic digits', '١٢٣٤٥٦٧٨'],
    ['Extended Arabic-Indic digits', '۱۹۲۸۳۷۴۶'],
    ['Devanagari digits', '१९२८३७४६'],
    ['full-width digits', '１９２８３７４６'],
    ['a letter among digits', '1928374a'],
    ['a space', '1928 3746'],
    ['a leading plus', '+19283746'],
    ['a minus sign', '-19283746'],
    ['a decimal point', '1928.3746'],
    ['a trailing newline', '19283746\n'],
    ['the empty string', ''],
  ])('refuses %s', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('digits_only');
  });

  test('a refusal carries a message for the person choosing the PIN', () => {
    const check = checkPin('١٢٣٤٥٦٧٨', rules);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/0–9/);
  });
});

describe('checkPin: length', () => {
  const valid20 = '19283746501928374650';

  test('bounds are 8 and 20 digits', () => {
    expect(MIN_PIN_LENGTH).toBe(8);
    expect(MAX_PIN_LENGTH).toBe(20);
  });

  test('7 digits is too short, 8 is enough', () => {
    expect(ruleOf(checkPin('1928374', rules))).toBe('length');
    expect(checkPin('19283746', rules)).toEqual({ ok: true });
  });

  test('20 digits is allowed, 21 is too long', () => {
    expect(valid20).toHaveLength(20);
    expect(checkPin(valid20, rules)).toEqual({ ok: true });
    expect(ruleOf(checkPin(`${valid20}7`, rules))).toBe('length');
  });

  test('a longer policy minimum is enforced, and still capped at 20', () => {
    expect(ruleOf(checkPin('192837465', { minLength: 10 }))).toBe('length');
    expect(checkPin('1928374650', { minLength: 10 })).toEqual({ ok: true });
    expect(ruleOf(checkPin(`${valid20}7`, { minLength: 10 }))).toBe('length');
  });

  test('the length message names both bounds', () => {
    const check = checkPin('123', rules);
    expect(check).toMatchObject({ ok: false, rule: 'length' });
    if (!check.ok) expect(check.message).toContain('8 to 20');
  });
});

describe('checkPin: repeated patterns', () => {
  test.each([
    ['one digit repeated', '11111111'],
    ['zeros', '00000000'],
    ['one digit repeated, 20 long', '99999999999999999999'],
    ['a 2-digit unit', '12121212'],
    ['a 2-digit unit, 10 long', '9090909090'],
    ['a 3-digit unit', '123123123'],
    ['a 3-digit unit, 12 long', '749749749749'],
    ['a 3-digit unit cut short', '12312312'],
    ['a 2-digit unit cut short', '909090909'],
  ])('refuses %s (%s)', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('repeated_pattern');
  });

  test('a repeated 4-digit unit is not this rule but a common PIN', () => {
    expect(ruleOf(checkPin('19471947', rules))).toBe('common_pin');
  });

  test('repeated digits that do not make up the whole PIN are not this rule', () => {
    expect(checkPin('11111112', rules)).not.toMatchObject({ rule: 'repeated_pattern' });
    expect(checkPin('12121213', rules)).toEqual({ ok: true });
    expect(checkPin('22222225', rules)).toEqual({ ok: true });
  });
});

describe('checkPin: sequential runs', () => {
  test.each([
    ['ascending at the start', '12345908'],
    ['ascending in the middle', '71234590'],
    ['ascending at the end', '97801234'],
    ['descending in the middle', '30987652'],
    ['descending at the end', '19076543'],
    ['the whole PIN ascending', '23456789'],
    ['the whole PIN descending', '98765432'],
    ['a run through zero', '80123457'],
  ])('refuses a run of 5 %s (%s)', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('sequential_digits');
  });

  test.each([
    ['4 ascending', '71234690'],
    ['4 descending', '30987462'],
    ['two runs of 4 apart', '12349876'],
    ['9 then 0 does not continue a run', '67890123'],
  ])('allows %s (%s)', (_name, pin) => {
    expect(checkPin(pin, rules)).toEqual({ ok: true });
  });
});

describe('checkNewPin', () => {
  test('refuses the current PIN as the new one', () => {
    expect(ruleOf(checkNewPin('19283746', '19283746', rules))).toBe('same_as_current');
  });

  test('accepts a different PIN that passes the rules', () => {
    expect(checkNewPin('56473829', '19283746', rules)).toEqual({ ok: true });
  });

  test('reports the broken rule before "same as current"', () => {
    expect(ruleOf(checkNewPin('11111111', '11111111', rules))).toBe('repeated_pattern');
    expect(ruleOf(checkNewPin('1234', '19283746', rules))).toBe('length');
  });
});

describe('generatePin', () => {
  test.each([8, 9, 12, 16, 20])('always gives %i digits that pass the rules', (length) => {
    const randomDigit = seededDigits(length * 7919);
    for (let i = 0; i < 300; i++) {
      const pin = generatePin(length, randomDigit);
      expect(pin).toMatch(/^[0-9]+$/);
      expect(pin).toHaveLength(length);
      expect(checkPin(pin, { minLength: length })).toEqual({ ok: true });
    }
  });

  test('draws again when a draw breaks a rule', () => {
    const pin = generatePin(8, scriptedDigits('11111111' + '12345670' + '19283746'));
    expect(pin).toBe('19283746');
  });

  test('uses the digits it is given, in order', () => {
    expect(generatePin(8, scriptedDigits('56473829'))).toBe('56473829');
  });
});

describe('pinRuleVerdicts', () => {
  const unmet = (verdicts: PinRuleVerdicts) => PIN_RULES.filter((rule) => !verdicts[rule]);

  test('an empty PIN meets no rule yet', () => {
    expect(unmet(pinRuleVerdicts('', rules, '19283746'))).toEqual(PIN_RULES);
  });

  test('a good PIN meets every rule', () => {
    expect(unmet(pinRuleVerdicts('58203917', rules, '19283746'))).toEqual([]);
  });

  test('reports every broken rule at once, not only the first', () => {
    // Too short, and a run of 5 going up.
    expect(unmet(pinRuleVerdicts('12345', rules))).toEqual(['length', 'sequential_digits']);
    // One digit repeated, too short.
    expect(unmet(pinRuleVerdicts('1111', rules))).toEqual(['length', 'repeated_pattern']);
    // A letter, and too short.
    expect(unmet(pinRuleVerdicts('12a', rules))).toEqual(['digits_only', 'length']);
  });

  test('the rules turn met one by one as a good PIN is typed', () => {
    expect(unmet(pinRuleVerdicts('5', rules, '19283746'))).toEqual(['length']);
    expect(unmet(pinRuleVerdicts('5820391', rules, '19283746'))).toEqual(['length']);
    expect(unmet(pinRuleVerdicts('58203917', rules, '19283746'))).toEqual([]);
  });

  test('judges dates, common PINs and the current PIN', () => {
    expect(unmet(pinRuleVerdicts('27051984', rules))).toEqual(['date']);
    expect(unmet(pinRuleVerdicts('14789632', rules))).toEqual(['common_pin']);
    expect(unmet(pinRuleVerdicts('19283746', rules, '19283746'))).toEqual(['same_as_current']);
  });

  test('without a current PIN, "differs from current" counts as met', () => {
    expect(pinRuleVerdicts('19283746', rules).same_as_current).toBe(true);
  });

  test('follows the policy length', () => {
    expect(pinRuleVerdicts('58203917', { minLength: 10 }).length).toBe(false);
    expect(pinRuleVerdicts('5820391746', { minLength: 10 }).length).toBe(true);
    expect(pinRuleVerdicts('582039174658203917465', rules).length).toBe(false);
  });

  test('its first unmet rule is always the rule checkNewPin reports', () => {
    const randomDigit = seededDigits(4242);
    const samples = ['', '1', '12a', '11111111', '12345678', '27051984', '14789632', '19283746'];
    for (let i = 0; i < 2000; i++) {
      const length = 1 + (i % 22);
      let pin = '';
      for (let j = 0; j < length; j++) pin += String(randomDigit());
      samples.push(pin);
    }
    for (const pin of samples) {
      const check = checkNewPin(pin, '19283746', rules);
      const first = unmet(pinRuleVerdicts(pin, rules, '19283746'))[0];
      expect(first ?? 'ok', pin).toBe(check.ok ? 'ok' : check.rule);
    }
  });
});
