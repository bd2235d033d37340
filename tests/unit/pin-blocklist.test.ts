/**
 * The ways people build memorable numbers, refused as general rules (dates and years, counting, keypad
 * shapes, mirrors, shuffled runs, well-known numbers) — and the random PINs they leave alone.
 */
import { describe, expect, test } from 'vitest';
import {
  isCounting,
  isMirrored,
  isShuffledRun,
  isWellKnownNumber,
  looksLikeDate,
} from '../../server/domain/pin-blocklist.js';
import { isKeypadShape } from '../../server/domain/pin-keypad.js';
import {
  checkPin,
  generatePin,
  MAX_PIN_LENGTH,
  MIN_PIN_LENGTH,
  type PinCheck,
} from '../../server/domain/pin-rules.js';

const rules = { minLength: 8 };
const ruleOf = (check: PinCheck) => (check.ok ? 'ok' : check.rule);
/** Refused at the PIN's own length (a 12-digit PIN under a 12-digit policy). */
const refusedAtItsLength = (pin: string) => !checkPin(pin, { minLength: pin.length }).ok;

/** A small seeded PRNG (mulberry32) so every run sees the same numbers. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const randomPin = (random: () => number, length: number) =>
  Array.from({ length }, () => String(Math.floor(random() * 10))).join('');

describe('dates are refused (rule "date")', () => {
  test.each([
    ['DDMMYYYY', '27051984'],
    ['MMDDYYYY', '05271984'],
    ['YYYYMMDD', '19840527'],
    ['DDMMYYYY, first day of 1900', '01011900'],
    ['YYYYMMDD, first day of 1900', '19000101'],
    ['DDMMYYYY, last day of 2099', '31122099'],
    ['YYYYMMDD, last day of 2099', '20991231'],
    ['DDMMYYYY, 31 January', '31012003'],
    ['MMDDYYYY, 30 April', '04302011'],
    ['29 February 2024 (leap year), DDMMYYYY', '29022024'],
    ['29 February 2024 (leap year), MMDDYYYY', '02292024'],
    ['29 February 2024 (leap year), YYYYMMDD', '20240229'],
    ['29 February 2000 (divisible by 400, a leap year)', '29022000'],
    ['a date in the Thai solar calendar (27 May 2527, that is 1984)', '27052527'],
  ])('%s: %s', (_name, pin) => {
    expect(looksLikeDate(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, rules))).toBe('date');
  });

  test('every day of a leap year is caught in all three orders', () => {
    const year = 1996;
    let days = 0;
    for (let month = 1; month <= 12; month++) {
      const inMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 1; day <= inMonth; day++) {
        days += 1;
        const [d, m, y] = [pad(day, 2), pad(month, 2), String(year)];
        for (const pin of [`${d}${m}${y}`, `${m}${d}${y}`, `${y}${m}${d}`]) {
          expect(looksLikeDate(pin), pin).toBe(true);
        }
      }
    }
    expect(days).toBe(366);
  });
});

describe('years and dates side by side are refused, at every length (rule "date")', () => {
  test.each([
    ['two years', '19841990'],
    ['a war’s first and last year', '19411945'],
    ['a year in the Thai and the Gregorian calendar', '25271984'],
    ['two birthdays (day and month)', '27050812'],
    ['a day and month, then a year', '12102024'],
    ['a date with a two-digit year, then a year (10 digits)', '2705841990'],
    ['a birthday and a year (12 digits)', '270519841990'],
    ['three years (12 digits)', '198419902024'],
    ['two full dates (16 digits)', '2705198412081990'],
  ])('%s: %s', (_name, pin) => {
    expect(looksLikeDate(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, { minLength: pin.length }))).toBe('date');
  });

  test('29 February of a year that is not leap is no full date, but is still a day and a year side by side', () => {
    for (const pin of ['29022023', '29021900']) {
      expect(looksLikeDate(pin), pin).toBe(true);
    }
  });
});

describe('digit strings that are not dates pass the date rule', () => {
  test.each([
    ['29 February 2100 (outside 1900–2099 and not leap)', '29022100'],
    ['31 April', '31042011'],
    ['30 February', '30022020'],
    ['day 0', '00052011'],
    ['month 13 in every reading', '13131975'],
    ['the day before 1900', '31121899'],
    ['the day after 2099', '01012100'],
    ['year 1899 as YYYYMMDD', '18990527'],
    ['year 2100 as YYYYMMDD', '21000527'],
    ['a date and digits that are no year (10 digits)', '2705198437'],
  ])('%s: %s', (_name, pin) => {
    expect(looksLikeDate(pin)).toBe(false);
    expect(checkPin(pin, { minLength: pin.length })).not.toMatchObject({ rule: 'date' });
  });

  test('31042011 is a valid PIN', () => {
    expect(checkPin('31042011', rules)).toEqual({ ok: true });
  });
});

describe('counting in steps or in pairs is refused (rule "counting")', () => {
  test.each([
    ['odd digits, counting round past 9', '13579135'],
    ['even digits round past 8', '02468024'],
    ['two counts side by side', '12348765'],
    ['odd then even', '13579246'],
    ['pairs counting by 10', '10203040'],
    ['pairs counting by 1', '12131415'],
    ['pairs counting by 11', '11223344'],
    ['pairs counting by 9 (both ends of the keypad)', '19283746'],
    ['two counts woven together', '10293847'],
    ['numbers written out, counting by 1 (9 digits)', '789101112'],
    ['pairs counting down by 9 (10 digits)', '0918273645'],
    ['a count in steps of 3, round and round (12 digits)', '147036925814'],
  ])('%s: %s', (_name, pin) => {
    expect(isCounting(pin)).toBe(true);
    expect(refusedAtItsLength(pin)).toBe(true);
  });

  test('the kiosk names the rule for a count that breaks no older rule', () => {
    expect(ruleOf(checkPin('13579135', rules))).toBe('counting');
    expect(ruleOf(checkPin('10203040', rules))).toBe('counting');
  });
});

describe('keypad shapes are refused, on the phone keypad and the numpad (rule "keypad_shape")', () => {
  test.each([
    ['the keypad border', '14789632'],
    ['the keypad border the other way', '12369874'],
    ['a snake across the rows', '12365478'],
    ['two columns down the numpad, 0 at the bottom', '74108520'],
    ['rows in a mixed order', '78945612'],
    ['three columns down', '14725836'],
    ['an X, then the middle column’s ends', '15935728'],
    ['columns, rows and a diagonal (12 digits)', '147789258753'],
  ])('%s: %s', (_name, pin) => {
    expect(isKeypadShape(pin)).toBe(true);
    expect(refusedAtItsLength(pin)).toBe(true);
  });

  test('the kiosk names the rule', () => {
    expect(ruleOf(checkPin('78945612', rules))).toBe('keypad_shape');
  });
});

describe('a group followed by its reverse is refused (rule "mirrored")', () => {
  test.each([
    ['random digits and their mirror', '73800837'],
    ['5 digits and their mirror', '4830110384'],
    ['around a middle digit (9 digits)', '482060284'],
  ])('%s: %s', (_name, pin) => {
    expect(isMirrored(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, { minLength: pin.length }))).toBe('mirrored');
  });
});

describe('a short run of digits shuffled is refused (rule "shuffled_run")', () => {
  test.each([
    ['1 to 8 shuffled', '15426378'],
    ['1 to 8 shuffled, another way', '18436572'],
    ['0 to 8 shuffled (9 digits)', '203146587'],
    ['every digit once (10 digits)', '3816092745'],
  ])('%s: %s', (_name, pin) => {
    expect(isShuffledRun(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, { minLength: pin.length }))).toBe('shuffled_run');
  });

  test('digits that leave a gap, or repeat one, are no shuffled run', () => {
    expect(isShuffledRun('15426379')).toBe(false);
    expect(isShuffledRun('15426377')).toBe(false);
  });
});

describe('well-known numbers are refused (rule "common_pin")', () => {
  test.each([
    ['pi', '31415926'],
    ['pi without the 3', '14159265'],
    ['e, from its second digit', '71828182'],
    ['the square root of 2', '14142135'],
    ['the golden ratio', '16180339'],
    ['Fibonacci numbers', '11235813'],
    ['powers of 2', '12481632'],
    ['prime numbers (10 digits)', '2357111317'],
  ])('%s: %s', (_name, pin) => {
    expect(isWellKnownNumber(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, { minLength: pin.length }))).toBe('common_pin');
  });
});

describe('ordinary PINs are accepted', () => {
  test.each(['60539184', '82614075', '73920581', '48271509', '26139584', '84057291', '58203917', '47382916'])(
    '%s',
    (pin) => {
      expect(checkPin(pin, rules)).toEqual({ ok: true });
    },
  );

  test('at least 95 % of random 8-digit PINs pass: the rules are targeted, not a wall', () => {
    const random = seeded(20260601);
    const total = 20_000;
    let accepted = 0;
    for (let i = 0; i < total; i++) {
      if (checkPin(pad(Math.floor(random() * 1e8), 8), rules).ok) accepted += 1;
    }
    expect(accepted / total).toBeGreaterThanOrEqual(0.95);
  });

  test('at least 95 % of random PINs pass at every other allowed length', () => {
    const random = seeded(20261206);
    for (let length = MIN_PIN_LENGTH + 1; length <= MAX_PIN_LENGTH; length++) {
      const total = 2_000;
      let accepted = 0;
      for (let i = 0; i < total; i++) {
        if (checkPin(randomPin(random, length), { minLength: length }).ok) accepted += 1;
      }
      expect(accepted / total, `${length} digits`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('generatePin never returns a blocked PIN', () => {
  const blocked = [
    '27051984',
    '05271984',
    '19840527',
    '29022024',
    '19841990',
    '14789632',
    '78945612',
    '25802580',
    '19471947',
    '12344321',
    '11111111',
    '12121212',
    '12345678',
    '13579135',
    '19283746',
    '15426378',
    '31415926',
  ];

  test('skips dates, counts, keypad shapes, mirrors and well-known numbers offered by the digit source', () => {
    const script = [...blocked, '60539184'].join('');
    let i = 0;
    const pin = generatePin(8, () => {
      if (i >= script.length) throw new Error('asked for more digits than scripted');
      return Number(script[i++]);
    });
    expect(pin).toBe('60539184');
  });

  test('over many draws from a source that mostly offers blocked PINs', () => {
    const random = seeded(7);
    // Each draw of 8 digits is a blocked PIN (a random date, doubled group or known shape) 3 times in 4.
    let queue: number[] = [];
    const nextCandidate = (): string => {
      const kind = Math.floor(random() * 4);
      const year = 1900 + Math.floor(random() * 200);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * new Date(Date.UTC(year, month, 0)).getUTCDate());
      if (kind === 0) {
        const [d, m, y] = [pad(day, 2), pad(month, 2), String(year)];
        return [`${d}${m}${y}`, `${m}${d}${y}`, `${y}${m}${d}`][Math.floor(random() * 3)]!;
      }
      if (kind === 1) {
        const group = pad(Math.floor(random() * 1e4), 4);
        return random() < 0.5 ? group + group : group + [...group].reverse().join('');
      }
      if (kind === 2) return blocked[Math.floor(random() * blocked.length)]!;
      return pad(Math.floor(random() * 1e8), 8);
    };
    const digit = () => {
      if (queue.length === 0) queue = [...nextCandidate()].map(Number);
      return queue.shift()!;
    };

    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const pin = generatePin(8, digit);
      expect(pin).toMatch(/^[0-9]{8}$/);
      expect(checkPin(pin, rules), pin).toEqual({ ok: true });
      expect(blocked).not.toContain(pin);
      seen.add(pin);
    }
    // The source really produced variety, so the loop above proved something.
    expect(seen.size).toBeGreaterThan(1900);
  });
});
