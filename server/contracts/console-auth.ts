/** Console sign-in (username + password, then TOTP or a recovery code) and re-authentication. */
import { z } from 'zod';
import { RECOVERY_CODE_MAX_INPUT_LENGTH } from '../domain/recovery-code.js';
import { normalizeText } from '../domain/text.js';
import type { Role } from './schemas.js';

const challenge = z.string().min(1).max(128);
/** Digits as typed; spaces are allowed (apps show "123 456"), anything else is just a wrong code. */
const totpCode = z.string().max(16);
const recoveryCode = z.string().max(RECOVERY_CODE_MAX_INPUT_LENGTH);
const password = z.string().min(1).max(256);

export const consoleSignInBody = z.strictObject({
  /** NFC like every stored name, so an "é" typed decomposed finds its account; passwords stay as typed. */
  userPrincipalName: z
    .string()
    .overwrite((name) => normalizeText(name).trim())
    .min(1)
    .max(256),
  password,
});

/** Exactly one of `code` (from the authenticator app) and `recoveryCode`. */
const oneSecondFactor = <T extends { code?: string; recoveryCode?: string }>(body: T) =>
  (body.code === undefined) !== (body.recoveryCode === undefined);
const oneSecondFactorIssue = { message: 'give code or recoveryCode, exactly one', path: ['code'] };

export const consoleTotpBody = z
  .strictObject({ challenge, code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine(oneSecondFactor, oneSecondFactorIssue);

export const consoleEnrolBody = z.strictObject({ challenge });

export const consoleEnrolConfirmBody = z.strictObject({ challenge, code: totpCode });

export const reauthenticateBody = z
  .strictObject({ password, code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine(oneSecondFactor, oneSecondFactorIssue);

/** Redeeming a console invitation: the link's token and the password the person chose. */
export const redeemInvitationBody = z.strictObject({
  token: z.string().min(1).max(128),
  password: z.string().min(12, 'must be at least 12 characters').max(256),
});

/** Shown to the admin once: the link to hand to the person (the token is in the fragment). */
export interface ConsoleInvitationView {
  invitationUrl: string;
  expireDateTime: string;
}

export type SecondFactorInput = { code: string } | { recoveryCode: string };

/** After the password: the second factor to give, and the challenge that carries the sign-in there. */
export interface ConsoleSignInStep {
  next: 'totp' | 'enroll-totp';
  challenge: string;
  expiresDateTime: string;
}

export interface TotpEnrolment {
  /** The seed in RFC 4648 base32, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code: a `data:image/png;base64,…` URL. */
  qrImage: string;
}

export interface ConsoleSignInResult {
  user: { id: string; displayName: string; role: Role };
}

export interface ConsoleEnrolmentResult extends ConsoleSignInResult {
  /** Shown once: ten single-use codes, `ABCDE-FGHJK`. */
  recoveryCodes: string[];
}

export interface ReauthenticationResult {
  reauthenticatedDateTime: string;
}
