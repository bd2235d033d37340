/**
 * Issuing a user's QR-code + PIN method: a standard code and a PIN. The badge image and the PIN
 * are returned from this call only; afterwards the database holds the secret's SHA-256 and the
 * PIN's argon2id verifier, never the values.
 */
import type { z } from 'zod';
import { ApiError } from '../contracts/errors.js';
import type { putQrPinMethodBody } from '../contracts/schemas.js';
import { addSeconds } from '../domain/clock.js';
import { checkPin, generatePin } from '../domain/pin-rules.js';
import { CODE_ID_LENGTH, formatQrPayload } from '../domain/qr-payload.js';
import { newId, randomBase32, randomDigit, sha256 } from '../platform/crypto.js';
import { renderQrPng, type QrImage } from '../platform/qr-image.js';
import { recordAudit } from './audit.js';
import type { Actor, ServiceDeps } from './deps.js';

const DAY_SECONDS = 24 * 60 * 60;
const MAX_STANDARD_LIFETIME_DAYS = 395;
/** base32 characters per byte of randomness: 16 chars ← 10 bytes, 26 chars ← 16 bytes (128 bits). */
const CODE_ID_BYTES = (CODE_ID_LENGTH * 5) / 8;
const SECRET_BYTES = 16;

export interface IssuedQrPinMethod {
  id: string;
  standardQRCode: {
    id: string;
    startDateTime: string;
    expireDateTime: string;
    createdDateTime: string;
    image: QrImage;
  };
  pin: { code: string; forceChangePinNextSignIn: true };
}

export function newQrSecret(issuerId: string): { codeId: string; secret: string; rawContent: string } {
  const codeId = randomBase32(CODE_ID_BYTES);
  const secret = randomBase32(SECRET_BYTES);
  return { codeId, secret, rawContent: formatQrPayload({ issuer: issuerId, codeId, secret }) };
}

function standardWindow(
  deps: ServiceDeps,
  input: { startDateTime?: string; expireDateTime?: string },
): { start: Date; expire: Date } {
  const now = deps.clock.now();
  const start = input.startDateTime ? new Date(input.startDateTime) : now;
  const expire = input.expireDateTime
    ? new Date(input.expireDateTime)
    : addSeconds(start, deps.settings.standardQRCodeLifetimeInDays * DAY_SECONDS);
  if (expire.getTime() <= start.getTime() || expire.getTime() <= now.getTime()) {
    throw new ApiError('VALIDATION_FAILED', 'expireDateTime must be in the future and after startDateTime.', {
      field: 'standardQRCode.expireDateTime',
    });
  }
  if (expire.getTime() - start.getTime() > MAX_STANDARD_LIFETIME_DAYS * DAY_SECONDS * 1000) {
    throw new ApiError(
      'VALIDATION_FAILED',
      `A standard QR code lives at most ${MAX_STANDARD_LIFETIME_DAYS} days.`,
      {
        field: 'standardQRCode.expireDateTime',
      },
    );
  }
  return { start, expire };
}

export async function issueQrPinMethod(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  input: z.output<typeof putQrPinMethodBody>,
): Promise<IssuedQrPinMethod> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw new ApiError('NOT_FOUND', 'No user has this id.');
  const { start, expire } = standardWindow(deps, input.standardQRCode);

  const pinLength = deps.settings.pinLength;
  let pin: string;
  if (input.pin) {
    const check = checkPin(input.pin.code, { minLength: pinLength });
    if (!check.ok) {
      throw new ApiError('PIN_POLICY_VIOLATION', check.message, { rule: check.rule, field: 'pin.code' });
    }
    pin = input.pin.code;
  } else {
    pin = generatePin(pinLength, randomDigit);
  }

  const now = deps.clock.now();
  const methodId = newId();
  const { codeId, secret, rawContent } = newQrSecret(deps.settings.issuerId);
  await deps.repos.methods.replaceForUser(
    {
      id: methodId,
      userId,
      pinHash: await deps.hasher.hash(pin),
      pinLength: pin.length,
      forceChangePinNextSignIn: true,
      pinUpdatedAt: now,
      createdAt: now,
    },
    {
      id: codeId,
      methodId,
      kind: 'standard',
      secretHash: sha256(secret),
      startDateTime: start,
      expireDateTime: expire,
      createdDateTime: now,
    },
  );
  // A new PIN and badge replace the old ones: nobody stays signed in on the old credentials.
  await deps.repos.sessions.revokeAllForUser(userId, now);
  await recordAudit(
    deps,
    actor,
    'qrPinMethod.issued',
    { type: 'user', id: userId },
    {
      standardQRCode: {
        id: codeId,
        startDateTime: start.toISOString(),
        expireDateTime: expire.toISOString(),
      },
      pinGenerated: !input.pin,
    },
  );

  return {
    id: methodId,
    standardQRCode: {
      id: codeId,
      startDateTime: start.toISOString(),
      expireDateTime: expire.toISOString(),
      createdDateTime: now.toISOString(),
      image: await renderQrPng(rawContent),
    },
    pin: { code: pin, forceChangePinNextSignIn: true },
  };
}
