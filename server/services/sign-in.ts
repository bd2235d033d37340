/**
 * Worker sign-in with a scanned badge and a PIN.
 *
 * Unknown, forged, deleted, foreign and malformed badges all answer QR_CODE_NOT_RECOGNIZED and all
 * run one argon2id verification against a decoy verifier, so they cost the same time as a wrong PIN
 * and reveal nothing about which badges exist.
 */
import type { ErrorCode } from '../contracts/errors.js';
import type { Role, SignInResult } from '../contracts/schemas.js';
import { codeWindowAt } from '../domain/qr-code-window.js';
import { parseQrPayload } from '../domain/qr-payload.js';
import { equalHashes, newId, sha256 } from '../platform/crypto.js';
import type { ServiceDeps } from './deps.js';
import { createSession } from './sessions.js';

export interface SignInInput {
  qr: string;
  pin: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { ok: true; token: string; result: SignInResult }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

type Failure = Extract<SignInOutcome, { ok: false }>;

export async function signInWithQrPin(deps: ServiceDeps, input: SignInInput): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const log = async (
    outcome: SignInOutcome,
    context: { userId?: string; codeId?: string; reason?: string },
  ): Promise<SignInOutcome> => {
    await deps.repos.logs.signIn({
      id: newId(),
      createdDateTime: now,
      result: outcome.ok ? 'success' : 'failure',
      failureCode: outcome.ok ? null : outcome.code,
      authMethod: 'qr_pin',
      userId: context.userId ?? null,
      codeId: context.codeId ?? null,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      details: context.reason ? { reason: context.reason } : null,
    });
    return outcome;
  };
  const notRecognized = async (reason: string, codeId?: string, userId?: string) => {
    await deps.hasher.verify(deps.decoyPinHash, input.pin);
    const failure: Failure = { ok: false, code: 'QR_CODE_NOT_RECOGNIZED' };
    return log(failure, { reason, codeId, userId });
  };

  const parsed = parseQrPayload(input.qr);
  if (!parsed.ok) return notRecognized('malformed_payload');
  const { issuer, codeId, secret } = parsed.payload;
  if (issuer !== deps.settings.issuerId) return notRecognized('foreign_issuer');

  const found = await deps.repos.methods.findCodeWithMethod(codeId);
  if (!found) return notRecognized('unknown_code', codeId);
  const { code, method } = found;
  if (!equalHashes(sha256(secret), code.secretHash)) return notRecognized('secret_mismatch', codeId);

  const user = await deps.repos.users.findById(method.userId);
  if (!user || !user.accountEnabled) return notRecognized('account_disabled', codeId, method.userId);

  const window = codeWindowAt(code, now);
  if (window !== 'active') {
    const failure: Failure = {
      ok: false,
      code: window === 'expired' ? 'QR_CODE_EXPIRED' : 'QR_CODE_NOT_YET_ACTIVE',
    };
    return log(failure, { codeId, userId: user.id });
  }

  if (!(await deps.hasher.verify(method.pinHash, input.pin))) {
    return log({ ok: false, code: 'PIN_INCORRECT' }, { codeId, userId: user.id });
  }
  if (deps.hasher.needsRehash(method.pinHash)) {
    await deps.repos.methods.upgradePinHash(method.id, method.pinHash, await deps.hasher.hash(input.pin));
  }

  const mustChangePin = method.forceChangePinNextSignIn || method.pinLength < deps.settings.pinLength;
  await deps.repos.methods.markCodeUsed(code.id, now);
  const { token } = await createSession(deps, {
    userId: user.id,
    kind: 'kiosk',
    authMethod: 'qr_pin',
    mustChangePin,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
  });
  const result: SignInResult = {
    user: { id: user.id, displayName: user.displayName, role: user.role as Role },
    mustChangePin,
  };
  return log({ ok: true, token, result }, { codeId, userId: user.id });
}
