/** Which webhook events an audited change sends (server/domain/webhook-event-audits.ts). */
import { describe, expect, test } from 'vitest';
import {
  auditEventNeeds,
  auditEvents,
  auditEventTypes,
  type AuditedChange,
  type PersonFacts,
} from '../../server/domain/webhook-event-audits.js';

const admin = { type: 'user' as const, userId: 'admin1' };
const person: PersonFacts = {
  id: 'u1',
  userPrincipalName: 'ana@store.example',
  displayName: 'Ana',
  employeeId: 'E-7',
  role: 'worker',
  accountEnabled: true,
  stores: [{ id: 'g1', displayName: 'Main St' }],
};
const named = { id: 'u1', userPrincipalName: 'ana@store.example', displayName: 'Ana', employeeId: 'E-7' };
const device = { id: 'd1', displayName: 'Till 1', store: { id: 'g1', displayName: 'Main St' } };

const change = (
  activity: string,
  target: AuditedChange['target'],
  details?: Record<string, unknown>,
): AuditedChange => ({ actor: admin, activity, target, details });
const onUser = (activity: string, details?: Record<string, unknown>) =>
  change(activity, { type: 'user', id: 'u1' }, details);
const onDevice = (activity: string, details?: Record<string, unknown>) =>
  change(activity, { type: 'device', id: 'd1' }, details);

const typesOf = (c: AuditedChange) => auditEvents(c, { person, device }).map((event) => event.type);

describe('auditEvents', () => {
  test('a new person: person.created with role, stores and who created them', () => {
    const [event] = auditEvents(onUser('user.created'), { person });
    expect(event).toEqual({
      type: 'person.created',
      subject: { type: 'person', id: 'u1' },
      data: {
        person: named,
        role: 'worker',
        accountEnabled: true,
        stores: [{ id: 'g1', displayName: 'Main St' }],
        createdBy: { type: 'user', id: 'admin1' },
      },
    });
  });

  test('turning a person off sends person.disabled; other edits and turning on send nothing', () => {
    const off = onUser('user.updated', {
      before: { accountEnabled: true },
      after: { accountEnabled: false },
    });
    expect(auditEvents(off, { person })).toEqual([
      {
        type: 'person.disabled',
        subject: { type: 'person', id: 'u1' },
        data: { person: named, reason: 'accountDisabled', disabledBy: { type: 'user', id: 'admin1' } },
      },
    ]);
    const renamed = onUser('user.updated', {
      before: { accountEnabled: true, displayName: 'A' },
      after: { accountEnabled: true, displayName: 'B' },
    });
    expect(typesOf(renamed)).toEqual([]);
    const on = onUser('user.updated', { before: { accountEnabled: false }, after: { accountEnabled: true } });
    expect(typesOf(on)).toEqual([]);
    expect(auditEventNeeds(renamed)).toBeNull();
  });

  test('offboarding: person.disabled and one badge.revoked per badge that still worked', () => {
    const offboarded = onUser('user.offboarded', {
      source: 'scim',
      revokedBadges: [
        { kind: 'standard', expireDateTime: '2026-09-01T00:00:00.000Z' },
        { kind: 'temporary', expireDateTime: '2026-06-01T12:00:00.000Z' },
      ],
    });
    const events = auditEvents(offboarded, { person });
    expect(events.map((e) => e.type)).toEqual(['person.disabled', 'badge.revoked', 'badge.revoked']);
    expect(events[1]!.data).toEqual({
      person: named,
      badge: { kind: 'standard', expireDateTime: '2026-09-01T00:00:00.000Z' },
      reason: 'offboarded',
      revokedBy: { type: 'user', id: 'admin1' },
    });
  });

  test('badges issued: a new method, a new standard code, a new temporary code', () => {
    const expireDateTime = '2026-09-01T00:00:00.000Z';
    const method = onUser('qrPinMethod.issued', { standardQRCode: { id: 'c1', expireDateTime } });
    const [event] = auditEvents(method, { person });
    expect(event!.data).toEqual({
      person: named,
      badge: { kind: 'standard', expireDateTime },
      issuedBy: { type: 'user', id: 'admin1' },
    });
    expect(event!.data).not.toHaveProperty('badge.id');
    const temporary = onUser('qrCode.temporary.issued', { code: { id: 'c2', expireDateTime } });
    expect(auditEvents(temporary, { person })[0]!.data).toMatchObject({ badge: { kind: 'temporary' } });
  });

  test('badges revoked: one event per badge the entry lists; none when it lists none', () => {
    const revokedBadges = [{ kind: 'standard', expireDateTime: '2026-09-01T00:00:00.000Z' }];
    expect(typesOf(onUser('qrCode.standard.deleted', { revokedBadges }))).toEqual(['badge.revoked']);
    expect(auditEvents(onUser('qrPinMethod.deleted', { revokedBadges }), { person })[0]!.data).toMatchObject({
      reason: 'methodDeleted',
    });
    expect(typesOf(onUser('qrCode.standard.deleted', { revokedBadges: [] }))).toEqual([]);
    expect(auditEventNeeds(onUser('qrCode.standard.deleted', { revokedBadges: [] }))).toBeNull();
  });

  test('devices: enrolled, suspended or revoked in the console or at the kiosk', () => {
    expect(typesOf(onDevice('device.enrolled'))).toEqual(['device.enrolled']);
    const suspend = { before: { status: 'active' }, after: { status: 'suspended' } };
    expect(typesOf(onDevice('device.updated', suspend))).toEqual(['device.suspended']);
    expect(typesOf(onDevice('device.suspendedAtKiosk', suspend))).toEqual(['device.suspended']);
    const [atKiosk] = auditEvents(onDevice('device.suspendedAtKiosk', suspend), { device });
    expect(atKiosk!.data).toMatchObject({ via: 'kiosk', device });
    const revoke = { before: { status: 'suspended' }, after: { status: 'revoked' } };
    expect(typesOf(onDevice('device.revoked', revoke))).toEqual(['device.revoked']);
    expect(typesOf(onDevice('device.unenrolledAtKiosk', revoke))).toEqual(['device.revoked']);
    const resume = { before: { status: 'suspended' }, after: { status: 'active' } };
    expect(typesOf(onDevice('device.updated', resume))).toEqual([]);
    const rename = { before: { status: 'active' }, after: { status: 'active' } };
    expect(auditEventNeeds(onDevice('device.updated', rename))).toBeNull();
  });

  test('a compliance report turning a device non-compliant sends device.nonCompliant once', () => {
    const bad = { compliant: false, reasons: ['disk not encrypted'], source: 'mdm' };
    const good = { compliant: true, reasons: [], source: 'mdm' };
    const [event] = auditEvents(onDevice('device.complianceReported', { before: good, after: bad }), {
      device,
    });
    expect(event!.data).toEqual({ device, reasons: ['disk not encrypted'], detectedBy: 'complianceReport' });
    expect(typesOf(onDevice('device.complianceReported', { before: null, after: bad }))).toEqual([
      'device.nonCompliant',
    ]);
    expect(typesOf(onDevice('device.complianceReported', { before: bad, after: bad }))).toEqual([]);
    expect(typesOf(onDevice('device.complianceReported', { before: bad, after: good }))).toEqual([]);
  });

  test('policy changes: the settings and conditional access, named', () => {
    const policy = change('policy.sessions.updated', { type: 'policy', id: 'sessions' }, {});
    expect(auditEvents(policy, {})).toEqual([
      {
        type: 'policy.changed',
        subject: { type: 'policy', id: 'sessions' },
        data: {
          policy: {
            name: 'sessions',
            id: null,
            displayName: null,
            change: 'updated',
            changedBy: { type: 'user', id: 'admin1' },
          },
        },
      },
    ]);
    const access = change(
      'conditionalAccess.policy.deleted',
      { type: 'conditionalAccessPolicy', id: 'ca1' },
      { before: { displayName: 'Stores only' } },
    );
    expect(auditEvents(access, {})[0]!.data).toMatchObject({
      policy: { name: 'conditionalAccessPolicy', id: 'ca1', displayName: 'Stores only', change: 'deleted' },
    });
    expect(auditEventNeeds(access)).toBeNull();
  });

  test('a person or device deleted before the facts were read: no event', () => {
    expect(auditEvents(onUser('user.created'), {})).toEqual([]);
    expect(auditEvents(onDevice('device.enrolled'), {})).toEqual([]);
  });

  test('the names of the events an entry sends are known before anything is read', () => {
    const off = onUser('user.updated', {
      before: { accountEnabled: true },
      after: { accountEnabled: false },
    });
    expect(auditEventTypes(off)).toEqual(['person.disabled']);
    expect(auditEventTypes(onUser('user.created'))).toEqual(['person.created']);
    expect(auditEventTypes(onDevice('device.enrolled'))).toEqual(['device.enrolled']);
    expect(auditEventTypes(change('pin.reset', { type: 'user', id: 'u1' }))).toEqual([]);
  });

  test('entries that are no event send nothing', () => {
    for (const activity of ['pin.reset', 'apiToken.created', 'group.created', 'logs.retention.deleted']) {
      expect(auditEvents(change(activity, { type: 'user', id: 'u1' }), { person, device })).toEqual([]);
    }
  });
});
