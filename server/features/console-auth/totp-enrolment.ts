/**
 * First console sign-in of someone without an authenticator: after the password, the server draws a
 * 160-bit TOTP seed, keeps it sealed on the pending challenge and shows it (base32, otpauth URI, QR
 * code); the first correct code from the app confirms it (through console-pipeline.ts: budget,
 * lockout with `onCorrect: 'reset'`, conditional access). Only then does the seed become the user's
 * authenticator, with ten recovery codes shown once, and a console session starts.
 */
import type { ConsoleEnrolmentResult, TotpEnrolment } from '../../contracts/console-auth.js';
import { encodeBase32 } from '../../domain/base32.js';
import { matchTotpStep, normaliseTotpCode, otpauthUri } from '../../domain/totp.js';
import { renderQrDataUrl } from '../../platform/qr-image.js';
import { recordAudit } from '../../core/audit.js';
import type { ServiceDeps } from '../../core/deps.js';
import {
  consoleUserView,
  createConsoleSession,
  findChallenge,
  newRecoveryCodes,
  openSeed,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import { locateChallenge, runConsoleStep, useUpChallenge } from './console-pipeline.js';
import type { ConsoleSessionOutcome } from './console-sign-in.js';

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
  let confirmedStep: number | undefined;
  return runConsoleStep(deps, input, {
    logStep: 'enrolment',
    locate: async (now) => {
      const located = await locateChallenge(deps, input.challenge, 'enroll-totp', now);
      if (located.found && !located.subject.challenge.pendingSecretSealed) {
        return { found: false, reason: 'enrolment_not_started', userId: located.userId };
      }
      return located;
    },
    secrets: [
      {
        onCorrect: 'reset',
        wrong: { code: 'AUTHENTICATION_CODE_INCORRECT', details: { field: 'code' } },
        check: async ({ user, challenge }, now) => {
          const code = normaliseTotpCode(input.code);
          if (!code) return { right: false, reason: 'code_incorrect' };
          const seed = openSeed(deps, challenge.pendingSecretSealed!, user.id);
          const match = matchTotpStep(deps.consoleSecrets.hmacSha1, seed, code, now.getTime(), null);
          if (!match.matched) return { right: false, reason: 'code_incorrect' };
          confirmedStep = match.step;
          return { right: true };
        },
      },
    ],
    useChallenge: useUpChallenge(deps),
    // Conditional access runs before success: a blocked sign-in enrols nothing.
    accessOf: ({ user }) => user,
    succeed: async ({ user, challenge }, now) => {
      const recoveryCodes = newRecoveryCodes(deps, user.id);
      // The confirming code's step counts as used: it cannot sign in again.
      await deps.repos.consoleAuth.enrolTotp(
        {
          userId: user.id,
          secretSealed: challenge.pendingSecretSealed!,
          lastUsedStep: confirmedStep!,
          createdAt: now,
        },
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
      const result = { user: consoleUserView(user), recoveryCodes: recoveryCodes.shown };
      return { outcome: { ok: true, token, expiresAt: session.expiresAt, result }, logged: {} };
    },
  });
}
