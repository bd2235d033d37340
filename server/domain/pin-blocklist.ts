/**
 * PINs that are easy to guess although they pass the structural rules: calendar dates, phone-keypad
 * shapes, a 4-digit group written twice or mirrored, and a short list of common choices.
 * The list is ours, built from the shapes that published PIN-frequency studies rank highest.
 */

/** Keypad shapes on a 3×3+0 phone keypad (lines, corners, crosses, zig-zags), as 8-digit PINs. */
const KEYPAD_AND_COMMON = new Set([
  '14789632',
  '12369874',
  '36987412',
  '74123698',
  '98741236',
  '78963214',
  '32147896',
  '96321478',
  '25802580',
  '08520852',
  '14702580',
  '36902580',
  '15935728',
  '75395128',
  '95135782',
  '35715982',
  '15975328',
  '35795128',
  '12357895',
  '74159632',
  '14725836',
  '36925814',
  '96385274',
  '74185296',
  '12345678',
  '87654321',
  '23456789',
  '98765432',
  '01234567',
  '76543210',
  '13579246',
  '24681357',
  '11223344',
  '44332211',
  '11112222',
  '22221111',
  '12341234',
  '43214321',
  '12344321',
  '43211234',
  '11111112',
  '00000001',
  '10000000',
  '12121234',
  '69696969',
  '13131313',
  '20202020',
  '19191919',
  '88888888',
  '66666666',
  '12348765',
  '56781234',
  '98761234',
  '11235813',
  '31415926',
  '27182818',
]);

function isDate(day: number, month: number, year: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** DDMMYYYY, MMDDYYYY or YYYYMMDD for a real date between 1900 and 2099. */
export function looksLikeDate(pin: string): boolean {
  if (pin.length !== 8) return false;
  const n = (from: number, to: number) => Number(pin.slice(from, to));
  return (
    isDate(n(0, 2), n(2, 4), n(4, 8)) || // DDMMYYYY
    isDate(n(2, 4), n(0, 2), n(4, 8)) || // MMDDYYYY
    isDate(n(6, 8), n(4, 6), n(0, 4)) // YYYYMMDD
  );
}

/** A 4-digit group written twice (19471947) or mirrored (12344321). */
function isDoubledGroup(pin: string): boolean {
  if (pin.length !== 8) return false;
  const head = pin.slice(0, 4);
  const tail = pin.slice(4);
  return head === tail || head === [...tail].reverse().join('');
}

export function isCommonPin(pin: string): boolean {
  return KEYPAD_AND_COMMON.has(pin) || isDoubledGroup(pin);
}
