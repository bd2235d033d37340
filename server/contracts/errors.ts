/**
 * The one error-code catalogue. Every failure the API returns is one of these codes, sent as
 * `{ error: { code, message, ...details } }` with the status given here. The message is in the
 * request's language (Accept-Language: English or Spanish, see docs/api.md): each code's default
 * sentence is here in English and in ERROR_CODE_TEXT_ES (error-text-es.ts) in Spanish; the sentences
 * services give are Words from the catalogue (`say`, error-words.ts), and the app words the body with
 * `errorBodyIn(error, language)`. This module imports nothing: every layer may use it.
 */

export const ERRORS = {
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  TOKEN_SCOPE_MISSING: {
    status: 403,
    message: 'This API token was not given the scope this needs; `scope` names it.',
  },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  USER_ALREADY_EXISTS: { status: 409, message: 'A user with this userPrincipalName already exists.' },
  GROUP_NOT_FOUND: { status: 400, message: 'A group in groupIds does not exist.' },
  GROUP_IN_USE: { status: 409, message: 'A policy names this group; remove it from the policy first.' },
  LAST_ADMIN: { status: 409, message: 'This would leave no enabled admin.' },
  CANNOT_REMOVE_SELF: { status: 409, message: 'You cannot delete or disable your own account.' },
  ACTIVE_QR_CODE_EXISTS: { status: 409, message: 'The user already has an active QR code of this kind.' },
  QR_CODE_NOT_RECOGNIZED: { status: 401, message: 'This QR code is not recognized.' },
  QR_CODE_EXPIRED: { status: 401, message: 'This QR code has expired.' },
  QR_CODE_NOT_YET_ACTIVE: { status: 401, message: 'This QR code is not active yet.' },
  PIN_INCORRECT: { status: 401, message: 'The PIN is incorrect.' },
  METHOD_LOCKED: { status: 423, message: 'Too many wrong PINs. Try again later.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    message: 'Too many failed sign-ins from this device or network. Try again later.',
  },
  METHOD_DISABLED_BY_POLICY: { status: 403, message: 'QR code sign-in is not enabled for this user.' },
  MOBILE_DEVICE_REQUIRED: {
    status: 403,
    message: 'Badge sign-in works only on phones, tablets and store kiosks, not in a desktop browser.',
  },
  ACCESS_BLOCKED_BY_POLICY: { status: 403, message: 'Sign-in was blocked by an access policy.' },
  PIN_CHANGE_REQUIRED: { status: 403, message: 'Choose a new PIN before continuing.' },
  PIN_POLICY_VIOLATION: { status: 400, message: 'The PIN does not meet the PIN rules.' },
  CREDENTIALS_INCORRECT: { status: 401, message: 'The username or password is incorrect.' },
  AUTHENTICATION_CODE_INCORRECT: {
    status: 401,
    message: 'The code is not correct, or it was already used. Wait for the next code and try again.',
  },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed sign-ins. Try again later.' },
  SIGN_IN_CHALLENGE_INVALID: {
    status: 401,
    message: 'This sign-in has expired or was already completed. Sign in again.',
  },
  REAUTHENTICATION_REQUIRED: {
    status: 401,
    message: 'Confirm your password and authentication code to continue.',
  },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'This request did not come from this site.' },
  CONSOLE_ACCESS_NOT_ALLOWED: {
    status: 409,
    message: 'Only enabled managers and admins can be invited to the console.',
  },
  INVITATION_INVALID: {
    status: 410,
    message: 'This invitation link is invalid, expired or already used. Ask an admin for a new one.',
  },
  PUBLIC_ORIGIN_REQUIRED: {
    status: 409,
    message:
      'This server does not know the address people use, so it cannot make a link. Set PUBLIC_ORIGIN (e.g. https://shiftpass.example.com) and restart it.',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 403,
    message: 'An access policy requires a second factor, which this sign-in method cannot give.',
  },
  // Device binding (kiosk mode). Each refusal has its own code so the sign-in log tells attacks apart.
  DEVICE_PROOF_INVALID: {
    status: 401,
    message: 'The device proof is malformed, or does not match this request.',
  },
  DEVICE_TOKEN_ALGORITHM_REFUSED: {
    status: 401,
    message: 'The device proof or attestation uses an algorithm this server does not accept.',
  },
  DEVICE_NONCE_UNKNOWN: { status: 401, message: 'The device proof names a nonce this server did not issue.' },
  DEVICE_NONCE_EXPIRED: { status: 401, message: 'The device proof nonce has expired. Ask for a new one.' },
  DEVICE_NONCE_REPLAYED: { status: 401, message: 'The device proof nonce was already used.' },
  DEVICE_KEY_MISMATCH: {
    status: 401,
    message: "The device proof is not signed by this device's enrolled key.",
  },
  DEVICE_ATTESTATION_INVALID: {
    status: 401,
    message: 'The device attestation is not valid (altered, or not issued by this server).',
  },
  DEVICE_ATTESTATION_EXPIRED: { status: 401, message: 'The device attestation has expired.' },
  DEVICE_NOT_ENROLLED: { status: 401, message: 'This device is not enrolled.' },
  DEVICE_SUSPENDED: { status: 403, message: 'This device is suspended. A manager can resume it.' },
  DEVICE_REVOKED: { status: 403, message: 'This device was revoked. A manager must enroll it again.' },
  DEVICE_ALREADY_ENROLLED: { status: 409, message: 'This device key is already enrolled.' },
  DEVICE_ALREADY_REVOKED: {
    status: 409,
    message: 'This device was revoked and cannot be changed. Enroll the phone again.',
  },
  NAMED_LOCATION_IN_USE: {
    status: 409,
    message: 'A conditional-access policy names this location; remove it from the policy first.',
  },
  APP_IN_USE: {
    status: 409,
    message: 'A conditional-access policy names this app; remove it from the policy first.',
  },
  NAME_ALREADY_EXISTS: { status: 409, message: 'Something of this kind already has this name.' },
  APP_HAS_NO_SECRET: {
    status: 409,
    message: 'This app has no client secret to rotate (it is public, or signs in with its own keys).',
  },
  SETUP_LINK_INVALID: { status: 410, message: 'This setup link is invalid, expired or already used.' },
  // Single sign-on (the kiosk completing a store app's sign-in).
  OIDC_INTERACTION_NOT_FOUND: {
    status: 410,
    message: 'This app sign-in has expired or was already completed. Open the app again.',
  },
  OIDC_KIOSK_SESSION_REQUIRED: {
    status: 403,
    message: 'Apps are signed in from the kiosk: sign in there with your badge and PIN.',
  },
  OIDC_FRESH_SIGN_IN_REQUIRED: {
    status: 403,
    message: 'This app asks you to sign in again: scan your badge and enter your PIN.',
  },
  // A manager confirming for a worker (forgot PIN, step-up), and forgotten-PIN resets.
  APPROVER_NOT_A_MANAGER: {
    status: 403,
    message: "This badge is not a manager's. Ask a manager of your store.",
  },
  APPROVER_NOT_OF_STORE: {
    status: 403,
    message: 'This manager is not a manager of any of your stores. Ask a manager of your store.',
  },
  APPROVER_IS_REQUESTER: {
    status: 403,
    message: 'You cannot approve your own request. Ask a manager of your store.',
  },
  PIN_RESET_NEEDS_ADMIN: {
    status: 403,
    message: "A manager's or an admin's PIN cannot be reset at a kiosk. Ask an admin to reset it.",
  },
  PIN_RESET_REQUEST_INVALID: {
    status: 401,
    message: 'This PIN reset request is not known on this phone. Start again.',
  },
  PIN_RESET_REQUEST_USED: {
    status: 409,
    message: 'This PIN reset request was already approved, used or cancelled.',
  },
  PIN_RESET_REQUEST_EXPIRED: {
    status: 410,
    message: 'This PIN reset request has expired (10 minutes). Start again.',
  },
  PIN_RESET_NOT_APPROVED: { status: 409, message: 'No manager has approved this PIN reset yet.' },
  PIN_RESET_DECLINED: { status: 409, message: 'A manager declined this PIN reset.' },
  PIN_RESET_TOO_MANY_REQUESTS: {
    status: 429,
    message: 'Too many PIN reset requests for this badge. Try again later.',
  },
  APPROVALS_TOO_MANY: {
    status: 429,
    message: 'This manager has approved too many PIN resets in the last hour. Try again later.',
  },
  // Step-up by a manager: a manager co-signs a worker's sign-in that needs a second factor.
  STEP_UP_CHALLENGE_NOT_FOUND: {
    status: 404,
    message: 'This manager confirmation is not known here. Scan your badge and enter your PIN again.',
  },
  STEP_UP_CHALLENGE_EXPIRED: {
    status: 410,
    message: 'This manager confirmation has expired. Scan your badge and enter your PIN again.',
  },
  STEP_UP_CHALLENGE_USED: {
    status: 409,
    message: 'This manager confirmation was already used. Scan your badge and enter your PIN again.',
  },
  STEP_UP_DEVICE_MISMATCH: {
    status: 403,
    message: 'This sign-in must be confirmed on the phone where it started.',
  },
  // Webhook endpoints (issue 17, docs/webhooks.md).
  WEBHOOK_NOT_FOUND: { status: 404, message: 'This webhook endpoint does not exist.' },
  WEBHOOK_URL_INVALID: {
    status: 400,
    message:
      'The webhook address must be a full address such as https://siem.example.com/shiftpass, whose host name is found, without a user name, password or # part.',
  },
  WEBHOOK_URL_NOT_HTTPS: { status: 400, message: 'The webhook address must start with https://.' },
  WEBHOOK_URL_PRIVATE_ADDRESS: {
    status: 400,
    message:
      'The webhook address leads to a private or local network. Use a public address, or ask the server operator to allow this host (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS).',
  },
  WEBHOOK_LIMIT_REACHED: {
    status: 409,
    message: 'This installation already has the most webhook endpoints it may have (20). Delete one first.',
  },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    status: 404,
    message: 'This webhook delivery does not exist (or is older than 30 days).',
  },
  WEBHOOK_DELIVERY_NOT_FAILED: {
    status: 409,
    message: 'Only a failed delivery can be retried; this one was delivered or is still being tried.',
  },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; [detail: string]: unknown };
}

/** The languages error messages come in (KIOSK_LANGUAGES; error-words.ts checks they are the same). */
export type ErrorLanguage = 'en' | 'es';

/** A message worded when the answer is sent, in the request's language; `String(words)` is its English. */
export class Words {
  constructor(readonly inLanguage: (language: ErrorLanguage) => string) {}
  toString(): string {
    return this.inLanguage('en');
  }
}

/** Details with every Words in them worded (`problems: [{ field, message }]`); only plain arrays and objects are walked. */
export function wordDetails(value: unknown, language: ErrorLanguage): unknown {
  if (value instanceof Words) return value.inLanguage(language);
  if (Array.isArray(value)) return value.map((item) => wordDetails(item, language));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wordDetails(item, language)]));
  }
  return value;
}

/**
 * An expected failure to report to the client; `details` are merged into the error object. The
 * message is Words (worded in the request's language when the answer is sent; `words` is null for
 * the code's default sentence); a plain string is sent as it is in every language. `message`
 * (Error's, for logs) is the English.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly words: Words | null;
  constructor(
    readonly code: ErrorCode,
    message?: string | Words,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message === undefined ? ERRORS[code].message : String(message));
    this.name = 'ApiError';
    this.status = ERRORS[code].status;
    this.words =
      message === undefined ? null : typeof message === 'string' ? new Words(() => message) : message;
  }

  /** The body in English; the app sends `errorBodyIn(error, language)` (error-words.ts). */
  toBody(): ErrorBody {
    return this.bodyWith(this.message, 'en');
  }

  /** The body with this message, the details' Words worded in `language`. */
  bodyWith(message: string, language: ErrorLanguage): ErrorBody {
    // Details follow code and message and can never replace them.
    const { code: _code, message: _message, ...details } = this.details;
    const worded = wordDetails(details, language) as Record<string, unknown>;
    return { error: { code: this.code, message, ...worded } };
  }
}

export const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).error === 'object' &&
  typeof (value as ErrorBody).error?.code === 'string';
