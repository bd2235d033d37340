/** The blocklist of easy-to-guess PINs: calendar dates, keypad shapes, doubled groups — and what it lets through. */
import { describe, expect, test } from 'vitest';
import { isCommonPin, looksLikeDate } from '../../server/domain/pin-blocklist.js';
import { checkPin, generatePin, type PinCheck } from '../../server/domain/pin-rules.js';

const rules = { minLength: 8 };
const ruleOf = (check: PinCheck) => (check.ok ? 'ok' : check.rule);

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

describe('digit strings that are not dates pass the date rule', () => {
  test.each([
    ['29 February 2023 (not a leap year)', '29022023'],
    ['29 February 1900 (not a leap year: divisible by 100, not by 400)', '29021900'],
    ['29 February 2100 (outside 1900–2099 and not leap)', '29022100'],
    ['31 April', '31042011'],
    ['30 February', '30022020'],
    ['day 0', '00052011'],
    ['month 13 in every reading', '13131975'],
    ['the day before 1900', '31121899'],
    ['the day after 2099', '01012100'],
    ['year 1899 as YYYYMMDD', '18990527'],
    ['year 2100 as YYYYMMDD', '21000527'],
  ])('%s: %s', (_name, pin) => {
    expect(looksLikeDate(pin)).toBe(false);
    expect(checkPin(pin, rules)).not.toMatchObject({ rule: 'date' });
  });

  test('29022023 is a valid PIN', () => {
    expect(checkPin('29022023', rules)).toEqual({ ok: true });
  });

  test('only 8-digit PINs are read as dates', () => {
    expect(looksLikeDate('270519841')).toBe(false);
    expect(looksLikeDate('2705198')).toBe(false);
    expect(checkPin('2705198463', { minLength: 8 })).toEqual({ ok: true });
  });
});

describe('keypad shapes and doubled groups are refused (rule "common_pin")', () => {
  test.each([
    ['the keypad border', '14789632'],
    ['the keypad border the other way', '12369874'],
    ['the middle column down and up', '25802580'],
    ['an X across the keypad', '15935728'],
    ['three columns down', '14725836'],
    ['three columns up', '74185296'],
    ['a 4-digit group twice (a year)', '19471947'],
    ['a 4-digit group twice', '58015801'],
    ['a group and its mirror', '12344321'],
    ['a group and its mirror (random digits)', '73800837'],
  ])('%s: %s', (_name, pin) => {
    expect(isCommonPin(pin)).toBe(true);
    expect(ruleOf(checkPin(pin, rules))).toBe('common_pin');
  });

  test('a group written twice is only a doubled group at 8 digits', () => {
    expect(isCommonPin('1947194719')).toBe(false);
    expect(checkPin('1947194719', rules)).toEqual({ ok: true });
  });
});

describe('ordinary PINs are accepted', () => {
  test.each(['19283746', '56473829', '73920581', '40617395', '88130472', '61094837', '90372815', '26410753'])(
    '%s',
    (pin) => {
      expect(looksLikeDate(pin)).toBe(false);
      expect(isCommonPin(pin)).toBe(false);
      expect(checkPin(pin, rules)).toEqual({ ok: true });
    },
  );

  test('most random 8-digit strings pass: the blocklist is targeted, not a wall', () => {
    const random = seeded(20260601);
    let accepted = 0;
    const total = 2000;
    for (let i = 0; i < total; i++) {
      const pin = pad(Math.floor(random() * 1e8), 8);
      if (checkPin(pin, rules).ok) accepted += 1;
    }
    // Dates alone are ~1.5% of 8-digit strings; far more than 90% must remain usable.
    expect(accepted / total).toBeGreaterThan(0.9);
  });
});

describe('generatePin never returns a blocked PIN', () => {
  const blocked = [
    '27051984',
    '05271984',
    '19840527',
    '29022024',
    '14789632',
    '25802580',
    '19471947',
    '12344321',
    '11111111',
    '12121212',
    '12345678',
  ];

  test('skips dates, keypad shapes and doubled groups offered by the digit source', () => {
    const script = [...blocked, '56473829'].join('');
    let i = 0;
    const pin = generatePin(8, () => {
      if (i >= script.length) throw new Error('asked for more digits than scripted');
      return Number(script[i++]);
    });
    expect(pin).toBe('56473829');
  });

  test('over many draws from a source that mostly offers blocked PINs', () => {
    const random = seeded(7);
    // Each draw of 8 digits is a blocked PIN (a random date, shape or doubled group) 3 times in 4.
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
      expect(looksLikeDate(pin), pin).toBe(false);
      expect(isCommonPin(pin), pin).toBe(false);
      expect(checkPin(pin, rules), pin).toEqual({ ok: true });
      seen.add(pin);
    }
    // The source really produced variety, so the loop above proved something.
    expect(seen.size).toBeGreaterThan(1900);
  });
});
