/**
 * /api/admin/conditional-access: policies, templates, named locations and the what-if evaluation
 * (admins only). Changing a policy or a named location changes who may sign in, so a console
 * session must have re-authenticated within 5 minutes (API-token callers are exempt).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  createNamedLocationBody,
  createPolicyBody,
  patchNamedLocationBody,
  patchPolicyBody,
  whatIfBody,
} from '../../contracts/conditional-access.js';
import { requireRecentAuth } from '../../http/middleware/recent-auth.js';
import { requireRole } from '../../http/middleware/session.js';
import {
  createNamedLocation,
  createPolicy,
  deleteNamedLocation,
  deletePolicy,
  getNamedLocation,
  getPolicy,
  listNamedLocations,
  listPolicies,
  listTemplates,
  updateNamedLocation,
  updatePolicy,
  validationProblems,
} from './access-rules-admin.js';
import type { ServiceDeps } from '../../core/deps.js';
import { whatIf } from './evaluate-sign-in-access.js';
import type { AppEnv } from '../../http/env.js';
import { readJson } from '../../http/request.js';
import { jsonBody } from '../../http/validated.js';
import { fieldOfIssue, issueWords, VALIDATION_PARSE_OPTIONS } from '../../http/validation-messages.js';
import { errorLanguageOf } from '../../http/error-language.js';
import { withPolicyWarningsIn } from './policy-warning-words.js';

/**
 * A policy body, refused with every problem at once (`problems`), so the console can show each next
 * to its field; `field` and the message name the first, as at every other route.
 */
async function readPolicyJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await readJson(c, z.unknown()), VALIDATION_PARSE_OPTIONS);
  if (result.success) return result.data;
  throw validationProblems(
    result.error.issues.map((issue) => ({ field: fieldOfIssue(issue) ?? '', message: issueWords(issue) })),
  );
}

export function adminConditionalAccessRoutes(deps: ServiceDeps) {
  const recentAuth = requireRecentAuth(deps);
  return new Hono<AppEnv>()
    .use(requireRole(deps, ['admin']))
    .get('/policies', async (c) =>
      c.json(withPolicyWarningsIn(await listPolicies(deps), errorLanguageOf(c)), 200),
    )
    .post('/policies', recentAuth, jsonBody(createPolicyBody, readPolicyJson), async (c) => {
      const body = c.req.valid('json');
      return c.json(
        withPolicyWarningsIn(await createPolicy(deps, c.get('actor'), body), errorLanguageOf(c)),
        201,
      );
    })
    .get('/policies/:id', async (c) =>
      c.json(withPolicyWarningsIn(await getPolicy(deps, c.req.param('id')), errorLanguageOf(c)), 200),
    )
    .patch('/policies/:id', recentAuth, jsonBody(patchPolicyBody, readPolicyJson), async (c) => {
      const body = c.req.valid('json');
      const policy = await updatePolicy(deps, c.get('actor'), c.req.param('id'), body);
      return c.json(withPolicyWarningsIn(policy, errorLanguageOf(c)), 200);
    })
    .delete('/policies/:id', recentAuth, async (c) => {
      await deletePolicy(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/templates', async (c) =>
      c.json(withPolicyWarningsIn(await listTemplates(deps), errorLanguageOf(c)), 200),
    )
    .get('/named-locations', async (c) => c.json(await listNamedLocations(deps), 200))
    .post('/named-locations', recentAuth, jsonBody(createNamedLocationBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await createNamedLocation(deps, c.get('actor'), body), 201);
    })
    .get('/named-locations/:id', async (c) => c.json(await getNamedLocation(deps, c.req.param('id')), 200))
    .patch('/named-locations/:id', recentAuth, jsonBody(patchNamedLocationBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await updateNamedLocation(deps, c.get('actor'), c.req.param('id'), body), 200);
    })
    .delete('/named-locations/:id', recentAuth, async (c) => {
      await deleteNamedLocation(deps, c.get('actor'), c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/what-if', jsonBody(whatIfBody), async (c) => {
      const body = c.req.valid('json');
      return c.json(await whatIf(deps, body), 200);
    });
}
