/** Worker sign-in (and a manager's co-sign of one), the current session, PIN change and sign-out. */
import { Hono, type Context } from 'hono';
import { ApiError } from '../../contracts/errors.js';
import { changePinBody, signInBody } from '../../contracts/schemas.js';
import { clearSessionCookie, requireSession, setSessionCookie } from '../../http/middleware/session.js';
import { changePin } from './change-pin.js';
import type { ServiceDeps } from '../../core/deps.js';
import { endSession, sessionViewOf } from '../sessions/sessions.js';
import { signInWithQrPin } from './sign-in.js';
import type { AppEnv } from '../../http/env.js';
import { clientIp, userAgentOf } from '../../http/request.js';
import { jsonBody } from '../../http/validated.js';
import { coSignBody } from '../../contracts/step-up.js';
import { coSignSignIn } from '../step-up/co-sign.js';
import type { SignInOutcome } from '../badges/verify-badge-and-pin.js';

export function authRoutes(deps: ServiceDeps) {
  /** A sign-in's answer: the worker's session cookie, or the refusal's code and details. */
  const answerSignIn = async (c: Context<AppEnv>, outcome: SignInOutcome) => {
    if (!outcome.ok) throw new ApiError(outcome.code, undefined, outcome.details);
    // A previous worker's session on this browser ends when the next one signs in.
    const previous = c.get('auth');
    if (previous) await endSession(deps, previous.session.id);
    const maxAgeSeconds = Math.floor((outcome.expiresAt.getTime() - deps.clock.now().getTime()) / 1000);
    setSessionCookie(c, outcome.token, maxAgeSeconds);
    return c.json(outcome.result, 200);
  };
  return new Hono<AppEnv>()
    .post('/qr-pin/sign-in', jsonBody(signInBody), async (c) => {
      const body = c.req.valid('json');
      const outcome = await signInWithQrPin(deps, {
        // The schema lets exactly one of the two through.
        badge: body.shortCode !== undefined ? { shortCode: body.shortCode } : { qr: body.qr! },
        pin: body.pin,
        ipAddress: clientIp(c),
        userAgent: userAgentOf(c),
        clientHints: {
          mobile: c.req.header('sec-ch-ua-mobile') ?? null,
          platform: c.req.header('sec-ch-ua-platform') ?? null,
        },
        device: body.device,
        request: { method: c.req.method, url: c.req.url },
      });
      return answerSignIn(c, outcome);
    })
    .post('/qr-pin/co-sign', jsonBody(coSignBody), async (c) => {
      // A manager confirms a sign-in that needs a second factor; the worker's session cookie is set.
      const body = c.req.valid('json');
      const outcome = await coSignSignIn(deps, {
        challenge: body.challenge,
        badge: body.shortCode !== undefined ? { shortCode: body.shortCode } : { qr: body.qr! },
        pin: body.pin,
        ipAddress: clientIp(c),
        userAgent: userAgentOf(c),
        device: body.device,
        request: { method: c.req.method, url: c.req.url },
        currentSessionId: c.get('auth')?.session.id ?? null,
      });
      // A signed-in kiosk session stepped up for a store app: it carries on, no new cookie.
      if (outcome.ok && 'steppedUp' in outcome) return c.json(outcome.steppedUp, 200);
      return answerSignIn(c, outcome);
    })
    .get('/session', requireSession({ allowPendingPinChange: true }), (c) =>
      c.json(sessionViewOf(deps, c.get('auth')!), 200),
    )
    .post(
      '/qr-pin/change-pin',
      requireSession({ allowPendingPinChange: true }),
      jsonBody(changePinBody),
      async (c) => {
        const body = c.req.valid('json');
        await changePin(deps, c.get('auth')!, body);
        return c.body(null, 204);
      },
    )
    .post('/sign-out', async (c) => {
      const auth = c.get('auth');
      if (auth) await endSession(deps, auth.session.id);
      clearSessionCookie(c);
      // Not "storage": that would also wipe the kiosk's device key (docs/security.md, "Shared-device hygiene").
      c.header('Clear-Site-Data', '"cache", "cookies"');
      return c.body(null, 204);
    });
}
