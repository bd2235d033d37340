/** The audit log's words for a store's member changes (group.membersChanged), in English and Spanish. */
import { expect, test } from 'vitest';
import { logsText as spanish } from '../../src/lib/admin/i18n/es/logs-text';
import { auditSentence, otherDetailsOf, type AuditFacts } from '../../src/lib/admin/log-words';
import { logsText as english } from '../../src/lib/admin/logs-text';

const entry: AuditFacts = {
  activity: 'group.membersChanged',
  actorType: 'api_token',
  actorId: 't1',
  actorDisplayName: 'Entra provisioning',
  targetType: 'group',
  targetId: 'g1',
  targetDisplayName: 'Lisboa Baixa',
  details: {
    added: ['Ana Silva', 'Bo Reis'],
    removed: ['Cy Lopes'],
    addedIds: ['u1', 'u2'],
    removedIds: ['u3'],
  },
};

test('the sentence says whose store and how many joined and left', () => {
  expect(auditSentence(entry, english, 'en')).toBe(
    'People in store “Lisboa Baixa” changed by API token “Entra provisioning”: 2 people added, 1 person removed',
  );
  expect(auditSentence(entry, spanish, 'es')).toMatch(
    /^.+ cambió las personas de la tienda “Lisboa Baixa”: 2 personas añadidas, 1 quitada$/,
  );
});

test('the detail names the people, then their ids, in words a manager reads', () => {
  expect(otherDetailsOf(entry.details, english)).toEqual([
    { field: 'People added', value: 'Ana Silva, Bo Reis' },
    { field: 'People removed', value: 'Cy Lopes' },
    { field: 'IDs of the people added', value: 'u1, u2' },
    { field: 'IDs of the people removed', value: 'u3' },
  ]);
  expect(otherDetailsOf(entry.details, spanish).map((d) => d.field)).toEqual([
    'Personas añadidas',
    'Personas quitadas',
    'ID de las personas añadidas',
    'ID de las personas quitadas',
  ]);
});
