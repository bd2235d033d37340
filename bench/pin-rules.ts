/**
 * `npm run bench`: how well the PIN rules (server/domain/pin-rules.ts) refuse the PINs people really
 * choose, and how many random PINs they leave usable. Prints figures with PASS/MISS, never fails.
 * - Common PINs: the 8-digit all-numeric entries, in frequency order, of the common-password list that
 *   @zxcvbn-ts/language-common ships (built by its authors from a published corpus of 10 million
 *   passwords; a devDependency used here only). Targets: at least 98 of the top 100 and 980 of the top
 *   1 000 refused.
 * - Random PINs: 100 000 uniformly random 8-digit PINs from a seeded generator; target: at least 95 %
 *   accepted. The same for every other allowed length (20 000 each), and what each rule refuses.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPin, MAX_PIN_LENGTH, MIN_PIN_LENGTH, type PinRule } from '../server/domain/pin-rules.js';

const rules = { minLength: MIN_PIN_LENGTH };
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

/** mulberry32: a small seeded generator, so every run draws the same PINs. */
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

const common = dictionary['passwords-common'].filter((password) => /^[0-9]{8}$/.test(password));
console.log(`common 8-digit PINs: ${common.length} in @zxcvbn-ts/language-common's passwords list`);
const TARGETS: readonly (readonly [top: number, refused: number])[] = [
  [100, 98],
  [1000, 980],
];
for (const [top, target] of TARGETS) {
  const sample = common.slice(0, top);
  const count = sample.filter((pin) => !checkPin(pin, rules).ok).length;
  console.log(`  refused of the top ${top}: ${count} (target ≥ ${target}) ${verdict(count >= target)}`);
  const accepted = sample.filter((pin) => checkPin(pin, rules).ok);
  if (accepted.length > 0) console.log(`    still accepted: ${accepted.join(' ')}`);
}

const RANDOM_PINS = 100_000;
/** Fewer for the other lengths: each is informative, the target is set on 8 digits. */
const RANDOM_PINS_OTHER_LENGTHS = 20_000;
for (let length = MIN_PIN_LENGTH; length <= MAX_PIN_LENGTH; length++) {
  const random = seeded(20261206 + length);
  const total = length === MIN_PIN_LENGTH ? RANDOM_PINS : RANDOM_PINS_OTHER_LENGTHS;
  const byRule = new Map<PinRule, number>();
  let accepted = 0;
  for (let i = 0; i < total; i++) {
    let pin = '';
    for (let j = 0; j < length; j++) pin += String(Math.floor(random() * 10));
    const check = checkPin(pin, { minLength: length });
    if (check.ok) accepted += 1;
    else byRule.set(check.rule, (byRule.get(check.rule) ?? 0) + 1);
  }
  const share = accepted / total;
  const rulesLine = [...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ');
  console.log(
    `random ${length}-digit PINs accepted: ${percent(share)} of ${total} (target ≥ 95 %) ` +
      `${verdict(share >= 0.95)}${rulesLine ? `; refused by ${rulesLine}` : ''}`,
  );
}
