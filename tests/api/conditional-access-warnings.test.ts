/**
 * /api/admin/conditional-access as the policy form meets it: warnings that do not refuse a save (the
 * "own store's network" with no store network yet), every problem of a refused policy at once, and
 * the people a policy names given by name.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  FieldProblem,
  PolicyTemplateView,
  PolicyView,
} from '../../server/contracts/conditional-access.js';
import {
  addGroup,
  createUser,
  readError,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CA = '/api/admin/conditional-access';
const OWN_NETWORK = 'workers-enrolled-devices-own-store';

async function templates(): Promise<PolicyTemplateView[]> {
  return (await readJson<{ value: PolicyTemplateView[] }>(await h.request('GET', `${CA}/templates`))).value;
}
const listed = async (id: string) =>
  (await readJson<{ value: PolicyView[] }>(await h.request('GET', `${CA}/policies`))).value.find(
    (p) => p.id === id,
  );

describe('the own-store-network warning', () => {
  test('saving the template with no store network succeeds with a warning, shown in the list until a store has one', async () => {
    const template = (await templates()).find((t) => t.id === OWN_NETWORK)!;
    expect(template.warnings.map((w) => w.code)).toEqual(['NO_STORE_NETWORK']);

    const res = await h.request('POST', `${CA}/policies`, { body: template.policy });
    expect(res.status).toBe(201);
    const saved = await readJson<PolicyView>(res);
    expect(saved.warnings).toEqual([
      {
        code: 'NO_STORE_NETWORK',
        message: expect.stringContaining('every sign-in it covers will be refused'),
      },
    ]);
    expect((await listed(saved.id))?.warnings).toEqual(saved.warnings);

    // A network that is not a store's changes nothing; the first store network ends the warning.
    const store = await addGroup(h, 'Porto store');
    const guest = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: 'Guest Wi-Fi', cidrs: ['198.51.100.0/24'] },
    });
    expect(guest.status).toBe(201);
    expect((await listed(saved.id))?.warnings).toHaveLength(1);
    const storeNetwork = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: 'Porto Wi-Fi', cidrs: ['203.0.113.0/24'], groupId: store.id },
    });
    expect(storeNetwork.status).toBe(201);
    expect((await listed(saved.id))?.warnings).toEqual([]);
    expect((await templates()).find((t) => t.id === OWN_NETWORK)!.warnings).toEqual([]);

    const patched = await h.request('PATCH', `${CA}/policies/${saved.id}`, { body: { state: 'enabled' } });
    expect((await readJson<PolicyView>(patched)).warnings).toEqual([]);
    await h.request('DELETE', `${CA}/policies/${saved.id}`);
  });
});

describe('a refused policy', () => {
  test('lists every problem with its field, the first also as `field` as at every route', async () => {
    const res = await h.request('POST', `${CA}/policies`, {
      body: {
        displayName: '',
        state: 'enabled',
        grant: 'block',
        conditions: {
          timeWindows: [{ days: ['mon'], start: '25:00', end: '06:00', timeZone: 'Mars/Olympus' }],
        },
      },
    });
    expect(res.status).toBe(400);
    const { error } = await readError(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    const problems = error.problems as FieldProblem[];
    expect(problems.map((p) => p.field).sort()).toEqual([
      'conditions.timeWindows.0.start',
      'conditions.timeWindows.0.timeZone',
      'displayName',
    ]);
    expect(error.field).toBe(problems[0]!.field);
    expect(problems).toContainEqual({
      field: 'conditions.timeWindows.0.timeZone',
      message: 'Time zone of time window 1 must be an IANA time zone name such as Europe/Lisbon.',
    });
  });

  test('names every missing person, store and location, not only the first', async () => {
    const res = await h.request('POST', `${CA}/policies`, {
      body: {
        displayName: 'Dangling',
        state: 'disabled',
        grant: 'block',
        conditions: {
          users: { include: ['no-such-person'] },
          groups: { include: 'all', exclude: ['no-such-store'] },
          locations: { include: ['no-such-location'] },
        },
      },
    });
    const { error } = await readError(res);
    expect((error.problems as FieldProblem[]).map((p) => p.field)).toEqual([
      'conditions.users.include',
      'conditions.locations.include',
      'conditions.groups.exclude',
    ]);
  });
});

describe('people in a policy', () => {
  test('are given by name next to their ids, include and exclude', async () => {
    const ana = await createUser(h, { displayName: 'Ana Núñez' });
    const rui = await createUser(h, { displayName: 'Rui Costa' });
    const res = await h.request('POST', `${CA}/policies`, {
      body: {
        displayName: 'Everyone but Rui, Ana only',
        state: 'disabled',
        grant: 'block',
        conditions: { users: { include: [ana.id], exclude: [rui.id] } },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = await readJson<PolicyView>(res);
    expect(saved.people).toEqual([
      { id: ana.id, displayName: 'Ana Núñez' },
      { id: rui.id, displayName: 'Rui Costa' },
    ]);
    expect((await listed(saved.id))?.people).toEqual(saved.people);
  });
});
