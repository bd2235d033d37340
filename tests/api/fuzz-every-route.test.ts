/**
 * Property-based sweep (fast-check, issue 13): every public route — every route Hono registered, and
 * the OpenID provider's endpoints — fed generated bodies, queries and path parameters, as an admin
 * token, a signed-in worker and nobody. Whatever comes in, the answer is never a 5xx and never a hang.
 *
 * The generators mix the API's real field and query names with hostile values (NUL and bidi
 * characters, huge and negative numbers, deep nesting, wrong types), so requests get past the first
 * "unknown field" check into the services. The seed is fixed and the number of runs bounded, so CI is
 * repeatable; a failure prints the seed and the shrunk request to replay.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addGroup, createWorker, signedInUser, startHarness, type Harness } from '../support/api-harness.js';
import { startOidcServer } from '../support/oidc-harness.js';

const SEED = 20261206;
const RUNS_PER_ROUTE = 12;
/** Longer than any honest answer takes here (a PIN check is ~50 ms), far shorter than a hang. */
const ANSWER_WITHIN_MS = 5000;

/** Field names the API's bodies use, so generated objects reach past "unknown field". */
const FIELDS = [
  'displayName',
  'userPrincipalName',
  'role',
  'groupIds',
  'accountEnabled',
  'pin',
  'newPin',
  'currentPin',
  'qr',
  'shortCode',
  'code',
  'password',
  'state',
  'grant',
  'conditions',
  'cidrs',
  'groupId',
  'timeZone',
  'name',
  'scopes',
  'expiresAt',
  'startDateTime',
  'lifetimeInMinutes',
  'isUsableOnce',
  'pinLength',
  'redirectUris',
  'clientType',
  'csv',
  'device',
  'userId',
  'ipAddress',
  'method',
  'appId',
  'reason',
  'compliant',
  'attestation',
  'proof',
  'nonce',
  'token',
];
const QUERY_KEYS = [
  'limit',
  'cursor',
  'userId',
  'deviceId',
  'from',
  'to',
  'search',
  'result',
  'state',
  'format',
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('\u0000', 'admin\u0000x', '\u202eevil', '../../etc', '%00', '🙂'.repeat(300), ' ', ''),
);
const leaf = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, 9999),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileText, { maxKeys: 3 });

function withQuery(path: string, params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search ? `${path}?${search}` : path;
}

async function answerOf(request: Promise<Response>): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    const response = await Promise.race([request, hang]);
    await response.arrayBuffer();
    return response;
  } finally {
    clearTimeout(timer);
  }
}

describe('every API route, generated input', () => {
  let h: Harness;
  let ids: string[];
  let workerCookie: string;

  beforeAll(async () => {
    h = await startHarness();
    const group = await addGroup(h);
    const worker = await createWorker(h, { user: { groupIds: [group.id] } });
    workerCookie = (await signedInUser(h)).cookie;
    ids = [group.id, worker.user.id];
  });
  afterAll(() => h.close());

  test('no 5xx and no hang, as an admin token, a signed-in worker and nobody', async () => {
    const routes = h.runtime.app.routes.filter((route) => route.method !== 'ALL');
    // Deduplicated: a path registered twice (middleware chains) is one route.
    const unique = [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
    expect(unique.length).toBeGreaterThan(40);
    const param = fc.oneof(
      fc.constantFrom(...ids),
      hostileText.filter((text) => text.length > 0),
    );
    for (const route of unique) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<'admin' | 'worker' | 'nobody'>('admin', 'admin', 'worker', 'nobody'),
          fc.array(param, { minLength: 4, maxLength: 4 }),
          query,
          body,
          async (who, params, search, payload) => {
            let index = 0;
            const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[index++]!));
            const sendsBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
            const response = await answerOf(
              h.request(route.method, withQuery(path, search), {
                ...(sendsBody ? { body: payload } : {}),
                ...(who === 'admin' ? {} : { token: null }),
                ...(who === 'worker' ? { cookie: workerCookie } : {}),
              }),
            );
            expect(response.status, `${route.method} ${path}`).toBeLessThan(500);
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    }
  }, 240_000);
});

describe('the OpenID provider, generated input', () => {
  let s: Awaited<ReturnType<typeof startOidcServer>>;
  beforeAll(async () => {
    s = await startOidcServer();
  });
  afterAll(() => s.close());

  const OAUTH_PARAMS = [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'nonce',
    'code_challenge',
    'code_challenge_method',
    'prompt',
    'max_age',
    'grant_type',
    'code',
    'code_verifier',
    'refresh_token',
    'id_token_hint',
    'post_logout_redirect_uri',
    'client_assertion',
    'client_assertion_type',
    'token',
    'logout',
    'xsrf',
  ];
  const oauthParams = fc.dictionary(fc.constantFrom(...OAUTH_PARAMS), hostileText, { maxKeys: 6 });
  const ENDPOINTS: { method: 'GET' | 'POST'; path: string }[] = [
    { method: 'GET', path: '/oidc/.well-known/openid-configuration' },
    { method: 'GET', path: '/oidc/jwks' },
    { method: 'GET', path: '/oidc/auth' },
    { method: 'POST', path: '/oidc/auth' },
    { method: 'POST', path: '/oidc/token' },
    { method: 'GET', path: '/oidc/me' },
    { method: 'POST', path: '/oidc/token/revocation' },
    { method: 'GET', path: '/oidc/session/end' },
    { method: 'POST', path: '/oidc/session/end/confirm' },
    { method: 'GET', path: '/oidc/auth/not-an-interaction' },
  ];

  test.each(ENDPOINTS)('$method $path: no 5xx and no hang', async ({ method, path }) => {
    await fc.assert(
      fc.asyncProperty(oauthParams, fc.option(hostileText, { nil: undefined }), async (params, bearer) => {
        const form = new URLSearchParams(params).toString();
        const url = method === 'GET' ? withQuery(`${s.origin}${path}`, params) : `${s.origin}${path}`;
        const headers: Record<string, string> = {};
        if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
        if (bearer !== undefined) headers.authorization = `Bearer ${bearer.replace(/[^\x21-\x7e]/g, 'x')}`;
        const response = await answerOf(
          fetch(url, { method, headers, redirect: 'manual', ...(method === 'POST' ? { body: form } : {}) }),
        );
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});
