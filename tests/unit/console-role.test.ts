import { describe, expect, test } from 'vitest';
import { consoleRoleOf } from '../../src/lib/admin/console-role.js';
import type { SessionView } from '../../server/contracts/schemas.js';

const session = (kind: 'kiosk' | 'console', role: 'worker' | 'manager' | 'admin', mustChangePin = false) =>
  ({ kind, mustChangePin, user: { id: 'u', displayName: 'U', role, groups: [] } }) as unknown as SessionView;

describe('who reaches the console pages', () => {
  test('console sessions act with their role; workers never get in', () => {
    expect(consoleRoleOf(session('console', 'admin'))).toBe('admin');
    expect(consoleRoleOf(session('console', 'manager'))).toBe('manager');
    expect(consoleRoleOf(session('console', 'worker'))).toBeNull();
    expect(consoleRoleOf(null)).toBeNull();
  });

  test('from a kiosk badge sign-in, managers and admins come in as managers, once the PIN is changed', () => {
    expect(consoleRoleOf(session('kiosk', 'manager'))).toBe('manager');
    expect(consoleRoleOf(session('kiosk', 'admin'))).toBe('manager');
    expect(consoleRoleOf(session('kiosk', 'worker'))).toBeNull();
    expect(consoleRoleOf(session('kiosk', 'manager', true))).toBeNull();
  });
});
