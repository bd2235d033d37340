/** server/features/devices/compliance.ts: the built-in compliance source and x.y.z version order. */
import { describe, expect, test } from 'vitest';
import type { DeviceRow } from '../../server/features/devices/devices-repository.js';
import {
  builtInComplianceSource,
  compareVersions,
  complianceOf,
  type ComplianceSource,
} from '../../server/features/devices/compliance.js';

const now = new Date('2026-06-01T08:00:00Z');
const device = (changes: Partial<DeviceRow> = {}): DeviceRow => ({
  id: 'd1',
  displayName: 'Till',
  groupId: 'g1',
  publicKeyJwk: {},
  keyThumbprint: 't',
  status: 'active',
  enrolledByUserId: null,
  createdAt: now,
  lastSeenAt: now,
  appVersion: '1.2.0',
  attestationIssuedAt: now,
  attestationExpiresAt: new Date(now.getTime() + 3600_000),
  externalCompliance: null,
  statusChangedAt: null,
  statusChangedByUserId: null,
  ...changes,
});
const check = (d: DeviceRow) => builtInComplianceSource('1.2.0').check(d, now);

test.each([
  ['1.2.0', '1.2.0', 0],
  ['1.2.1', '1.2.0', 1],
  ['1.10.0', '1.9.9', 1],
  ['0.9.9', '1.0.0', -1],
  ['v1.2.0', '1.2.0', 0],
  ['1.2.0-beta.1', '1.2.0', 0],
])('compareVersions(%s, %s) has the sign of %d', (a, b, sign) => {
  expect(Math.sign(compareVersions(a, b)!)).toBe(sign);
});

test.each(['1.2', 'latest', '', '1.2.x'])('%j is not a release number', (v) => {
  expect(compareVersions(v, '1.2.0')).toBeNull();
});

describe('built-in source', () => {
  test('active, fresh attestation, current app, no external report → compliant', () => {
    expect(check(device())).toEqual({ compliant: true, reasons: [] });
    expect(check(device({ appVersion: '1.3.0' })).compliant).toBe(true);
  });

  test('each failing fact gives its own readable reason', () => {
    expect(
      check(
        device({
          status: 'suspended',
          attestationExpiresAt: now,
          appVersion: '1.1.9',
          externalCompliance: {
            compliant: false,
            reasons: ['disk not encrypted'],
            source: 'MDM',
            reportedAt: '',
          },
        }),
      ).reasons,
    ).toEqual([
      'device is suspended',
      'attestation expired',
      'app version 1.1.9 is older than 1.2.0',
      'MDM reports non-compliant: disk not encrypted',
    ]);
    expect(check(device({ appVersion: null })).reasons).toEqual(['app version not reported']);
    expect(check(device({ attestationExpiresAt: null })).reasons).toEqual(['attestation expired']);
  });

  test('an external report of compliance changes nothing', () => {
    const ok = { compliant: true, reasons: [], source: 'MDM', reportedAt: now.toISOString() };
    expect(check(device({ externalCompliance: ok })).compliant).toBe(true);
  });
});

test('complianceOf joins every source: all must agree', async () => {
  const mdm: ComplianceSource = { name: 'mdm', check: async () => ({ compliant: false, reasons: [] }) };
  expect(await complianceOf(device(), now, [builtInComplianceSource('1.2.0'), mdm])).toEqual({
    state: 'noncompliant',
    reasons: ['mdm'],
  });
  expect(await complianceOf(device(), now, [builtInComplianceSource('1.2.0')])).toEqual({
    state: 'compliant',
    reasons: [],
  });
});
