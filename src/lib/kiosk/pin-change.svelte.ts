/**
 * The forced PIN change as two steps: `choose` a new PIN, then `confirm` it by typing it again. Only
 * one field shows at a time, and the number pad always types into the current step's field. A new PIN
 * that breaks a rule is stopped at the first step, in the same words as the server's refusal (both
 * judge it with server/domain/pin-rules.ts); two PINs that differ send the worker back to the first
 * step. KioskFlow owns one of these while the change screen shows and drops it at sign-out; the PINs
 * live in memory only.
 */
import {
  MAX_PIN_LENGTH,
  PIN_RULES,
  pinRuleVerdicts,
  type PinRule,
  type PinRuleVerdicts,
} from '$server/contracts/pin-rules';
import type { Notice } from './notice';

export type PinChangeStep = 'choose' | 'confirm';

/** Why the current step cannot go on, shown under its field. */
export type PinChangeProblem =
  /** Next or Save with nothing typed. */
  | { kind: 'empty' }
  /** The new PIN breaks `rule` (the first one, in the order the server reports them). */
  | { kind: 'rule'; rule: PinRule }
  /** The PIN typed again was not the same: back at the first step. */
  | { kind: 'mismatch' }
  /** The server refused the change, or could not be reached. */
  | { kind: 'refused'; notice: Notice };

export class PinChange {
  step = $state<PinChangeStep>('choose');
  newPin = $state('');
  again = $state('');
  problem = $state<PinChangeProblem | null>(null);
  readonly #currentPin: string;
  readonly #minLength: number;

  /** `currentPin`: the PIN just used to sign in, so the new one can be told apart from it. */
  constructor(currentPin: string, minLength: number) {
    this.#currentPin = currentPin;
    this.#minLength = minLength;
  }

  /** What the current step's field holds. */
  get value(): string {
    return this.step === 'choose' ? this.newPin : this.again;
  }

  /** Typing (number pad or keyboard) fills the current step's field and clears what was said about it. */
  set value(value: string) {
    const next = value.slice(0, MAX_PIN_LENGTH);
    if (this.step === 'choose') this.newPin = next;
    else this.again = next;
    this.problem = null;
  }

  typeDigit(digit: string): void {
    this.value = this.value + digit;
  }

  deleteLast(): void {
    this.value = this.value.slice(0, -1);
  }

  clear(): void {
    this.value = '';
  }

  /** Every rule's verdict on the new PIN, for the hints under its field. */
  get verdicts(): PinRuleVerdicts {
    return pinRuleVerdicts(this.newPin, { minLength: this.#minLength }, this.#currentPin);
  }

  /** "Next": on to typing the PIN again, once the new PIN meets every rule. */
  next(): boolean {
    if (this.step !== 'choose') return false;
    const problem = this.#problemWithNewPin();
    this.problem = problem;
    if (problem) return false;
    this.again = '';
    this.step = 'confirm';
    return true;
  }

  /** "Back": to the first step, the new PIN still in its field. */
  back(): void {
    this.again = '';
    this.problem = null;
    this.step = 'choose';
  }

  /**
   * "Save": the new PIN when it was typed the same twice. Otherwise null, with the problem said: an
   * empty field stays on this step; a different PIN starts again from the first step, both fields empty.
   */
  confirmed(): string | null {
    if (this.step !== 'confirm') return null;
    if (this.again === '') {
      this.problem = { kind: 'empty' };
      return null;
    }
    if (this.again !== this.newPin) {
      this.#startAgain({ kind: 'mismatch' });
      return null;
    }
    return this.newPin;
  }

  /**
   * The server did not take the new PIN. Still on the confirm step when `keep` (nothing reached it: Save
   * can be tapped again); otherwise from the first step, both fields empty.
   */
  refused(notice: Notice, keep: boolean): void {
    if (keep) this.problem = { kind: 'refused', notice };
    else this.#startAgain({ kind: 'refused', notice });
  }

  #startAgain(problem: PinChangeProblem): void {
    this.newPin = '';
    this.again = '';
    this.step = 'choose';
    this.problem = problem;
  }

  #problemWithNewPin(): PinChangeProblem | null {
    if (this.newPin === '') return { kind: 'empty' };
    const verdicts = this.verdicts;
    const broken = PIN_RULES.find((rule) => !verdicts[rule]);
    return broken ? { kind: 'rule', rule: broken } : null;
  }
}
