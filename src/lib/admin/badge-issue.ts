/**
 * Turning the API's one-time answers (a new method, a new code, a PIN reset) into what the console
 * shows once: an IssuedBadge for the label, or a PIN alone. Memory only, like IssuedBadge itself.
 */
import type { IssuedBadge } from './badge';

/** The part of an issued code the API returns once (PUT …/qr-code-pin-method, …/standard-qr-code, …). */
export interface IssuedCodeAnswer {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  createdDateTime: string;
  shortCode: string;
  image: { binaryValue: string; rawContent: string; errorCorrectionLevel: string };
}

export interface IssuedMethodAnswer {
  id: string;
  standardQRCode: IssuedCodeAnswer;
  pin: { code: string; forceChangePinNextSignIn: true };
}

export function badgeOf(
  person: { id: string; displayName: string },
  code: IssuedCodeAnswer,
  kind: IssuedBadge['kind'],
  pin?: string,
): IssuedBadge {
  return {
    userId: person.id,
    displayName: person.displayName,
    shortCode: code.shortCode,
    pngBase64: code.image.binaryValue,
    rawContent: code.image.rawContent,
    expireDateTime: code.expireDateTime,
    kind,
    ...(pin === undefined ? {} : { pin }),
  };
}

/** GET …/qr-code-pin-method: the method without any secret. */
export interface CodeState {
  id: string;
  status: 'active' | 'notYetActive' | 'expired';
  startDateTime: string;
  expireDateTime: string;
  createdDateTime: string;
  lastUsedDateTime: string | null;
}

export interface MethodState {
  id: string;
  standardQRCode: CodeState | null;
  temporaryQRCode: CodeState | null;
  pin: { forceChangePinNextSignIn: boolean; updatedDateTime: string };
  lockout: {
    isLocked: boolean;
    lockedUntilDateTime: string | null;
    requiresUnlock: boolean;
    failedAttempts: number;
    consecutiveFailures: number;
  };
}

/** A code that still counts (the server refuses a second one of its kind while it does). */
export const stillWorks = (code: CodeState | null): code is CodeState =>
  code !== null && code.status !== 'expired';
