/**
 * The typed API client knows what each route takes: bodies and queries are typed from the routes'
 * zod schemas (server/http/validated.ts), paths and parameters from the route chain. The
 * `@ts-expect-error` lines are the proof: `npm run check` (tsc) fails if any of them compiles, i.e. if
 * a wrong body, a missing field or a wrong path were accepted again. The runtime tests check the
 * typed calls send what the server reads.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from '$lib/api/typed-client';

interface Sent {
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
}

function capturingClient() {
  const sent: Sent[] = [];
  const client = apiClient(async (input, init) => {
    const request = new Request(new URL(String(input), 'http://shiftpass.test'), init);
    sent.push({
      method: request.method,
      url: request.url,
      contentType: request.headers.get('content-type'),
      body: request.method === 'GET' ? null : await request.text(),
    });
    return new Response(null, { status: 204 });
  });
  return { client, sent };
}

/** Never called: its lines only have to type-check (or, marked, fail to). */
function typeChecks(client: ReturnType<typeof apiClient>) {
  const person = { userPrincipalName: 'ana@example.com', displayName: 'Ana' };
  void client.admin.users.$post({ json: person });
  // @ts-expect-error a display name is text, not a number
  void client.admin.users.$post({ json: { userPrincipalName: 'ana@example.com', displayName: 1 } });
  // @ts-expect-error the sign-in name is required
  void client.admin.users.$post({ json: { displayName: 'Ana' } });
  // @ts-expect-error a field the route does not take (the schema is strict)
  void client.admin.users.$post({ json: { ...person, nickname: 'Ani' } });
  // @ts-expect-error the body is required
  void client.admin.users.$post({});
  // @ts-expect-error there is no such path
  void client.admin.people.$post({ json: person });
  // @ts-expect-error the route takes no PUT
  void client.admin.users.$put({ json: person });

  void client.admin.users[':id'].$patch({ param: { id: 'u1' }, json: { accountEnabled: false } });
  // @ts-expect-error accountEnabled is a boolean
  void client.admin.users[':id'].$patch({ param: { id: 'u1' }, json: { accountEnabled: 'no' } });
  // @ts-expect-error the person's id is required
  void client.admin.users[':id'].$patch({ json: { accountEnabled: false } });

  void client.admin.users.$get({ query: { search: 'ana', limit: 50 } });
  void client.admin.users.$get();
  // @ts-expect-error a filter the list does not have
  void client.admin.users.$get({ query: { role: 'admin' } });
  void client.admin.devices.$get({ query: { status: 'active' } });
  // @ts-expect-error not a device status
  void client.admin.devices.$get({ query: { status: 'asleep' } });

  // The kiosk's nonce takes no body at all, or one naming the device.
  void client.devices.nonce.$post();
  // @ts-expect-error the device's proof is an object
  void client.devices.nonce.$post({ json: { device: 'kiosk-1' } });

  void client.auth['qr-pin']['change-pin'].$post({ json: { currentPin: '1234', newPin: '987654' } });
  // @ts-expect-error the new PIN is required
  void client.auth['qr-pin']['change-pin'].$post({ json: { currentPin: '1234' } });
}
void typeChecks;

describe('the typed client', () => {
  it('sends a body as the JSON the route reads', async () => {
    const { client, sent } = capturingClient();
    await client.admin.users.$post({ json: { userPrincipalName: 'ana@example.com', displayName: 'Ana' } });
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'http://shiftpass.test/api/admin/users',
        contentType: 'application/json',
        body: JSON.stringify({ userPrincipalName: 'ana@example.com', displayName: 'Ana' }),
      },
    ]);
  });

  it('spells a query in the URL, numbers as digits', async () => {
    const { client, sent } = capturingClient();
    await client.admin.users.$get({ query: { search: 'ana', limit: 50 } });
    expect(sent.map((request) => request.url)).toEqual([
      'http://shiftpass.test/api/admin/users?search=ana&limit=50',
    ]);
  });
});
