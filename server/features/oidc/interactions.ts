/**
 * The kiosk completes a store app's sign-in: the worker signed in on the kiosk (badge + PIN, and the
 * device proof when the kiosk is enrolled), so the provider's pending interaction gets that login:
 * the account (the user's id), `amr` per RFC 8176 (`pin`, plus `hwk` when the kiosk session was bound
 * to an enrolled device), the `acr`, and `auth_time` = when the kiosk session signed in. The scopes
 * are granted by the provider's loadExistingGrant (first-party apps, no consent screen).
 *
 * prompt=login and max_age force a fresh scan + PIN: when the interaction was started for one of
 * those reasons, a kiosk session signed in before the interaction started (prompt=login), or longer
 * ago than max_age, is refused with OIDC_FRESH_SIGN_IN_REQUIRED; the kiosk then signs the worker out
 * and asks for badge + PIN again (docs/api.md).
 *
 * Conditional access is evaluated with the app as the target (app-access.ts); a refusal leaves the
 * app waiting and answers ACCESS_BLOCKED_BY_POLICY or SECOND_FACTOR_REQUIRED for the kiosk to explain;
 * the latter with a co-sign challenge for the kiosk session (features/step-up): once a manager has
 * co-signed it on the phone, the kiosk completes the interaction again and it passes.
 *
 * Every completion and every refusal of a signed-in session writes one sign-in log row: the worker,
 * the session's device, authMethod `sso` and details `{ via: 'sso', app: { id, name } }` (no app when
 * the interaction is no longer stored), plus the policies' verdicts when they were evaluated.
 *
 * Why a leaked interaction uid is useless: the resume step (/oidc/auth/{uid}) needs the provider's
 * interaction cookie from the browser that started the request, and this step needs the kiosk's
 * SameSite=Strict session cookie on a same-origin POST.
 */
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { ErrorCode } from '../../contracts/errors.js';
import { INTERACTION_UID_PATTERN } from '../../contracts/oidc-interactions.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { Role } from '../../domain/roles.js';
import type { AppRow } from '../apps/apps-repository.js';
import type { SignInAccessResult } from '../conditional-access/evaluate-sign-in-access.js';
import type { ResolvedSession } from '../sessions/sessions.js';
import type { LoggedPerson } from '../badges/verify-badge-and-pin.js';
import { offerCoSign } from '../step-up/co-sign.js';
import type { StepUpOffer } from '../../contracts/step-up.js';
import { assessAppSignIn, logAppSignIn, type AppAccessRefusal } from './app-access.js';
import {
  ACR_BADGE_PIN,
  ACR_BADGE_PIN_DEVICE,
  AMR_HARDWARE_KEY,
  AMR_PIN,
  FRESH_LOGIN_REASONS,
  type ShiftpassLoginResult,
} from './provider.js';

export type InteractionLoginOutcome =
  | { ok: true; returnTo: string }
  | {
      ok: false;
      code:
        | 'OIDC_INTERACTION_NOT_FOUND'
        | 'OIDC_KIOSK_SESSION_REQUIRED'
        | 'OIDC_FRESH_SIGN_IN_REQUIRED'
        | 'PIN_CHANGE_REQUIRED'
        | AppAccessRefusal;
      /** SECOND_FACTOR_REQUIRED: a manager may co-sign this kiosk session (`stepUp`, contracts/step-up.ts). */
      details?: Record<string, unknown>;
    };

/** The request the kiosk completed the sign-in with, for the sign-in log. */
export interface InteractionRequest {
  ipAddress: string | null;
  userAgent: string | null;
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export async function completeInteractionLogin(
  deps: ServiceDeps,
  provider: Provider,
  uid: string,
  auth: ResolvedSession,
  request: InteractionRequest,
): Promise<InteractionLoginOutcome> {
  const { outcome, clientId, app, access, coSignedBy } = await completeLogin(
    deps,
    provider,
    uid,
    auth,
    request,
  );
  await logAppSignIn(deps, {
    userId: auth.user.id,
    deviceId: auth.session.deviceId,
    app: app ? { id: app.id, name: app.displayName } : clientId ? { id: clientId } : undefined,
    failureCode: outcome.ok ? null : (outcome.code satisfies ErrorCode),
    clientAddress: request.ipAddress,
    userAgent: request.userAgent,
    access,
    coSignedBy,
  });
  return outcome;
}

type Refusal = Exclude<InteractionLoginOutcome, { ok: true }>['code'];

async function completeLogin(
  deps: ServiceDeps,
  provider: Provider,
  uid: string,
  { session, user }: ResolvedSession,
  request: InteractionRequest,
): Promise<{
  outcome: InteractionLoginOutcome;
  clientId?: string;
  app?: AppRow;
  access?: SignInAccessResult;
  coSignedBy?: LoggedPerson;
}> {
  const interaction = INTERACTION_UID_PATTERN.test(uid) ? await provider.Interaction.find(uid) : undefined;
  const clientId =
    typeof interaction?.params.client_id === 'string' ? interaction.params.client_id : undefined;
  const app = clientId ? await deps.repos.apps.findById(clientId) : undefined;
  const refuse = (code: Refusal, access?: SignInAccessResult) => ({
    outcome: { ok: false as const, code },
    clientId,
    app,
    access,
  });
  // Nothing but the PIN change while one is pending (the route lets it through to be logged here).
  if (session.mustChangePin) return refuse('PIN_CHANGE_REQUIRED');
  if (session.kind !== 'kiosk') return refuse('OIDC_KIOSK_SESSION_REQUIRED');
  // The provider's own clock: its `exp` is on the system clock.
  const remaining = interaction ? interaction.exp - epochSeconds(new Date()) : 0;
  if (!interaction || remaining <= 0 || !app) return refuse('OIDC_INTERACTION_NOT_FOUND');
  if (!signedInFreshEnough(interaction, session.createdAt, new Date())) {
    return refuse('OIDC_FRESH_SIGN_IN_REQUIRED');
  }
  const { refusal, access, coSignedBy } = await assessAppSignIn(deps, {
    user: { id: user.id, role: user.role as Role },
    deviceId: session.deviceId,
    kioskSessionId: session.id,
    app: { id: app.id, name: app.displayName },
    clientAddress: request.ipAddress,
    userAgent: request.userAgent,
  });
  // Refused by conditional access: the app keeps waiting (its request expires); the kiosk says why.
  // A second factor may come from a manager co-signing this kiosk session on the phone (step-up).
  if (refusal === 'SECOND_FACTOR_REQUIRED' && session.kind === 'kiosk') {
    const offer = await offerCoSign(deps, {
      userId: user.id,
      methodId: null,
      codeId: null,
      deviceId: session.deviceId,
      via: null,
      sessionId: session.id,
    });
    const stepUp: StepUpOffer = {
      challenge: offer.challenge,
      expiresInSeconds: offer.expiresInSeconds,
      displayName: user.displayName,
      mustChangePin: false,
    };
    return { ...refuse(refusal, access), outcome: { ok: false, code: refusal, details: { stepUp } } };
  }
  if (refusal) return refuse(refusal, access);
  const bound = session.deviceId !== null;
  const shiftpass: ShiftpassLoginResult = { kioskSessionId: session.id, userId: user.id };
  interaction.result = {
    login: {
      accountId: user.id,
      amr: bound ? [AMR_PIN, AMR_HARDWARE_KEY] : [AMR_PIN],
      acr: bound ? ACR_BADGE_PIN_DEVICE : ACR_BADGE_PIN,
      ts: epochSeconds(session.createdAt),
      remember: true,
    },
    shiftpass,
  };
  await interaction.save(remaining);
  return { outcome: { ok: true, returnTo: interaction.returnTo }, clientId, app, access, coSignedBy };
}

/**
 * Whether a kiosk session signed in at `signedInAt` may complete this interaction: always, unless the
 * app asked for a fresh sign-in (prompt=login: signed in since the interaction started; max_age: signed
 * in since the interaction started or within max_age seconds).
 */
export function signedInFreshEnough(
  interaction: Pick<Interaction, 'iat' | 'prompt' | 'params'>,
  signedInAt: Date,
  now: Date,
): boolean {
  const reasons = interaction.prompt.reasons;
  if (!FRESH_LOGIN_REASONS.some((reason) => reasons.includes(reason))) return true;
  // A second's slack: the interaction's iat is in whole seconds.
  if (signedInAt.getTime() >= (interaction.iat - 1) * 1000) return true;
  if (reasons.includes('login_prompt')) return false;
  const maxAge = Number(interaction.params.max_age);
  return Number.isFinite(maxAge) && now.getTime() - signedInAt.getTime() <= maxAge * 1000;
}
