/** /api/auth/console: admin console sign-in (password, then TOTP or a recovery code), enrolment, re-auth. */
import { Hono, type Context } from 'hono';
import {
  consoleEnrolBody,
  consoleEnrolConfirmBody,
  consoleSignInBody,
  consoleTotpBody,
  reauthenticateBody,
  redeemInvitationBody,
  type SecondFactorInput,
} from '../../contracts/console-auth.js';
import { ApiError } from '../../contracts/errors.js';
import { requireSession, setSessionCookie } from '../../http/middleware/session.js';
import type { ConsoleFailure } from './console-factors.js';
import { redeemConsoleInvitation } from './console-invitation.js';
import { completeConsoleSignIn, startConsoleSignIn } from './console-sign-in.js';
import type { ServiceDeps } from '../../core/deps.js';
import { reauthenticate } from './reauthentication.js';
import { endSession } from '../sessions/sessions.js';
import { confirmTotpEnrolment, startTotpEnrolment } from './totp-enrolment.js';
import type { AppEnv } from '../../http/env.js';
import { clientIp, userAgentOf } from '../../http/request.js';
import { jsonBody } from '../../http/validated.js';

const refuse = (failure: ConsoleFailure): never => {
  throw new ApiError(failure.code, undefined, failure.details);
};

/** The schemas let exactly one of the two through. */
const factorOf = (body: { code?: string; recoveryCode?: string }): SecondFactorInput =>
  body.recoveryCode !== undefined ? { recoveryCode: body.recoveryCode } : { code: body.code! };

/** Sets the new console session's cookie; a previous session on this browser ends. */
async function startSession(
  c: Context<AppEnv>,
  deps: ServiceDeps,
  outcome: { token: string; expiresAt: Date },
): Promise<void> {
  const previous = c.get('auth');
  if (previous) await endSession(deps, previous.session.id);
  const maxAgeSeconds = Math.floor((outcome.expiresAt.getTime() - deps.clock.now().getTime()) / 1000);
  setSessionCookie(c, outcome.token, maxAgeSeconds);
}

export function consoleAuthRoutes(deps: ServiceDeps) {
  const client = (c: Context<AppEnv>) => ({ ipAddress: clientIp(c), userAgent: userAgentOf(c) });
  return new Hono<AppEnv>()
    .post('/sign-in', jsonBody(consoleSignInBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await startConsoleSignIn(deps, { ...body, ...client(c) });
      if (!outcome.ok) return refuse(outcome);
      return c.json(outcome.step, 200);
    })
    .post('/totp', jsonBody(consoleTotpBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await completeConsoleSignIn(deps, {
        challenge: body.challenge,
        factor: factorOf(body),
        ...client(c),
      });
      if (!outcome.ok) return refuse(outcome);
      await startSession(c, deps, outcome);
      return c.json(outcome.result, 200);
    })
    .post('/totp/enroll', jsonBody(consoleEnrolBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await startTotpEnrolment(deps, body);
      if (!outcome.ok) return refuse(outcome);
      return c.json(outcome.enrolment, 200);
    })
    .post('/totp/enroll/confirm', jsonBody(consoleEnrolConfirmBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await confirmTotpEnrolment(deps, { ...body, ...client(c) });
      if (!outcome.ok) return refuse(outcome);
      await startSession(c, deps, outcome);
      return c.json(outcome.result, 200);
    })
    .post('/reauthenticate', requireSession(), jsonBody(reauthenticateBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await reauthenticate(deps, c.get('auth')!, {
        password: body.password,
        factor: factorOf(body),
        ...client(c),
      });
      if (!outcome.ok) return refuse(outcome);
      return c.json(outcome.result, 200);
    })
    .post('/invitation', jsonBody(redeemInvitationBody), async (c) => {
      await redeemConsoleInvitation(deps, c.req.valid('json'));
      return c.body(null, 204);
    });
}
