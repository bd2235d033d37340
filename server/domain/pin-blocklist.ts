/**
 * How people build memorable numbers, as general rules rather than a list of PINs (docs/security.md,
 * "PIN rules"): dates and years side by side, counting in steps or in pairs, a group followed by its
 * reverse, a short run of digits shuffled, and well-known numbers such as pi. Keypad shapes are in
 * pin-keypad.ts. Each rule works for every allowed PIN length and costs well under 1 % of random PINs;
 * bench/pin-rules.ts measures them against a published list of common passwords.
 */

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;
/** The Thai solar calendar counts years from 543 BC: 2527 is 1984, and people write both side by side. */
const BUDDHIST_ERA_OFFSET = 543;

function isDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A year between 1900 and 2099, in the Gregorian or the Thai solar calendar. */
const isYear = (year: number) =>
  (year >= FIRST_YEAR && year <= LAST_YEAR) ||
  (year >= FIRST_YEAR + BUDDHIST_ERA_OFFSET && year <= LAST_YEAR + BUDDHIST_ERA_OFFSET);

/** The Gregorian year of a year isYear accepts, for leap years. */
const gregorian = (year: number) => (year > LAST_YEAR ? year - BUDDHIST_ERA_OFFSET : year);

/** DDMMYYYY, MMDDYYYY or YYYYMMDD for a real date in a year isYear accepts. */
function isFullDate(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  const [last, first] = [gregorian(n(4, 8)), gregorian(n(0, 4))];
  return (
    (isYear(n(4, 8)) && (isDate(n(0, 2), n(2, 4), last) || isDate(n(2, 4), n(0, 2), last))) ||
    (isYear(n(0, 4)) && isDate(n(6, 8), n(4, 6), first))
  );
}

/** DDMMYY, MMDDYY or YYMMDD: a real date with a two-digit year (any year; 29 February in leap years). */
function isShortDate(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  const leapYear = (yy: number) => 2000 + yy;
  return (
    isDate(n(0, 2), n(2, 4), leapYear(n(4, 6))) ||
    isDate(n(2, 4), n(0, 2), leapYear(n(4, 6))) ||
    isDate(n(4, 6), n(2, 4), leapYear(n(0, 2)))
  );
}

/** A year (1900–2099) or a day and month in either order (2705, 0527). */
function isYearOrDayMonth(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  return isYear(n(0, 4)) || isDate(n(0, 2), n(2, 4), 2000) || isDate(n(2, 4), n(0, 2), 2000);
}

/** The pieces a date-based PIN is made of, by length. */
const DATE_PIECES: Readonly<Record<number, (digits: string) => boolean>> = {
  4: isYearOrDayMonth,
  6: isShortDate,
  8: isFullDate,
};

/**
 * A date, or dates and years side by side: the whole PIN splits into full dates (27051984), dates with
 * a two-digit year (270584), years (1984) and days with their month (2705), covering it exactly:
 * 19841990 is two years, 27051984 a birthday, 270519842024 a birthday and a year, 27050812 two birthdays.
 */
export function looksLikeDate(pin: string): boolean {
  const fits: boolean[] = new Array<boolean>(pin.length + 1).fill(false);
  fits[pin.length] = true;
  for (let i = pin.length - 1; i >= 0; i--) {
    for (const [size, isPiece] of Object.entries(DATE_PIECES)) {
      const to = i + Number(size);
      if (to <= pin.length && fits[to] && isPiece(pin.slice(i, to))) {
        fits[i] = true;
        break;
      }
    }
  }
  return fits[0]!;
}

/** Each digit is the one before plus the same step, counting round from 9 to 0 (1357913, 8642, 7777). */
function isDigitStep(digits: string): boolean {
  const step = (Number(digits[1]) - Number(digits[0]) + 10) % 10;
  for (let i = 2; i < digits.length; i++) {
    if ((Number(digits[i]) - Number(digits[i - 1]) + 10) % 10 !== step) return false;
  }
  return true;
}

/** Groups of `width` digits counting by the same step, at least 3 whole groups (10203040, 19283746). */
function isGroupCount(pin: string, width: number): boolean {
  const groups = Math.floor(pin.length / width);
  if (groups < 3) return false;
  const modulus = 10 ** width;
  const group = (k: number) => Number(pin.slice(k * width, (k + 1) * width));
  const step = (group(1) - group(0) + modulus) % modulus;
  const term = (k: number) => String((group(0) + k * step) % modulus).padStart(width, '0');
  for (let k = 2; k * width < pin.length; k++) {
    const expected = term(k);
    const actual = pin.slice(k * width, (k + 1) * width);
    if (!expected.startsWith(actual)) return false;
  }
  return true;
}

/** Numbers counting by the same step written one after another, at least 3 of them (24681012, 789101112). */
function isWrittenCount(pin: string): boolean {
  for (let first = 1; first <= 3; first++) {
    for (let second = 1; second <= 3; second++) {
      const a = pin.slice(0, first);
      const b = pin.slice(first, first + second);
      if (b.length < second || (a.length > 1 && a[0] === '0') || (b.length > 1 && b[0] === '0')) continue;
      const step = Number(b) - Number(a);
      let written = a + b;
      let terms = 2;
      while (written.length < pin.length) {
        const next = Number(a) + terms * step;
        if (next < 0) break;
        written += String(next);
        terms += 1;
      }
      const wholeTerms = written.length === pin.length ? terms : terms - 1;
      if (wholeTerms >= 3 && written.startsWith(pin)) return true;
    }
  }
  return false;
}

/** Two counts woven together, digit by digit: 1234 with 0987 gives 10293847. */
function isWovenCount(pin: string): boolean {
  const odd = [...pin].filter((_, i) => i % 2 === 0).join('');
  const even = [...pin].filter((_, i) => i % 2 === 1).join('');
  return odd.length >= 3 && even.length >= 3 && isDigitStep(odd) && isDigitStep(even);
}

/** Pieces of 3 or more digits, each counting in steps: 12348765, 13579246, 11112222. */
function isCountingPieces(pin: string): boolean {
  const fits: boolean[] = new Array<boolean>(pin.length + 1).fill(false);
  fits[pin.length] = true;
  for (let i = pin.length - 3; i >= 0; i--) {
    for (let to = i + 3; to <= pin.length && !fits[i]; to++) {
      fits[i] = fits[to]! && isDigitStep(pin.slice(i, to));
    }
  }
  return fits[0]!;
}

/** Counting up or down in steps, alone, in pairs or groups, written out, or woven together. */
export function isCounting(pin: string): boolean {
  if (isCountingPieces(pin) || isWovenCount(pin) || isWrittenCount(pin)) return true;
  for (let width = 2; width * 3 <= pin.length; width++) {
    if (isGroupCount(pin, width)) return true;
  }
  return false;
}

/** Reads the same backwards: a group followed by its reverse (12344321, 123454321). */
export function isMirrored(pin: string): boolean {
  return pin === [...pin].reverse().join('');
}

/**
 * Every digit of a run of consecutive digits used once, in a mixed order: 15426378 is 1 to 8 shuffled.
 * Possible only up to 10 digits.
 */
export function isShuffledRun(pin: string): boolean {
  const digits = [...pin].map(Number).sort((a, b) => a - b);
  return digits.every((digit, i) => i === 0 || digit === digits[i - 1]! + 1);
}

/** The first digits of well-known numbers and number sequences (a PIN found anywhere in one is refused). */
const WELL_KNOWN_NUMBERS = [
  '314159265358979323846264338327950', // pi
  '271828182845904523536028747135266', // e
  '141421356237309504880168872420969', // square root of 2
  '173205080756887729352744634150587', // square root of 3
  '223606797749978969640917366873127', // square root of 5
  '161803398874989484820458683436563', // the golden ratio
  '01123581321345589144233377610987', // Fibonacci numbers
  '1248163264128256512102420484096', // powers of 2
  '149162536496481100121144169196225', // squares
  '2357111317192329313741434753596167', // prime numbers
];

/** Part of a well-known number: 31415926 (pi), 11235813 (Fibonacci), 12481632 (doubling). */
export function isWellKnownNumber(pin: string): boolean {
  return WELL_KNOWN_NUMBERS.some((digits) => digits.includes(pin));
}
