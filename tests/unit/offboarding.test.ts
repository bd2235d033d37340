/**
 * How the console shows offboarding: the person page asks before offboarding and says old badges never
 * come back, turning an offboarded person on again goes through reactivate, the people list and the
 * person page tell an offboarded person from a suspended one, and the audit log words both events, in
 * English and Spanish.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResult } from '../../src/lib/api/client';
import { logsText as logsEs } from '../../src/lib/admin/i18n/es/logs-text';
import { peopleText as peopleEs } from '../../src/lib/admin/i18n/es/people-text';
import { auditSentence, otherDetailsOf, type AuditFacts } from '../../src/lib/admin/log-words';
import { logsText } from '../../src/lib/admin/logs-text';
import { accountStatus } from '../../src/lib/admin/people-list';
import { peopleText } from '../../src/lib/admin/people-text';
import { PersonPage, type PersonApi } from '../../src/lib/admin/person-page.svelte';

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, status: 200, data });
const ana = { id: 'u1', displayName: 'Ana Silva', accountEnabled: true, offboarded: null };
const offboardedAna = {
  ...ana,
  accountEnabled: false,
  offboarded: { dateTime: '2026-12-03T10:00:00.000Z', source: 'scim' as const },
};

function setup(words = peopleText) {
  const calls: string[] = [];
  const answer = (name: string) => async () => {
    calls.push(name);
    return ok(undefined);
  };
  const api = {
    deleteCode: answer('deleteCode'),
    deleteMethod: answer('deleteMethod'),
    resetPin: async () => ok({ code: '' }),
    unlock: answer('unlock'),
    endSessions: answer('endSessions'),
    setEnabled: async (_id: string, enabled: boolean) => {
      calls.push(`setEnabled ${enabled}`);
      return ok({
        ...ana,
        userPrincipalName: 'ana',
        employeeId: null,
        role: 'worker' as const,
        groupIds: [],
        createdDateTime: '',
      });
    },
    offboard: answer('offboard'),
    reactivate: answer('reactivate'),
    deletePerson: answer('deletePerson'),
  } satisfies PersonApi;
  const events: string[] = [];
  const page = new PersonPage({
    api,
    words: () => words,
    describe: (error) => error.code,
    refresh: async () => void events.push('refresh'),
    leave: async () => void events.push('leave'),
    notify: (message) => void events.push(`notify: ${message}`),
  });
  return { page, calls, events };
}

describe('offboarding on the person page', () => {
  test('asks first, in red, saying what it does and that old badges never work again; nothing is sent before', async () => {
    const { page, calls, events } = setup();
    page.askOffboard(ana);
    expect(page.confirm).toMatchObject({
      title: 'Offboard Ana Silva?',
      confirmLabel: 'Offboard',
      danger: true,
    });
    expect(page.confirm?.text).toContain('revokes all their badges and signs them out everywhere');
    expect(page.confirm?.text).toContain('never work again');
    expect(calls).toEqual([]);
    await page.runConfirm();
    expect(calls).toEqual(['offboard']);
    expect(events).toEqual(['notify: Ana Silva is offboarded.', 'refresh']);
  });

  test('in Spanish too', () => {
    const { page } = setup(peopleEs);
    page.askOffboard(ana);
    expect(page.confirm).toMatchObject({ title: '¿Dar de baja a Ana Silva?', confirmLabel: 'Dar de baja' });
  });

  test('allowing an offboarded person to sign in again reactivates them and says to issue a new badge', async () => {
    const { page, calls, events } = setup();
    await page.allowSignIn(offboardedAna);
    expect(calls).toEqual(['reactivate']);
    expect(events).toEqual(['notify: Ana Silva can sign in again. Issue them a new badge.', 'refresh']);
  });

  test('a suspended person is still simply allowed to sign in again (their badges were kept)', async () => {
    const { page, calls } = setup();
    await page.allowSignIn({ ...ana, accountEnabled: false });
    expect(calls).toEqual(['setEnabled true']);
  });

  test('the page says who offboarded the person and when, with their badges revoked', () => {
    expect(peopleText.person.offboardedBy.scim('2026-12-03T10:00:00.000Z')).toBe(
      'Offboarded by your HR system on Dec 3, 2026 — badges revoked.',
    );
    expect(peopleEs.person.offboardedBy.scim('2026-12-03T10:00:00.000Z')).toBe(
      'Dada de baja por tu sistema de RR. HH. el 3 dic 2026: credenciales revocadas.',
    );
    expect(peopleText.person.offboardedBy.console('2026-12-03T10:00:00.000Z')).toContain('in the console');
  });
});

describe('the people list', () => {
  test('tells an offboarded person from a suspended one', () => {
    expect(accountStatus(offboardedAna, peopleText).label).toBe('Offboarded');
    expect(accountStatus({ ...ana, accountEnabled: false }, peopleText).label).toBe('Suspended');
    expect(accountStatus(offboardedAna, peopleEs).label).toBe('Dada de baja');
  });
});

describe('the audit log', () => {
  const entry = (activity: string, details: Record<string, unknown>): AuditFacts => ({
    activity,
    actorType: 'api_token',
    actorId: 't1',
    actorDisplayName: 'Entra provisioning',
    targetType: 'user',
    targetId: 'u1',
    targetDisplayName: 'Ana Silva',
    details,
  });

  test('words an offboarding by the HR system and by an admin', () => {
    const fromHr = entry('user.offboarded', {
      source: 'scim',
      badgesRevoked: 1,
      sessionsEnded: 2,
      appsTold: 1,
    });
    expect(auditSentence(fromHr, logsText)).toBe(
      'Ana Silva offboarded by the HR system (API token “Entra provisioning”): badges revoked, signed out everywhere',
    );
    expect(auditSentence(fromHr, logsEs, 'es')).toBe(
      'El sistema de RR. HH. (el token de API “Entra provisioning”) dio de baja a Ana Silva: credenciales revocadas y todas sus sesiones cerradas',
    );
    const byAdmin = {
      ...entry('user.offboarded', { source: 'console' }),
      actorType: 'user',
      actorDisplayName: 'Maria Lopes',
    };
    expect(auditSentence(byAdmin, logsText)).toBe(
      'Ana Silva offboarded by Maria Lopes: badges revoked, signed out everywhere',
    );
    expect(otherDetailsOf(fromHr.details, logsText)).toEqual([
      { field: 'Requested through', value: 'The HR system (SCIM)' },
      { field: 'Badges revoked', value: '1' },
      { field: 'Sessions ended', value: '2' },
      { field: 'Store apps told', value: '1' },
    ]);
    expect(otherDetailsOf(fromHr.details, logsEs)[0]).toEqual({
      field: 'Solicitado desde',
      value: 'El sistema de RR. HH. (SCIM)',
    });
  });

  test('words a reactivation, saying old badges stay revoked', () => {
    const back = entry('user.reactivated', { source: 'scim', wasOffboarded: true });
    expect(auditSentence(back, logsText)).toContain('allowed to sign in again by the HR system');
    expect(auditSentence(back, logsText)).toContain('old badges stay revoked');
    expect(auditSentence(back, logsEs, 'es')).toContain('sus credenciales antiguas siguen revocadas');
  });
});
