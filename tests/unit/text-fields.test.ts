/**
 * Every free-text field of the contract uses the one text rule (server/contracts/text.ts): a text-
 * direction override or a NUL in any of them is refused, naming that field, and a decomposed "é" is
 * stored composed. A new name field written with a bare z.string() fails here once added to the table.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createApiTokenBody } from '../../server/contracts/api-tokens.js';
import { createAppBody, patchAppBody } from '../../server/contracts/apps.js';
import {
  createNamedLocationBody,
  createPolicyBody,
  patchNamedLocationBody,
  patchPolicyBody,
} from '../../server/contracts/conditional-access.js';
import {
  externalComplianceBody,
  listDevicesQuery,
  updateDeviceBody,
} from '../../server/contracts/devices.js';
import {
  createGroupBody,
  listGroupsQuery,
  listUsersQuery,
  patchGroupBody,
  patchUserBody,
} from '../../server/contracts/directory.js';
import { kioskAppsBody } from '../../server/contracts/kiosk.js';
import { completeSetupBody, createUserBody } from '../../server/contracts/schemas.js';

type Case = [name: string, schema: z.ZodType, valid: Record<string, unknown>, path: (string | number)[]];

const APP = { displayName: 'Rota', clientType: 'public', redirectUris: ['https://rota.example/cb'] };
const CASES: Case[] = [
  [
    'user sign-in name',
    createUserBody,
    { userPrincipalName: 'ana', displayName: 'Ana' },
    ['userPrincipalName'],
  ],
  ['user display name', createUserBody, { userPrincipalName: 'ana', displayName: 'Ana' }, ['displayName']],
  [
    'user employee id',
    createUserBody,
    { userPrincipalName: 'a', displayName: 'A', employeeId: 'E1' },
    ['employeeId'],
  ],
  ['renamed sign-in name', patchUserBody, { userPrincipalName: 'ana' }, ['userPrincipalName']],
  ['renamed display name', patchUserBody, { displayName: 'Ana' }, ['displayName']],
  ['changed employee id', patchUserBody, { employeeId: 'E1' }, ['employeeId']],
  [
    'first admin',
    completeSetupBody,
    { token: 't', userPrincipalName: 'root', password: 'x'.repeat(12) },
    ['userPrincipalName'],
  ],
  ['store name', createGroupBody, { displayName: 'Porto' }, ['displayName']],
  ['renamed store', patchGroupBody, { displayName: 'Porto' }, ['displayName']],
  ['kiosk name', updateDeviceBody, { displayName: 'Front till' }, ['displayName']],
  [
    'compliance reason',
    externalComplianceBody,
    { compliant: false, reasons: ['OS'], source: 'mdm' },
    ['reasons', 0],
  ],
  ['compliance source', externalComplianceBody, { compliant: false, source: 'mdm' }, ['source']],
  [
    'kiosk app name',
    kioskAppsBody,
    { apps: [{ name: 'Rota', url: 'https://rota.example/' }] },
    ['apps', 0, 'name'],
  ],
  // The field alone: the token body's other fields are not about text.
  [
    'API token name',
    z.object({ displayName: createApiTokenBody.shape.displayName }),
    { displayName: 'MDM' },
    ['displayName'],
  ],
  ['store app name', createAppBody, APP, ['displayName']],
  ['renamed store app', patchAppBody, { displayName: 'Rota' }, ['displayName']],
  [
    'access rule name',
    createPolicyBody,
    { displayName: 'P', state: 'disabled', grant: 'block', conditions: {} },
    ['displayName'],
  ],
  ['renamed access rule', patchPolicyBody, { displayName: 'P' }, ['displayName']],
  [
    'network name',
    createNamedLocationBody,
    { displayName: 'Shop', cidrs: ['192.0.2.0/24'] },
    ['displayName'],
  ],
  ['renamed network', patchNamedLocationBody, { displayName: 'Shop' }, ['displayName']],
  ['people search', listUsersQuery, { search: 'ana' }, ['search']],
  ['store search', listGroupsQuery, { search: 'porto' }, ['search']],
  ['kiosk search', listDevicesQuery, { search: 'till' }, ['search']],
];

function withValue(body: Record<string, unknown>, path: (string | number)[], value: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const valueAt = (data: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], data);

describe.each(CASES)('%s', (_, schema, valid, path) => {
  test('refuses a text-direction override and a NUL, naming the field', () => {
    for (const bad of ['Ana\u202eavliS', 'ana\u0000x']) {
      const result = schema.safeParse(withValue(valid, path, bad));
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
      expect(result.error?.issues[0]?.message).toMatch(/must not contain/);
    }
  });

  test('stores a decomposed é composed (NFC)', () => {
    const result = schema.safeParse(withValue(valid, path, 'Jose\u0301'));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(valueAt(result.data, path)).toBe('Jos\u00e9');
  });
});
