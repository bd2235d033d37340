/** Warnings on a policy that saves but will not do what its admin expects (never a refusal). */
import { describe, expect, test } from 'vitest';
import { policyWarnings } from '../../server/domain/access-policy-warnings.js';
import { TEMPLATES, type PolicyConditions } from '../../server/domain/conditional-access.js';

const storeNetwork = { groupId: 'g-lisbon' };
const guestNetwork = { groupId: null };
const ownNetworkTemplate = TEMPLATES.find((t) => t.key === 'workers-enrolled-devices-own-store')!.policy;

describe('NO_STORE_NETWORK: "own store network" with no store network defined', () => {
  test('the own-network template warns while no named location belongs to a store, saying what happens', () => {
    for (const locations of [[], [guestNetwork]]) {
      const [warning, ...more] = policyWarnings(ownNetworkTemplate, locations);
      expect(more).toEqual([]);
      expect(warning?.code).toBe('NO_STORE_NETWORK');
      expect(warning?.message).toContain('every sign-in it covers will be refused');
      expect(warning?.message).toContain('Named locations page');
    }
  });

  test('it stops warning once one store has a named location', () => {
    expect(policyWarnings(ownNetworkTemplate, [guestNetwork, storeNetwork])).toEqual([]);
  });

  test('a block or second-factor policy on the own network is told it never applies', () => {
    const conditions: PolicyConditions = { locations: { include: 'ownStores' } };
    for (const grant of ['block', 'requireSecondFactor'] as const) {
      expect(policyWarnings({ grant, conditions }, [])[0]?.message).toContain('so it never applies');
    }
  });

  test('an exception for the own network is told the exception never applies', () => {
    const secondFactor = TEMPLATES.find((t) => t.key === 'second-factor-password-outside-stores')!.policy;
    expect(policyWarnings(secondFactor, [])).toEqual([
      { code: 'NO_STORE_NETWORK', message: expect.stringContaining('the exception never applies') },
    ]);
  });

  test('policies without the own network, or without a network condition, get no warning', () => {
    const chosen: PolicyConditions = { locations: { include: ['loc-1'], exclude: ['loc-2'] } };
    expect(policyWarnings({ grant: 'allow', conditions: chosen }, [])).toEqual([]);
    expect(policyWarnings({ grant: 'allow', conditions: { roles: { include: ['worker'] } } }, [])).toEqual(
      [],
    );
    expect(policyWarnings({ grant: 'block', conditions: { locations: { include: 'any' } } }, [])).toEqual([]);
  });
});
