/**
 * The QR-code + PIN method's lifecycle: at most one method per user, holding at most one unexpired
 * standard code, at most one unexpired temporary code, and one PIN, each with its own lifecycle.
 * Badge images, short codes and PINs are returned only from the call that creates them; afterwards the
 * database holds the secret's SHA-256, the short code's keyed hash and the PIN's argon2id verifier,
 * never the values.
 */
import type { z } from 'zod';
import { ApiError } from '../../contracts/errors.js';
import { pinRefusal, say, type Words } from '../../contracts/error-words.js';
import type { putQrPinMethodBody, qrCodeWindowBody } from '../../contracts/schemas.js';
import type { CodeKind, MethodRow, NewQrCode, QrCodeRow } from './qr-pin-methods-repository.js';
import type { UserRow } from '../people/users-repository.js';
import { lockStateAt } from '../../domain/lockout.js';
import { checkPin, generatePin } from '../../domain/pin-rules.js';
import {
  codeWindowAt,
  lifetimeOf,
  MAX_START_AHEAD_DAYS,
  planCodeWindow,
  planExpiryChange,
  QR_CODE_LIFETIME_BOUNDS,
  type WindowRefusal,
} from '../../domain/qr-code-window.js';
import { CODE_ID_LENGTH, formatQrPayload } from '../../domain/qr-payload.js';
import type { QrPinPolicy } from '../../domain/qr-pin-policy.js';
import { formatShortCode } from '../../domain/short-code.js';
import { newId, randomBase32, randomDigit, sha256 } from '../../platform/crypto.js';
import { renderQrPng, type QrImage } from '../../platform/qr-image.js';
import { loadManagedUser } from '../../core/actor-scope.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { endUserSessions } from '../sessions/sessions.js';

const HOUR_SECONDS = 60 * 60;
const DAY_SECONDS = 24 * HOUR_SECONDS;
const CODE_ID_BYTES = (CODE_ID_LENGTH * 5) / 8;
/** 128 random bits → 26 base32 characters. */
const SECRET_BYTES = 16;
/**
 * New short codes drawn when one collides with a stored one. With n codes stored a draw collides with
 * probability n / 2^50, so a second draw is already a one-in-10^11 event at a million codes.
 */
const SHORT_CODE_DRAWS = 5;

export interface IssuedQrCode {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  createdDateTime: string;
  image: QrImage;
  /** The typed fallback printed under the image (`ABCDE-FGHJK`); only in this answer. */
  shortCode: string;
}

/** A PIN as Graph's qrPin answers it when created or reset: the only time its code is shown. */
export interface IssuedPin {
  code: string;
  forceChangePinNextSignIn: true;
  createdDateTime: string;
  updatedDateTime: string;
}

const issuedPin = (code: string, now: Date): IssuedPin => ({
  code,
  forceChangePinNextSignIn: true,
  createdDateTime: now.toISOString(),
  updatedDateTime: now.toISOString(),
});

export interface IssuedQrPinMethod {
  id: string;
  /** When the method was created (Graph's authenticationMethod.createdDateTime). */
  createdDateTime: string;
  standardQRCode: IssuedQrCode;
  pin: IssuedPin;
}

type CodeWindowInput = z.output<typeof qrCodeWindowBody>;

function newQrSecret(issuerId: string): { codeId: string; secret: string; rawContent: string } {
  const codeId = randomBase32(CODE_ID_BYTES);
  const secret = randomBase32(SECRET_BYTES);
  return { codeId, secret, rawContent: formatQrPayload({ issuer: issuerId, codeId, secret }) };
}

/**
 * Stores a new code through `insert`, with a fresh short code; draws another short code while the
 * database reports that its hash is taken. Returns the insert's outcome and the canonical short code.
 */
async function insertWithShortCode<T>(
  deps: ServiceDeps,
  insert: (shortCodeHash: string) => Promise<T | 'short_code_taken'>,
): Promise<{ outcome: T; shortCode: string }> {
  for (let draw = 1; draw <= SHORT_CODE_DRAWS; draw++) {
    const shortCode = deps.shortCodes.generate();
    // After a server key rotation the unique index sees only current-key hashes: a code still stored
    // under the previous key is looked for too, so no two badges ever share a short code.
    const [current, ...previous] = deps.shortCodes.lookupHashes(shortCode);
    if (previous.length > 0 && (await deps.repos.methods.findCodeWithMethodByShortCodeHash(previous)))
      continue;
    const outcome = await insert(current ?? deps.shortCodes.hash(shortCode));
    if (outcome !== 'short_code_taken') return { outcome, shortCode };
  }
  throw new Error(`${SHORT_CODE_DRAWS} short codes in a row were taken: the random source is broken`);
}

/** A refused window in words, naming the kind's own bounds. */
function windowRefusalWords(kind: CodeKind, refusal: WindowRefusal): Words {
  const bounds = QR_CODE_LIFETIME_BOUNDS[kind];
  switch (refusal.rule) {
    case 'startsTooLate':
      return say.qrCodeStartsTooLate(MAX_START_AHEAD_DAYS);
    case 'expiryNotAfterStart':
      return say.qrCodeExpiryNotAfterStart;
    case 'livesTooShort':
      return say.qrCodeLivesTooShort(kind, bounds.min);
    case 'livesTooLong':
      return say.qrCodeLivesTooLong(kind, bounds.max);
  }
}

const fieldOfKind = (kind: CodeKind) => (kind === 'standard' ? 'standardQRCode' : 'temporaryQRCode');

/**
 * The window of a new code: as asked, or from now for the policy's lifetime; within the kind's bounds
 * (a standard code 1 to 395 days, a temporary one 1 to 12 hours, as Entra). A refusal names the
 * field under the code's kind (`standardQRCode.expireDateTime`), whichever route was called.
 */
function codeWindow(
  now: Date,
  input: CodeWindowInput,
  kind: CodeKind,
  policy: QrPinPolicy,
): { start: Date; expire: Date } {
  const defaultSeconds =
    kind === 'standard'
      ? policy.standardQRCodeLifetimeInDays * DAY_SECONDS
      : policy.temporaryQRCodeLifetimeInHours * HOUR_SECONDS;
  const window = planCodeWindow(
    now,
    {
      start: input.startDateTime ? new Date(input.startDateTime) : undefined,
      expire: input.expireDateTime ? new Date(input.expireDateTime) : undefined,
    },
    { defaultMs: defaultSeconds * 1000, ...lifetimeOf(kind) },
  );
  if (!window.ok) {
    throw new ApiError('VALIDATION_FAILED', windowRefusalWords(kind, window), {
      field: `${fieldOfKind(kind)}.${window.field}`,
    });
  }
  return window;
}

async function choosePin(code: string | undefined, policy: QrPinPolicy, field: string): Promise<string> {
  if (code === undefined) return generatePin(policy.pinLength, randomDigit);
  const check = checkPin(code, { minLength: policy.pinLength });
  if (!check.ok) {
    const message = say.pinRule(pinRefusal(check, policy.pinLength));
    throw new ApiError('PIN_POLICY_VIOLATION', message, { rule: check.rule, field });
  }
  return code;
}

async function requireMethod(deps: ServiceDeps, user: UserRow): Promise<MethodRow> {
  const method = await deps.repos.methods.findByUserId(user.id);
  if (!method) throw new ApiError('NOT_FOUND', say.noQrPinMethod);
  return method;
}

async function issueCode(
  deps: ServiceDeps,
  method: MethodRow,
  kind: CodeKind,
  window: { start: Date; expire: Date },
): Promise<IssuedQrCode> {
  const now = deps.clock.now();
  const { codeId, secret, rawContent } = newQrSecret(deps.settings.issuerId);
  const code: NewQrCode & { kind: CodeKind } = {
    id: codeId,
    methodId: method.id,
    kind,
    secretHash: sha256(secret),
    startDateTime: window.start,
    expireDateTime: window.expire,
    createdDateTime: now,
  };
  const { outcome, shortCode } = await insertWithShortCode(deps, (shortCodeHash) =>
    deps.repos.methods.addCodeUnlessActive({ ...code, shortCodeHash }, now),
  );
  if (outcome === 'active_code_exists') {
    throw new ApiError('ACTIVE_QR_CODE_EXISTS', say.activeQrCodeExists(kind));
  }
  return {
    id: codeId,
    startDateTime: window.start.toISOString(),
    expireDateTime: window.expire.toISOString(),
    createdDateTime: now.toISOString(),
    image: await renderQrPng(rawContent),
    shortCode: formatShortCode(shortCode),
  };
}

const codeAudit = (code: IssuedQrCode) => ({
  id: code.id,
  startDateTime: code.startDateTime,
  expireDateTime: code.expireDateTime,
});

/** PUT …/qr-code-pin-method: a new method with a standard code and a PIN (generated unless given). */
export async function issueQrPinMethod(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  input: z.output<typeof putQrPinMethodBody>,
): Promise<IssuedQrPinMethod> {
  const user = await loadManagedUser(deps, actor, userId);
  const policy = await getQrPinPolicy(deps);
  const now = deps.clock.now();
  const window = codeWindow(now, input.standardQRCode, 'standard', policy);
  const pin = await choosePin(input.pin?.code, policy, 'pin.code');

  const existing = await deps.repos.methods.findByUserId(user.id);
  if (existing) {
    const codes = await deps.repos.methods.codesOf(existing.id);
    // A new method replaces the PIN and every code: refused while any badge of the user still works.
    const unexpired = codes.find((c) => codeWindowAt(c, now) !== 'expired');
    if (unexpired) {
      throw new ApiError('ACTIVE_QR_CODE_EXISTS', say.activeQrCodeOrMethodExists(unexpired.kind));
    }

    await deps.repos.methods.deleteForUser(user.id);
  }

  const method: MethodRow = {
    id: newId(),
    userId: user.id,
    pinHash: await deps.hasher.hash(pin),
    pinLength: pin.length,
    forceChangePinNextSignIn: true,
    pinUpdatedAt: now,
    failedAttempts: 0,
    consecutiveFailures: 0,
    lockoutCount: 0,
    lockedUntil: null,
    createdAt: now,
  };
  const { codeId, secret, rawContent } = newQrSecret(deps.settings.issuerId);
  const { shortCode } = await insertWithShortCode(deps, (shortCodeHash) =>
    deps.repos.methods.insertMethod(method, {
      id: codeId,
      methodId: method.id,
      kind: 'standard',
      secretHash: sha256(secret),
      shortCodeHash,
      startDateTime: window.start,
      expireDateTime: window.expire,
      createdDateTime: now,
    }),
  );
  // Whoever was signed in on the old credentials is not any more.
  await endUserSessions(deps, user.id);
  const standardQRCode: IssuedQrCode = {
    id: codeId,
    startDateTime: window.start.toISOString(),
    expireDateTime: window.expire.toISOString(),
    createdDateTime: now.toISOString(),
    image: await renderQrPng(rawContent),
    shortCode: formatShortCode(shortCode),
  };
  await recordAudit(
    deps,
    actor,
    'qrPinMethod.issued',
    { type: 'user', id: user.id },
    {
      standardQRCode: codeAudit(standardQRCode),
      pinGenerated: !input.pin,
      replacedMethod: Boolean(existing),
    },
  );
  return {
    id: method.id,
    createdDateTime: now.toISOString(),
    standardQRCode,
    pin: issuedPin(pin, now),
  };
}

export interface QrCodeState {
  id: string;
  status: 'active' | 'notYetActive' | 'expired';
  startDateTime: string;
  expireDateTime: string;
  createdDateTime: string;
  lastUsedDateTime: string | null;
}

const toCodeState = (code: QrCodeRow, now: Date): QrCodeState => {
  const window = codeWindowAt(code, now);
  return {
    id: code.id,
    status: window === 'not_yet_active' ? 'notYetActive' : window,
    startDateTime: code.startDateTime.toISOString(),
    expireDateTime: code.expireDateTime.toISOString(),
    createdDateTime: code.createdDateTime.toISOString(),
    lastUsedDateTime: code.lastUsedDateTime?.toISOString() ?? null,
  };
};

/** GET …/qr-code-pin-method: the method's state without any secret. */
export async function getQrPinMethodState(deps: ServiceDeps, actor: Actor, userId: string) {
  const user = await loadManagedUser(deps, actor, userId, 'read');
  const method = await requireMethod(deps, user);
  const policy = await getQrPinPolicy(deps);
  const now = deps.clock.now();
  const codes = await deps.repos.methods.codesOf(method.id);
  const latest = (kind: CodeKind) =>
    codes
      .filter((c) => c.kind === kind)
      .sort((a, b) => b.createdDateTime.getTime() - a.createdDateTime.getTime())[0];
  const standard = latest('standard');
  const temporary = latest('temporary');
  const lock = lockStateAt(method, policy.lockout, now);
  return {
    id: method.id,
    createdDateTime: method.createdAt.toISOString(),
    standardQRCode: standard ? toCodeState(standard, now) : null,
    temporaryQRCode: temporary ? toCodeState(temporary, now) : null,
    pin: {
      // As Graph's GET: the code is shown only when the PIN is created or reset.
      code: null,
      forceChangePinNextSignIn: method.forceChangePinNextSignIn || method.pinLength < policy.pinLength,
      // Shiftpass keeps one time per PIN change: created is the method's (its first PIN's) creation,
      // updated the last reset or change (docs/api.md, "Differences from Microsoft Graph").
      createdDateTime: method.createdAt.toISOString(),
      updatedDateTime: method.pinUpdatedAt.toISOString(),
    },
    lockout: {
      isLocked: lock.locked,
      lockedUntilDateTime: lock.locked && lock.until ? lock.until.toISOString() : null,
      requiresUnlock: lock.locked && lock.until === null,
      failedAttempts: method.failedAttempts,
      consecutiveFailures: method.consecutiveFailures,
    },
  };
}

/** DELETE …/qr-code-pin-method: the PIN and every code go; the user's sessions end. */
export async function deleteQrPinMethod(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await deps.repos.methods.findByUserId(user.id);
  const codes = method ? await deps.repos.methods.codesOf(method.id) : [];
  if (!(await deps.repos.methods.deleteForUser(user.id))) {
    throw new ApiError('NOT_FOUND', say.noQrPinMethod);
  }
  await endUserSessions(deps, user.id);
  await recordAudit(
    deps,
    actor,
    'qrPinMethod.deleted',
    { type: 'user', id: user.id },
    { revokedBadges: workingBadgesOf(codes, deps.clock.now()) },
  );
}

/** The badges among `codes` that still worked: what a deletion revokes (audited, and sent as badge.revoked). */
const workingBadgesOf = (codes: Pick<QrCodeRow, 'kind' | 'expireDateTime'>[], now: Date) =>
  codes
    .filter((code) => code.expireDateTime.getTime() > now.getTime())
    .map((code) => ({ kind: code.kind, expireDateTime: code.expireDateTime.toISOString() }));

/** PUT …/standard-qr-code or …/temporary-qr-code: a new code for the existing PIN. */
export async function issueQrCode(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  kind: CodeKind,
  input: CodeWindowInput,
): Promise<IssuedQrCode> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await requireMethod(deps, user);
  const policy = await getQrPinPolicy(deps);
  const code = await issueCode(deps, method, kind, codeWindow(deps.clock.now(), input, kind, policy));
  await recordAudit(
    deps,
    actor,
    `qrCode.${kind}.issued`,
    { type: 'user', id: user.id },
    { code: codeAudit(code) },
  );
  return code;
}

/** A standard code whose expiry was changed: its state, and no image (Graph answers `image: null`). */
export type ChangedQrCode = QrCodeState & { image: null };

/**
 * PATCH …/standard-qr-code or …/temporary-qr-code, as Graph's "Create or update qrCode": with no
 * unexpired code of the kind, a new one is issued (as PUT; `created`); an unexpired standard code
 * gets the new `expireDateTime` (its start stays; the code and its printed badge are unchanged): in
 * the future, at least 1 day and at most 395 days after its start. A temporary code cannot be changed.
 */
export async function patchQrCode(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  kind: CodeKind,
  input: CodeWindowInput,
): Promise<{ created: true; code: IssuedQrCode } | { created: false; code: ChangedQrCode }> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await requireMethod(deps, user);
  const now = deps.clock.now();
  const current = (await deps.repos.methods.codesOf(method.id)).find(
    (c) => c.kind === kind && codeWindowAt(c, now) !== 'expired',
  );
  if (!current) return { created: true, code: await issueQrCode(deps, actor, userId, kind, input) };
  if (kind === 'temporary') throw new ApiError('ACTIVE_QR_CODE_EXISTS', say.temporaryQrCodeFixed);

  const field = fieldOfKind(kind);
  if (
    input.startDateTime !== undefined &&
    new Date(input.startDateTime).getTime() !== current.startDateTime.getTime()
  ) {
    throw new ApiError('VALIDATION_FAILED', say.qrCodeStartFixed, { field: `${field}.startDateTime` });
  }
  if (input.expireDateTime === undefined) {
    throw new ApiError('VALIDATION_FAILED', say.qrCodeNewExpiryMissing, { field: `${field}.expireDateTime` });
  }
  const plan = planExpiryChange(now, current, new Date(input.expireDateTime), lifetimeOf(kind));
  if (!plan.ok) {
    throw new ApiError('VALIDATION_FAILED', windowRefusalWords(kind, plan), {
      field: `${field}.${plan.field}`,
    });
  }
  // Expired or deleted between the read and now: there is no code to change any more.
  if (!(await deps.repos.methods.changeExpiry(current.id, plan.expire, now))) {
    throw new ApiError('NOT_FOUND', say.noQrCodeOfKind(kind));
  }
  await recordAudit(
    deps,
    actor,
    'qrCode.standard.expiryChanged',
    { type: 'user', id: user.id },
    {
      code: {
        id: current.id,
        startDateTime: current.startDateTime.toISOString(),
        expireDateTime: { before: current.expireDateTime.toISOString(), after: plan.expire.toISOString() },
      },
    },
  );
  const changed = toCodeState({ ...current, expireDateTime: plan.expire }, now);
  return { created: false, code: { ...changed, image: null } };
}

/** DELETE …/standard-qr-code or …/temporary-qr-code: the badge stops working and its sessions end. */
export async function deleteQrCode(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  kind: CodeKind,
): Promise<void> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await requireMethod(deps, user);
  const deleted = await deps.repos.methods.deleteCodes(method.id, kind);
  if (deleted.length === 0) throw new ApiError('NOT_FOUND', say.noQrCodeOfKind(kind));
  await endUserSessions(deps, user.id);
  await recordAudit(
    deps,
    actor,
    `qrCode.${kind}.deleted`,
    { type: 'user', id: user.id },
    { revokedBadges: workingBadgesOf(deleted, deps.clock.now()) },
  );
}

/** POST …/pin/reset: a new PIN (generated unless given) that must be changed at the next sign-in. */
export async function resetPin(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  input: { code?: string },
): Promise<IssuedPin> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await requireMethod(deps, user);
  const policy = await getQrPinPolicy(deps);
  const pin = await choosePin(input.code, policy, 'code');
  const now = deps.clock.now();
  await deps.repos.methods.updatePin(
    method.id,
    {
      pinHash: await deps.hasher.hash(pin),
      pinLength: pin.length,
      forceChangePinNextSignIn: true,
      pinUpdatedAt: now,
    },
    { clearLockout: true },
  );
  await endUserSessions(deps, user.id);
  await recordAudit(
    deps,
    actor,
    'pin.reset',
    { type: 'user', id: user.id },
    { pinGenerated: input.code === undefined },
  );
  return issuedPin(pin, now);
}

/** POST …/unlock: clears a lockout, including one at the hard limit. */
export async function unlockMethod(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const user = await loadManagedUser(deps, actor, userId);
  const method = await requireMethod(deps, user);
  await deps.repos.methods.resetLockout(method.id);
  await recordAudit(deps, actor, 'qrPinMethod.unlocked', { type: 'user', id: user.id });
}

/** POST /api/admin/users/{id}/revoke-sign-in-sessions (Graph: revokeSignInSessions). */
export async function revokeSignInSessions(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const user = await loadManagedUser(deps, actor, userId);
  await endUserSessions(deps, user.id);
  await recordAudit(deps, actor, 'user.sessionsRevoked', { type: 'user', id: user.id });
}
