/**
 * Builders for console sign-in tests: managers and admins with a password (the API has no password
 * route yet; BOOTSTRAP_* and /setup create admins the same way, through the hasher), and the sign-in
 * steps as a browser on the site takes them.
 */
import type {
  ConsoleEnrolmentResult,
  ConsoleSignInStep,
  TotpEnrolment,
} from '../../server/contracts/console-auth.js';
import { newId } from '../../server/platform/crypto.js';
import { HARNESS_ORIGIN, readJson, sessionCookieFrom, type Harness } from './api-harness.js';
import { totpCode } from './totp.js';

export const CONSOLE_PASSWORD = 'correct horse battery staple';

let counter = 0;

export interface ConsoleUser {
  id: string;
  userPrincipalName: string;
  password: string;
}

/** A user with a console password (default: an enabled admin). */
export async function createConsoleUser(
  h: Harness,
  options: {
    role?: 'worker' | 'manager' | 'admin';
    password?: string | null;
    accountEnabled?: boolean;
    userPrincipalName?: string;
  } = {},
): Promise<ConsoleUser> {
  counter += 1;
  const { deps } = h.runtime;
  const password = options.password === undefined ? CONSOLE_PASSWORD : options.password;
  const now = h.clock.now();
  const user = await deps.repos.users.insert({
    id: newId(),
    userPrincipalName: options.userPrincipalName ?? `console${counter}.${Date.now()}@example.test`,
    displayName: `Console User ${counter}`,
    role: options.role ?? 'admin',
    accountEnabled: options.accountEnabled ?? true,
    passwordHash: password === null ? null : await deps.hasher.hash(password),
    createdAt: now,
    updatedAt: now,
  });
  if (!user) throw new Error('createConsoleUser: name taken');
  return { id: user.id, userPrincipalName: user.userPrincipalName, password: password ?? '' };
}

/** POST as a browser on the site would (no API token, the site's Origin). */
export const post = (
  h: Harness,
  path: string,
  body: unknown,
  options: { cookie?: string; clientAddress?: string; origin?: string } = {},
) => h.request('POST', path, { body, token: null, origin: HARNESS_ORIGIN, ...options });

export async function passwordStep(
  h: Harness,
  userPrincipalName: string,
  password: string,
  options: { clientAddress?: string } = {},
): Promise<ConsoleSignInStep> {
  const res = await post(h, '/api/auth/console/sign-in', { userPrincipalName, password }, options);
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return readJson<ConsoleSignInStep>(res);
}

export interface EnrolledConsoleUser extends ConsoleUser {
  cookie: string;
  secret: string;
  recoveryCodes: string[];
}

/** First sign-in with enrolment, as the /admin/login page takes it; returns the session and secrets. */
export async function enrolConsoleUser(h: Harness, user: ConsoleUser): Promise<EnrolledConsoleUser> {
  const step = await passwordStep(h, user.userPrincipalName, user.password);
  if (step.next !== 'enroll-totp') throw new Error(`expected enrolment, got ${step.next}`);
  const enrol = await post(h, '/api/auth/console/totp/enroll', { challenge: step.challenge });
  const { secret } = await readJson<TotpEnrolment>(enrol);
  const confirm = await post(h, '/api/auth/console/totp/enroll/confirm', {
    challenge: step.challenge,
    code: totpCode(secret, h.clock.now()),
  });
  if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${await confirm.text()}`);
  const { recoveryCodes } = await readJson<ConsoleEnrolmentResult>(confirm);
  return { ...user, cookie: sessionCookieFrom(confirm)!, secret, recoveryCodes };
}

/** A later sign-in with the app's current code. Moves the clock one step on first, so the code is new. */
export async function signInWithTotp(
  h: Harness,
  user: EnrolledConsoleUser,
): Promise<{ res: Response; cookie: string | undefined }> {
  h.clock.advanceSeconds(30);
  const step = await passwordStep(h, user.userPrincipalName, user.password);
  const res = await post(h, '/api/auth/console/totp', {
    challenge: step.challenge,
    code: totpCode(user.secret, h.clock.now()),
  });
  return { res, cookie: sessionCookieFrom(res) };
}
