/**
 * Worker sign-in with a badge and a PIN: the badge and PIN checked by `verifyBadgeAndPin`
 * (features/badges/verify-badge-and-pin.ts: client budget → device binding → badge → account → policy
 * scope → code window → method lock → claim an attempt → PIN), then conditional access → PIN verifier
 * upgrade → a kiosk session, and the sign-in log row of the outcome.
 *
 * Conditional access runs only after the PIN is right, so its readable reasons (which rule, which
 * network) are never shown to someone holding only a badge.
 */
import type { DeviceProofBody } from '../../contracts/devices.js';
import type { Role, SignInResult } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import { verifyBadgeAndPin, type BadgeInput, type SignInOutcome } from '../badges/verify-badge-and-pin.js';
import { evaluateSignInAccess } from '../conditional-access/evaluate-sign-in-access.js';
import {
  verifyDeviceRequest,
  type RequestTarget,
  type VerifiedDevice,
} from '../devices/device-binding-check.js';
import { endDeviceSessions, prepareSession } from '../sessions/sessions.js';
import { offerCoSign } from '../step-up/co-sign.js';
import type { StepUpOffer } from '../../contracts/step-up.js';

export interface SignInInput {
  badge: BadgeInput;
  pin: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The browser's Sec-CH-UA-Mobile / Sec-CH-UA-Platform hints (the policy's mobileDevicesOnly). */
  clientHints?: { mobile: string | null; platform: string | null };
  /** The kiosk's device binding, when the kiosk is enrolled. */
  device?: DeviceProofBody;
  /** The request as received, which the device proof must name. */
  request: RequestTarget;
}

export async function signInWithQrPin(deps: ServiceDeps, input: SignInInput): Promise<SignInOutcome> {
  const check = await verifyBadgeAndPin<VerifiedDevice | null>(
    deps,
    {
      badge: input.badge,
      pin: input.pin,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      clientHints: input.clientHints,
      purpose: 'signIn',
    },
    async () => {
      if (!input.device) return { ok: true, device: null };
      const verified = await verifyDeviceRequest(deps, input.device, input.request);
      return verified.ok
        ? {
            ok: true,
            device: verified.device,
            deviceId: verified.device.id,
            compliance: verified.device.compliance,
          }
        : verified;
    },
  );
  if (!check.ok) return check.outcome;
  const { now, user, groupIds, code, method, policy, device, context } = check;
  const deviceId = device?.id;

  // The right PIN resets the method's counters and gives the client's claimed attempt back. Those
  // writes are committed with the outcome's below: a refusal's issued in the same turn of the event
  // loop (one group commit: db/group-commit.ts), a success's in its one transaction (logSignedIn);
  // the answer waits for all of them.
  const access = await evaluateSignInAccess(deps, {
    user: { id: user.id, role: user.role as Role, groupIds },
    device,
    clientAddress: input.ipAddress,
    instant: now,
    method: 'qrPin',
  });
  const accessContext = { ...context, conditionalAccess: access };
  const withAcceptedPin = async (outcome: Promise<SignInOutcome>) =>
    (await Promise.all([outcome, check.acceptPin()]))[0];
  if (access.decision === 'block') {
    return withAcceptedPin(
      check.fail('ACCESS_BLOCKED_BY_POLICY', accessContext, {
        reason: access.reason,
        reasonCode: access.reasonCode,
      }),
    );
  }
  if (access.decision === 'requireSecondFactor') {
    // A manager of the worker's stores may co-sign on this phone (features/step-up): the answer
    // carries the challenge they complete; the sign-in log keeps only its id.
    const offer = await offerCoSign(deps, {
      userId: user.id,
      methodId: method.id,
      codeId: code.id,
      deviceId: deviceId ?? null,
      via: 'shortCode' in input.badge ? 'shortCode' : 'qr',
    });
    return withAcceptedPin(
      check.fail(
        'SECOND_FACTOR_REQUIRED',
        { ...accessContext, stepUp: { challengeId: offer.challengeId } },
        {
          reason: access.reason,
          reasonCode: access.reasonCode,
          stepUp: {
            challenge: offer.challenge,
            expiresInSeconds: offer.expiresInSeconds,
            displayName: user.displayName,
            mustChangePin: method.forceChangePinNextSignIn || method.pinLength < policy.pinLength,
          } satisfies StepUpOffer,
        },
      ),
    );
  }
  if (deps.hasher.needsRehash(method.pinHash)) {
    await deps.repos.methods.upgradePinHash(method.id, method.pinHash, await deps.hasher.hash(input.pin));
  }
  const mustChangePin = method.forceChangePinNextSignIn || method.pinLength < policy.pinLength;
  const { token, session } = await prepareSession(deps, {
    userId: user.id,
    kind: 'kiosk',
    authMethod: 'qr_pin',
    mustChangePin,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    deviceId: deviceId ?? null,
  });
  const result: SignInResult = {
    user: { id: user.id, displayName: user.displayName, role: user.role as Role },
    mustChangePin,
  };
  // The PIN's acceptance, the session, the code's last use and the log row in one transaction.
  const outcome = await check.logSignedIn(
    { ok: true, token, expiresAt: session.expiresAt, result },
    accessContext,
    { session, codeUsed: { codeId: code.id, at: now } },
  );
  // One worker at a time on an enrolled phone: the previous worker's sessions there end (and every
  // store app signed in through them is told), even if their cookie is gone.
  if (deviceId) await endDeviceSessions(deps, deviceId, { except: session.id });
  return outcome;
}
