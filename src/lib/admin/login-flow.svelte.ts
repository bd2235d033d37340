/**
 * The /admin/login journey as a state machine: password → (authentication code | recovery code) or
 * (enrolment → recovery codes shown once) → signed in. The pending-sign-in challenge lives only in
 * memory; a reload starts over.
 */
import { api, type ClientError } from '$lib/api/client';
import type {
  ConsoleEnrolmentResult,
  ConsoleSignInResult,
  ConsoleSignInStep,
  TotpEnrolment,
} from '$server/contracts/console-auth';
import { consoleWords, describeConsoleError } from './messages';

export type LoginStep = 'password' | 'totp' | 'recovery' | 'enrol' | 'recovery-codes';
export type LoginField = 'userPrincipalName' | 'password' | 'code' | 'recoveryCode';

export interface LoginError {
  /** The field the message belongs next to, or null for the page's alert. */
  field: LoginField | null;
  message: string;
}

const FIELD_ERRORS: Partial<Record<ClientError['code'], true>> = {
  AUTHENTICATION_CODE_INCORRECT: true,
  VALIDATION_FAILED: true,
};

export class LoginFlow {
  step = $state<LoginStep>('password');
  busy = $state(false);
  error = $state<LoginError | null>(null);
  /** Why the person is (back) on the password step, e.g. their sign-in expired. */
  notice = $state<string | null>(null);
  enrolment = $state<TotpEnrolment | null>(null);
  recoveryCodes = $state<string[]>([]);
  #challenge: string | null = null;

  constructor(private readonly onSignedIn: () => void | Promise<void>) {}

  async submitPassword(userPrincipalName: string, password: string): Promise<void> {
    const result = await this.#send<ConsoleSignInStep>('/auth/console/sign-in', {
      userPrincipalName,
      password,
    });
    if (!result) return;
    this.#challenge = result.challenge;
    this.notice = null;
    if (result.next === 'totp') {
      this.step = 'totp';
      return;
    }
    this.step = 'enrol';
    this.enrolment = await this.#send<TotpEnrolment>('/auth/console/totp/enroll', {
      challenge: this.#challenge,
    });
  }

  async submitCode(code: string): Promise<void> {
    const result = await this.#send<ConsoleSignInResult>('/auth/console/totp', {
      challenge: this.#challenge,
      code,
    });
    if (result) await this.onSignedIn();
  }

  async submitRecoveryCode(recoveryCode: string): Promise<void> {
    const result = await this.#send<ConsoleSignInResult>('/auth/console/totp', {
      challenge: this.#challenge,
      recoveryCode,
    });
    if (result) await this.onSignedIn();
  }

  async confirmEnrolment(code: string): Promise<void> {
    const result = await this.#send<ConsoleEnrolmentResult>('/auth/console/totp/enroll/confirm', {
      challenge: this.#challenge,
      code,
    });
    if (!result) return;
    this.#challenge = null;
    this.enrolment = null;
    this.recoveryCodes = result.recoveryCodes;
    this.step = 'recovery-codes';
  }

  /** After "I have saved these codes". */
  async finishEnrolment(): Promise<void> {
    this.recoveryCodes = [];
    await this.onSignedIn();
  }

  useRecoveryCode(): void {
    this.error = null;
    this.step = 'recovery';
  }

  useAuthenticationCode(): void {
    this.error = null;
    this.step = 'totp';
  }

  startOver(notice: string | null = null): void {
    this.#challenge = null;
    this.enrolment = null;
    this.error = null;
    this.notice = notice;
    this.step = 'password';
  }

  /** One API call with the busy flag and error mapping; the data, or null after a failure. */
  async #send<T>(path: string, body: unknown): Promise<T | null> {
    this.busy = true;
    this.error = null;
    const result = await api<T>('POST', path, body);
    this.busy = false;
    if (result.ok) return result.data;
    if (result.error.code === 'SIGN_IN_CHALLENGE_INVALID') {
      this.startOver(consoleWords().signedOut.expired);
      return null;
    }
    const field = FIELD_ERRORS[result.error.code] ? this.#fieldOf(result.error) : null;
    this.error = { field, message: describeConsoleError(result.error) };
    return null;
  }

  #fieldOf(error: ClientError): LoginField | null {
    const named = typeof error.field === 'string' ? error.field : null;
    if (named === 'userPrincipalName' || named === 'password') return named;
    if (named === 'code' || named === 'recoveryCode')
      return this.step === 'recovery' ? 'recoveryCode' : 'code';
    return null;
  }
}
