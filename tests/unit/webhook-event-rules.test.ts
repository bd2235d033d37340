/** The webhook events' pure rules: the lockout burst, badges expiring soon, and the payload builders. */
import { describe, expect, test } from 'vitest';
import {
  burstVerdictAt,
  DEFAULT_LOCKOUT_BURST_RULE,
  type LockoutBurstRule,
} from '../../server/domain/webhook-event-burst.js';
import { daysLeft, isExpiringSoon } from '../../server/domain/webhook-event-expiry.js';
import {
  webhookActor,
  webhookBadge,
  webhookDevice,
  webhookEvent,
  webhookPerson,
} from '../../server/domain/webhook-event-payloads.js';

const t0 = new Date('2026-06-01T08:00:00.000Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
const rule: LockoutBurstRule = { threshold: 5, windowMinutes: 10 };

describe('burstVerdictAt (N locks in M minutes in one store)', () => {
  test('the defaults are five locks in ten minutes', () => {
    expect(DEFAULT_LOCKOUT_BURST_RULE).toEqual({ threshold: 5, windowMinutes: 10 });
  });

  test('the Nth lock within the window raises the alert, naming the first and last lock', () => {
    const locks = [0, 2, 4, 6, 8].map(minutes);
    expect(burstVerdictAt(minutes(8), locks, null, rule)).toEqual({
      alert: true,
      lockCount: 5,
      firstLockAt: minutes(0),
      lastLockAt: minutes(8),
    });
  });

  test('N − 1 locks raise nothing', () => {
    expect(burstVerdictAt(minutes(6), [0, 2, 4, 6].map(minutes), null, rule)).toEqual({ alert: false });
  });

  test('a lock exactly M minutes before no longer counts (the window is half-open)', () => {
    const locks = [0, 2, 4, 6, 10].map(minutes);
    expect(burstVerdictAt(minutes(10), locks, null, rule)).toEqual({ alert: false });
  });

  test('a lock just inside the window still counts', () => {
    const locks = [0.001, 2, 4, 6, 10].map(minutes);
    expect(burstVerdictAt(minutes(10), locks, null, rule).alert).toBe(true);
  });

  test('N locks spread over more than M minutes raise nothing', () => {
    const locks = [0, 3, 6, 9, 12].map(minutes);
    expect(burstVerdictAt(minutes(12), locks, null, rule)).toEqual({ alert: false });
  });

  test('later locks are ignored (a lock is judged by what came before it)', () => {
    const locks = [0, 1, 2, 3, 4].map(minutes);
    expect(burstVerdictAt(minutes(2), locks, null, rule)).toEqual({ alert: false });
  });

  test('one alert per window: extra locks after an alert raise no second one', () => {
    const locks = [0, 1, 2, 3, 4, 5, 6].map(minutes);
    expect(burstVerdictAt(minutes(5), locks, minutes(4), rule)).toEqual({ alert: false });
    expect(burstVerdictAt(minutes(13.9), locks, minutes(4), rule)).toEqual({ alert: false });
  });

  test('an alert exactly M minutes ago no longer holds back a new burst', () => {
    const locks = [10, 11, 12, 13, 14].map(minutes);
    expect(burstVerdictAt(minutes(14), locks, minutes(4), rule).alert).toBe(true);
  });

  test('an attack that goes on gets a new alert once the window after the last one is full again', () => {
    // One lock a minute for 25 minutes: alerts at the 5th lock (minute 4) and then every 10 minutes.
    const locks = Array.from({ length: 26 }, (_, i) => minutes(i));
    const alerts: number[] = [];
    let last: Date | null = null;
    for (let i = 0; i <= 25; i += 1) {
      const verdict = burstVerdictAt(minutes(i), locks, last, rule);
      if (verdict.alert) {
        alerts.push(i);
        last = minutes(i);
      }
    }
    expect(alerts).toEqual([4, 14, 24]);
  });

  test('a threshold of 2 alerts on the second lock', () => {
    const small = { threshold: 2, windowMinutes: 1 };
    expect(burstVerdictAt(minutes(0.5), [0, 0.5].map(minutes), null, small).alert).toBe(true);
  });
});

describe('badges expiring soon', () => {
  const day = 24 * 60;
  test('a standard badge within seven days is due, one beyond is not', () => {
    expect(isExpiringSoon({ kind: 'standard', expireDateTime: minutes(7 * day) }, t0)).toBe(true);
    expect(isExpiringSoon({ kind: 'standard', expireDateTime: minutes(7 * day + 1) }, t0)).toBe(false);
    expect(isExpiringSoon({ kind: 'standard', expireDateTime: minutes(1) }, t0)).toBe(true);
  });

  test('an expired badge or a temporary one is never due', () => {
    expect(isExpiringSoon({ kind: 'standard', expireDateTime: t0 }, t0)).toBe(false);
    expect(isExpiringSoon({ kind: 'temporary', expireDateTime: minutes(60) }, t0)).toBe(false);
  });

  test('days left round up, at least one', () => {
    expect(daysLeft(minutes(30 * 60), t0)).toBe(2);
    expect(daysLeft(minutes(60), t0)).toBe(1);
    expect(daysLeft(minutes(7 * day), t0)).toBe(7);
  });
});

describe('payload builders', () => {
  test('a person carries only their ids and names, whatever row it is built from', () => {
    const row = {
      id: 'u1',
      userPrincipalName: 'ana@store.example',
      displayName: 'Ana',
      employeeId: null,
      passwordHash: 'secret',
      role: 'worker',
    };
    expect(webhookPerson(row)).toEqual({
      id: 'u1',
      userPrincipalName: 'ana@store.example',
      displayName: 'Ana',
      employeeId: null,
    });
  });

  test('a badge is its kind and expiry, as an ISO time', () => {
    expect(webhookBadge({ kind: 'standard', expireDateTime: t0 })).toEqual({
      kind: 'standard',
      expireDateTime: '2026-06-01T08:00:00.000Z',
    });
  });

  test('the subject follows from the data', () => {
    const person = webhookPerson({ id: 'u1', userPrincipalName: 'a@b.c', displayName: 'A' });
    const badge = webhookBadge({ kind: 'temporary', expireDateTime: t0 });
    const issuedBy = webhookActor('system');
    expect(webhookEvent('badge.issued', { person, badge, issuedBy }).subject).toEqual({
      type: 'person',
      id: 'u1',
    });
    const device = webhookDevice({ id: 'd1', displayName: 'Till 1' }, { id: 'g1', displayName: 'Main St' });
    const changedBy = webhookActor({ type: 'api_token', userId: 'u9', tokenId: 't1' });
    expect(changedBy).toEqual({ type: 'apiToken', id: 't1', userId: 'u9' });
    expect(webhookEvent('device.revoked', { device, via: 'console', changedBy }).subject).toEqual({
      type: 'device',
      id: 'd1',
    });
    const store = { id: 'g1', displayName: 'Main St' };
    const burst = webhookEvent('lockout.burst', {
      store,
      lockCount: 5,
      windowMinutes: 10,
      threshold: 5,
      firstLockDateTime: t0.toISOString(),
      lastLockDateTime: t0.toISOString(),
    });
    expect(burst.subject).toEqual({ type: 'store', id: 'g1' });
    const policy = webhookEvent('policy.changed', {
      policy: { name: 'sessions', id: null, displayName: null, change: 'updated', changedBy },
    });
    expect(policy.subject).toEqual({ type: 'policy', id: 'sessions' });
  });
});
