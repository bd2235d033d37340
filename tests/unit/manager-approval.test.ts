/** Who may approve for whom (server/domain/manager-approval.ts) and the forgot-PIN rules (pin-reset.ts). */
import { describe, expect, test } from 'vitest';
import { approvalRefusal } from '../../server/domain/manager-approval.js';
import { mayAskForPinReset, pinResetStageAt, rateLimitRetryAfter } from '../../server/domain/pin-reset.js';

const worker = { id: 'w1', groupIds: ['store-a', 'store-b'] };

describe('who may approve for a worker', () => {
  test('a manager of one of the worker’s stores may', () => {
    expect(approvalRefusal({ id: 'm1', role: 'manager', groupIds: ['store-b'] }, worker)).toBeNull();
  });
  test('a manager of another store may not', () => {
    expect(approvalRefusal({ id: 'm2', role: 'manager', groupIds: ['store-c'] }, worker)).toBe(
      'not_of_store',
    );
  });
  test('a manager in no store may not', () => {
    expect(approvalRefusal({ id: 'm3', role: 'manager', groupIds: [] }, worker)).toBe('not_of_store');
  });
  test('another worker of the same store may not', () => {
    expect(approvalRefusal({ id: 'w2', role: 'worker', groupIds: ['store-a'] }, worker)).toBe(
      'not_a_manager',
    );
  });
  test('nobody approves for themselves, whatever their role', () => {
    expect(approvalRefusal({ id: 'w1', role: 'worker', groupIds: ['store-a'] }, worker)).toBe('same_person');
    expect(approvalRefusal({ id: 'w1', role: 'admin', groupIds: [] }, worker)).toBe('same_person');
  });
  test('an admin may, for any store', () => {
    expect(approvalRefusal({ id: 'a1', role: 'admin', groupIds: [] }, worker)).toBeNull();
  });
});

describe('forgotten PIN rules', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 6, minutes));

  test('only a worker may ask; managers and admins go to an admin', () => {
    expect(mayAskForPinReset('worker')).toBe(true);
    expect(mayAskForPinReset('manager')).toBe(false);
    expect(mayAskForPinReset('admin')).toBe(false);
  });

  test('a request waits 10 minutes for an approval, no longer', () => {
    const request = { status: 'pending' as const, createdAt: at(0), approvedAt: null };
    expect(pinResetStageAt(request, at(9))).toBe('awaiting_approval');
    expect(pinResetStageAt(request, at(10))).toBe('approval_expired');
  });

  test('an approval waits 10 minutes for the new PIN', () => {
    const request = { status: 'approved' as const, createdAt: at(0), approvedAt: at(8) };
    expect(pinResetStageAt(request, at(17))).toBe('awaiting_new_pin');
    expect(pinResetStageAt(request, at(18))).toBe('new_pin_expired');
  });

  test('declined, cancelled and completed requests take nothing more', () => {
    const times = { createdAt: at(0), approvedAt: null };
    expect(pinResetStageAt({ ...times, status: 'declined' }, at(1))).toBe('declined');
    expect(pinResetStageAt({ ...times, status: 'cancelled' }, at(1))).toBe('closed');
    expect(pinResetStageAt({ ...times, status: 'completed' }, at(1))).toBe('closed');
  });

  test('an hourly limit says when the oldest counted one leaves the hour', () => {
    const hour = 60 * 60 * 1000;
    expect(rateLimitRetryAfter([at(0), at(10)], 3, hour, at(20))).toBeNull();
    expect(rateLimitRetryAfter([at(0), at(10), at(15)], 3, hour, at(20))).toBe(40 * 60);
    // Older than the hour: not counted.
    expect(rateLimitRetryAfter([at(0), at(10), at(15)], 3, hour, at(61))).toBeNull();
  });
});
