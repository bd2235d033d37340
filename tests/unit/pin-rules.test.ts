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
  const valid20 = '38160927451638092745';

  test('bounds are 8 and 20 digits', () => {
    expect(MIN_PIN_LENGTH).toBe(8);
    expect(MAX_PIN_LENGTH).toBe(20);
  });

  test('7 digits is too short, 8 is enough', () => {
    expect(ruleOf(checkPin('6053918', rules))).toBe('length');
    expect(checkPin('60539184', rules)).toEqual({ ok: true });
  });

  test('20 digits is allowed, 21 is too long', () => {
    expect(valid20).toHaveLength(20);
    expect(checkPin(valid20, rules)).toEqual({ ok: true });
    expect(ruleOf(checkPin(`${valid20}7`, rules))).toBe('length');
  });

  test('a longer policy minimum is enforced, and still capped at 20', () => {
    expect(ruleOf(checkPin('605391842', { minLength: 10 }))).toBe('length');
    expect(checkPin('6053918422', { minLength: 10 })).toEqual({ ok: true });
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

  test.each([
    ['a year written twice', '19471947'],
    ['a 5-digit group twice', '3816038160'],
    ['a 4-digit group two and a half times, 10 long', '5801580158'],
    ['a 6-digit group twice, 12 long', '381609381609'],
  ])('refuses a group up to half the PIN repeated: %s (%s)', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('repeated_pattern');
  });

  test.each([
    ['a group, then the same group started at its third digit', '12343412'],
    ['a random group, then itself started at its second digit', '58038035'],
    ['5 digits, then themselves started elsewhere', '4830183014'],
  ])('refuses %s (%s)', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('repeated_pattern');
  });

  test.each([
    ['7 of 8 the same, the odd one last', '11111118'],
    ['6 of 8 the same, two in the middle', '66613666'],
    ['15 of 20 the same', '99939999929999959999'],
  ])('refuses a PIN that is mostly one digit: %s (%s)', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('repeated_pattern');
  });

  test('a repeated group that does not make up the whole PIN, or one digit in most places, is allowed', () => {
    expect(checkPin('60536094', rules)).toEqual({ ok: true });
    expect(checkPin('22232586', rules)).toEqual({ ok: true });
    expect(checkPin('3816092745381609', { minLength: 16 })).toEqual({ ok: true });
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
  ])('allows %s (%s)', (_name, pin) => {
    expect(checkPin(pin, rules)).toEqual({ ok: true });
  });

  test.each([
    ['two runs of 4 apart', '12349876'],
    ['9 then 0 does not continue a run', '67890123'],
  ])('%s (%s) is not this rule, though counting refuses it', (_name, pin) => {
    expect(ruleOf(checkPin(pin, rules))).toBe('counting');
  });
});

describe('checkNewPin', () => {
  test('refuses the current PIN as the new one', () => {
    expect(ruleOf(checkNewPin('60539184', '60539184', rules))).toBe('same_as_current');
  });

  test('accepts a different PIN that passes the rules', () => {
    expect(checkNewPin('82614075', '60539184', rules)).toEqual({ ok: true });
  });

  test('reports the broken rule before "same as current"', () => {
    expect(ruleOf(checkNewPin('11111111', '11111111', rules))).toBe('repeated_pattern');
    expect(ruleOf(checkNewPin('1234', '60539184', rules))).toBe('length');
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
    const pin = generatePin(8, scriptedDigits('11111111' + '12345670' + '60539184' + '60539184'));
    expect(pin).toBe('60539184');
  });

  test('uses the digits it is given, in order', () => {
    expect(generatePin(8, scriptedDigits('82614075'))).toBe('82614075');
  });
});

describe('pinRuleVerdicts', () => {
  const unmet = (verdicts: PinRuleVerdicts) => PIN_RULES.filter((rule) => !verdicts[rule]);

  test('an empty PIN meets no rule yet', () => {
    expect(unmet(pinRuleVerdicts('', rules, '60539184'))).toEqual(PIN_RULES);
  });

  test('a good PIN meets every rule', () => {
    expect(unmet(pinRuleVerdicts('58203917', rules, '60539184'))).toEqual([]);
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
    expect(unmet(pinRuleVerdicts('5', rules, '60539184'))).toEqual(['length']);
    expect(unmet(pinRuleVerdicts('5820391', rules, '60539184'))).toEqual(['length']);
    expect(unmet(pinRuleVerdicts('58203917', rules, '60539184'))).toEqual([]);
  });

  test('judges dates, common PINs and the current PIN', () => {
    expect(unmet(pinRuleVerdicts('27051984', rules))).toEqual(['date']);
    expect(unmet(pinRuleVerdicts('14789632', rules))).toEqual(['keypad_shape']);
    expect(unmet(pinRuleVerdicts('19283746', rules))).toEqual(['counting']);
    expect(unmet(pinRuleVerdicts('31415926', rules))).toEqual(['common_pin']);
    expect(unmet(pinRuleVerdicts('60539184', rules, '60539184'))).toEqual(['same_as_current']);
  });

  test('without a current PIN, "differs from current" counts as met', () => {
    expect(pinRuleVerdicts('60539184', rules).same_as_current).toBe(true);
  });

  test('judges the patterns only once the PIN is 8 digits long, so short prefixes are not flagged', () => {
    // 1478963 is most of a keypad border, 1357913 counts in twos, 3141592 starts pi.
    for (const prefix of ['1478963', '1357913', '3141592', '1984199', '1234432', '1542637', '6661366']) {
      expect(unmet(pinRuleVerdicts(prefix, rules)), prefix).toEqual(['length']);
    }
    expect(unmet(pinRuleVerdicts('13579135', rules))).toEqual(['counting']);
  });

  test('follows the policy length', () => {
    expect(pinRuleVerdicts('58203917', { minLength: 10 }).length).toBe(false);
    expect(pinRuleVerdicts('5820391744', { minLength: 10 }).length).toBe(true);
    expect(pinRuleVerdicts('582039174658203917465', rules).length).toBe(false);
  });

  test('its first unmet rule is always the rule checkNewPin reports', () => {
    const randomDigit = seededDigits(4242);
    const samples = ['', '1', '12a', '11111111', '12345678', '27051984', '14789632', '19283746', '60539184'];
    for (let i = 0; i < 2000; i++) {
      const length = 1 + (i % 22);
      let pin = '';
      for (let j = 0; j < length; j++) pin += String(randomDigit());
      samples.push(pin);
    }
    for (const pin of samples) {
      const check = checkNewPin(pin, '60539184', rules);
      const first = unmet(pinRuleVerdicts(pin, rules, '60539184'))[0];
      expect(first ?? 'ok', pin).toBe(check.ok ? 'ok' : check.rule);
    }
  });
});
