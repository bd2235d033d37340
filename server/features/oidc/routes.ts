/** The kiosk's side of single sign-on: completing a store app's pending sign-in (interaction). */
import { Hono } from 'hono';
import type Provider from 'oidc-provider';
import { ApiError } from '../../contracts/errors.js';
import type { AppEnv } from '../../http/env.js';
import { requireSession } from '../../http/middleware/session.js';
import { clientIp, userAgentOf } from '../../http/request.js';
import type { ServiceDeps } from '../../core/deps.js';
import { describeInteraction } from './interaction-view.js';
import { completeInteractionLogin } from './interactions.js';

/** `provider` is undefined where no provider runs (an app built without one): every call is refused. */
export function oidcInteractionRoutes(deps: ServiceDeps, provider: (() => Provider) | undefined) {
  return new Hono<AppEnv>()
    .post('/interactions/:uid/login', requireSession({ allowPendingPinChange: true }), async (c) => {
      if (!provider) throw new ApiError('OIDC_INTERACTION_NOT_FOUND');
      // A pending PIN change is refused there (PIN_CHANGE_REQUIRED), after naming the app for the log.
      const request = { ipAddress: clientIp(c), userAgent: userAgentOf(c) };
      const outcome = await completeInteractionLogin(
        deps,
        provider(),
        c.req.param('uid'),
        c.get('auth')!,
        request,
      );
      if (!outcome.ok) throw new ApiError(outcome.code, undefined, outcome.details);
      return c.json({ returnTo: outcome.returnTo });
    })
    .get('/interactions/:uid', async (c) => {
      // The kiosk's scan screen names the waiting app: nobody is signed in yet (interaction-view.ts).
      const view = provider ? await describeInteraction(provider(), c.req.param('uid')) : null;
      if (!view) throw new ApiError('OIDC_INTERACTION_NOT_FOUND');
      return c.json(view);
    });
}
