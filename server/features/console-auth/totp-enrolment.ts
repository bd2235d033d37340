/**
 * First console sign-in of someone without an authenticator: after the password, the server draws a
 * 160-bit TOTP seed, keeps it sealed on the pending challenge and shows it (base32, otpauth URI, QR
 * code); the first correct code from the app confirms it. Only then does the seed become the user's
 * authenticator, with ten recovery codes shown once, and a console session starts.
 */
import type { ConsoleEnrolmentResult, TotpEnrolment } from '../../contracts/console-auth.js';
import { encodeBase32 } from '../../domain/base32.js';
import { matchTotpStep, normaliseTotpCode, otpauthUri } from '../../domain/totp.js';
import { renderQrDataUrl } from '../../platform/qr-image.js';
import { recordAudit } from '../../core/audit.js';
import { claimClientAttempt } from '../lockout/client-budget.js';
import {
  consoleLockoutStore,
  consoleUserView,
  createConsoleSession,
  findChallenge,
  logConsoleSignIn,
  newRecoveryCodes,
  openSeed,
  refusal,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import type { ConsoleSessionOutcome } from './console-sign-in.js';
import type { ServiceDeps } from '../../core/deps.js';
import { checkUnderLockout } from '../lockout/check-under-lockout.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { evaluateConsoleAccess } from '../conditional-access/evaluate-sign-in-access.js';

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Shiftpass';

/** A new seed for the challenge (replacing one drawn before: only the latest shown can be confirmed). */
export async function startTotpEnrolment(
  deps: ServiceDeps,
  input: { challenge: string },
): Promise<{ ok: true; enrolment: TotpEnrolment } | ConsoleFailure> {
  const now = deps.clock.now();
  const found = await findChallenge(deps, input.challenge, 'enroll-totp', now);
  if (!found || (await deps.repos.consoleAuth.findTotp(found.user.id))) {
    return { ok: false, code: 'SIGN_IN_CHALLENGE_INVALID' };
  }
  const { user, challenge } = found;
  const seed = deps.consoleSecrets.newTotpSecret();
  await deps.repos.consoleAuth.setPendingSecret(
    challenge.id,
    deps.consoleSecrets.sealTotpSecret(seed, user.id),
  );
  const secret = encodeBase32(seed);
  const uri = otpauthUri({ issuer: TOTP_ISSUER, accountName: user.userPrincipalName, secretBase32: secret });
  return { ok: true, enrolment: { secret, otpauthUri: uri, qrImage: await renderQrDataUrl(uri) } };
}

export async function confirmTotpEnrolment(
  deps: ServiceDeps,
  input: ConsoleClient & { challenge: string; code: string },
): Promise<ConsoleSessionOutcome<ConsoleEnrolmentResult>> {
  const now = deps.clock.now();
  const { lockout } = await getQrPinPolicy(deps);
  const fail = async (failure: ConsoleFailure, userId: string | null, reason: string) => {
    await logConsoleSignIn(deps, input, {
      now,
      userId,
      failureCode: failure.code,
      details: { step: 'enrolment', reason },
    });
    return failure;
  };
  const invalid = (userId: string | null, reason: string) =>
    fail({ ok: false, code: 'SIGN_IN_CHALLENGE_INVALID' }, userId, reason);

  const client = await claimClientAttempt(deps, input.ipAddress, lockout, now);
  if (!client.ok) {
    const details = { retryAfterSeconds: client.retryAfterSeconds };
    return fail({ ok: false, code: 'TOO_MANY_ATTEMPTS', details }, null, 'client_throttled');
  }
  const found = await findChallenge(deps, input.challenge, 'enroll-totp', now);
  if (!found) return invalid(null, 'challenge_invalid');
  const { user, challenge } = found;
  const sealed = challenge.pendingSecretSealed;
  if (!sealed) return invalid(user.id, 'enrolment_not_started');

  let step: number | undefined;
  const verdict = await checkUnderLockout(
    consoleLockoutStore(deps, deps.consoleSecrets.accountKey(user.userPrincipalName), 'reset'),
    lockout,
    now,
    async () => {
      const code = normaliseTotpCode(input.code);
      if (!code) return false;
      const seed = openSeed(deps, sealed, user.id);
      const match = matchTotpStep(deps.consoleSecrets.hmacSha1, seed, code, now.getTime(), null);
      step = match.matched ? match.step : undefined;
      return match.matched;
    },
  );
  if (verdict.kind !== 'correct') {
    if (verdict.kind === 'locked') await client.refund();
    const reason = verdict.kind === 'locked' ? verdict.reason : 'code_incorrect';
    return fail(refusal(verdict, 'AUTHENTICATION_CODE_INCORRECT', { field: 'code' }), user.id, reason);
  }
  if (!(await deps.repos.consoleAuth.consumeChallenge(challenge.id, now))) {
    return invalid(user.id, 'challenge_used');
  }
  await client.refund();
  // Checked before the authenticator is saved: a blocked sign-in enrols nothing.
  const { blocked, access } = await evaluateConsoleAccess(deps, user, input.ipAddress, now);
  if (blocked) {
    await logConsoleSignIn(deps, input, {
      now,
      userId: user.id,
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      details: { step: 'enrolment', conditionalAccess: access },
    });
    return { ok: false, code: 'ACCESS_BLOCKED_BY_POLICY', details: { reason: access.reason } };
  }
  const recoveryCodes = newRecoveryCodes(deps, user.id);
  // The confirming code's step counts as used: it cannot sign in again.
  await deps.repos.consoleAuth.enrolTotp(
    { userId: user.id, secretSealed: sealed, lastUsedStep: step!, createdAt: now },
    recoveryCodes.stored,
  );
  const { token, session } = await createConsoleSession(deps, user, input, now);
  await recordAudit(
    deps,
    { type: 'user', userId: user.id, role: user.role, sessionId: session.id },
    'console.totp.enrolled',
    { type: 'user', id: user.id },
    { recoveryCodes: recoveryCodes.shown.length },
  );
  await logConsoleSignIn(deps, input, {
    now,
    userId: user.id,
    failureCode: null,
    details: { step: 'enrolment', conditionalAccess: access },
  });
  return {
    ok: true,
    token,
    expiresAt: session.expiresAt,
    result: { user: consoleUserView(user), recoveryCodes: recoveryCodes.shown },
  };
}
