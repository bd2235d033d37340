import { describe, expect, test } from 'vitest';
import { awaitsFirstBadge, badgeQueueOf, type QueueCandidate } from '../../server/domain/badge-queue.js';

const person = (overrides: Partial<QueueCandidate> = {}): QueueCandidate => ({
  id: 'u1',
  displayName: 'Ana',
  role: 'worker',
  accountEnabled: true,
  createdAt: new Date('2026-06-01T08:00:00Z'),
  hasMethod: false,
  ...overrides,
});

describe('who waits for a first badge', () => {
  test.each([
    ['an enabled worker with no badge and no PIN', person(), 'manager', true],
    ['someone with a PIN (their badge expired or was removed)', person({ hasMethod: true }), 'admin', false],
    ['a disabled person', person({ accountEnabled: false }), 'admin', false],
    ['a new manager, for an admin', person({ role: 'manager' }), 'admin', true],
    ['a new manager, for a manager (not theirs to badge)', person({ role: 'manager' }), 'manager', false],
    ['a new admin, for a manager', person({ role: 'admin' }), 'manager', false],
  ] as const)('%s: %s', (_, candidate, caller, expected) => {
    expect(awaitsFirstBadge(candidate, caller)).toBe(expected);
  });
});

test('the queue is newest first, then by name, and leaves out who needs no first badge', () => {
  const queue = badgeQueueOf(
    [
      person({ id: 'a', displayName: 'Old', createdAt: new Date('2026-01-01T00:00:00Z') }),
      person({ id: 'b', displayName: 'Zed', createdAt: new Date('2026-06-02T00:00:00Z') }),
      person({ id: 'c', displayName: 'Bea', createdAt: new Date('2026-06-02T00:00:00Z') }),
      person({ id: 'd', displayName: 'Has PIN', hasMethod: true }),
    ],
    'admin',
  );
  expect(queue.map((p) => p.displayName)).toEqual(['Bea', 'Zed', 'Old']);
});
