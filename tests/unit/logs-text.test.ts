/**
 * The audit log in words: every event key the server can write has a sentence. The keys are found in
 * the server's code (every `recordAudit(…)` call, its activity argument followed to literals), so a new
 * event without a sentence fails here rather than showing its key to a store manager.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { logsText as spanish } from '../../src/lib/admin/i18n/es/logs-text';
import {
  auditSentence as sentenceIn,
  changesOf as changesIn,
  otherDetailsOf as otherDetailsIn,
  failureReason,
  logTime,
  signInHow as signInHowIn,
  targetLabel as targetLabelIn,
  type AuditFacts,
} from '../../src/lib/admin/log-words';
import { logsText as english } from '../../src/lib/admin/logs-text';

const AUDIT_SENTENCES = english.sentences;
const auditSentence = (e: AuditFacts) => sentenceIn(e, english);
const changesOf = (details: unknown) => changesIn(details, english);
const otherDetailsOf = (details: unknown) => otherDetailsIn(details, english);
const signInHow = (e: { authMethod: string; details: unknown }, ok: boolean) => signInHowIn(e, ok, english);
const targetLabel = (e: AuditFacts) => targetLabelIn(e, english);

const SERVER = join(import.meta.dirname, '../../server');
/** Values a template's placeholder takes (`qrCode.${kind}.issued`), by placeholder name. */
const PLACEHOLDERS: Record<string, string[]> = { kind: ['standard', 'temporary'] };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Nodes of the file that pass the test, depth first. */
function nodesOf<T extends ts.Node>(file: ts.SourceFile, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `policy.activity`: the values given to properties of that name in the file (`{ activity: '…' }`). */
function propertyValues(name: string, file: ts.SourceFile): ts.Expression[] {
  return nodesOf(file, ts.isPropertyAssignment)
    .filter((p) => p.name.getText(file) === name)
    .map((p) => p.initializer);
}

/** `activity`, a parameter of the enclosing function: the arguments of that function's calls in the file. */
function parameterArguments(name: ts.Identifier, file: ts.SourceFile): ts.Expression[] {
  let fn: ts.Node | undefined = name.parent;
  while (fn && !ts.isFunctionDeclaration(fn)) fn = fn.parent;
  if (!fn || !ts.isFunctionDeclaration(fn) || !fn.name) {
    throw new Error(`${file.fileName}: audit key ${name.text} is not a function's parameter`);
  }
  const index = fn.parameters.findIndex((p) => p.name.getText(file) === name.text);
  const callee = fn.name.text;
  return nodesOf(file, ts.isCallExpression)
    .filter((call) => call.expression.getText(file) === callee)
    .flatMap((call) => (call.arguments[index] ? [call.arguments[index]] : []));
}

function keysOf(arg: ts.Expression, file: ts.SourceFile): string[] {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return [arg.text];
  if (ts.isParenthesizedExpression(arg)) return keysOf(arg.expression, file);
  if (ts.isConditionalExpression(arg)) return [...keysOf(arg.whenTrue, file), ...keysOf(arg.whenFalse, file)];
  if (ts.isTemplateExpression(arg)) {
    let texts = [arg.head.text];
    for (const span of arg.templateSpans) {
      const name = span.expression.getText(file);
      const values = PLACEHOLDERS[name];
      if (!values) throw new Error(`${file.fileName}: audit key template with unknown \${${name}}`);
      texts = texts.flatMap((text) => values.map((value) => text + value + span.literal.text));
    }
    return texts;
  }
  if (ts.isPropertyAccessExpression(arg)) {
    return propertyValues(arg.name.text, file).flatMap((value) => keysOf(value, file));
  }
  if (ts.isIdentifier(arg)) return parameterArguments(arg, file).flatMap((value) => keysOf(value, file));
  throw new Error(`${file.fileName}: an audit key this test cannot follow: ${arg.getText(file)}`);
}

function auditKeysInServer(): Set<string> {
  const keys = new Set<string>();
  for (const path of filesUnder(SERVER)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('recordAudit(') && !text.includes('auditEntryOf(')) continue;
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      // recordAudit writes an entry; auditEntryOf makes one a repository writes with its change.
      const callee = ts.isCallExpression(node) ? node.expression.getText(file) : '';
      if (ts.isCallExpression(node) && (callee === 'recordAudit' || callee === 'auditEntryOf')) {
        const activity = node.arguments[2];
        if (activity) for (const key of keysOf(activity, file)) keys.add(key);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return keys;
}

const entry = (overrides: Partial<AuditFacts>): AuditFacts => ({
  activity: 'user.created',
  actorType: 'user',
  actorId: 'u-1',
  actorDisplayName: 'Maria Lopes',
  targetType: 'user',
  targetId: 'u-2',
  targetDisplayName: 'Ana Silva',
  details: null,
  ...overrides,
});

describe('audit sentences', () => {
  test('every event key the server writes has a sentence', () => {
    const keys = auditKeysInServer();
    // The scan itself works: it finds keys written literally, by a template and through a variable.
    expect(keys).toContain('device.suspendedAtKiosk');
    expect(keys).toContain('qrCode.temporary.issued');
    expect(keys).toContain('policy.logRetention.updated');
    expect(keys).toContain('device.revoked');
    const missing = [...keys].filter((key) => !(key in AUDIT_SENTENCES));
    expect(missing).toEqual([]);
    // …and no sentence for an event the server no longer writes.
    expect(Object.keys(AUDIT_SENTENCES).filter((key) => !keys.has(key))).toEqual([]);
    // …and the same sentences in Spanish.
    expect(Object.keys(spanish.sentences).sort()).toEqual(Object.keys(AUDIT_SENTENCES).sort());
  });

  test('no sentence shows a key, an id or "undefined", in either language', () => {
    for (const activity of Object.keys(AUDIT_SENTENCES)) {
      for (const words of [english, spanish]) {
        const sentence = sentenceIn(
          entry({ activity, targetType: activity.split('.')[0] ?? null }),
          words,
          'es',
        );
        expect(sentence).not.toContain(activity);
        expect(sentence).not.toMatch(/u-1|u-2|undefined|null|\[object/);
        expect(sentence.charAt(0)).toBe(sentence.charAt(0).toLocaleUpperCase());
      }
    }
  });

  test('in Spanish, who did it comes first and names keep their quotes', () => {
    const suspended = entry({
      activity: 'device.suspendedAtKiosk',
      targetType: 'device',
      targetDisplayName: 'Front till',
    });
    expect(sentenceIn(suspended, spanish, 'es')).toBe(
      'Maria Lopes suspendió el quiosco “Front till” desde el propio quiosco',
    );
    const byToken = entry({
      activity: 'group.created',
      actorType: 'api_token',
      actorDisplayName: 'MDM',
      targetType: 'group',
      targetDisplayName: 'Harbour',
    });
    expect(sentenceIn(byToken, spanish, 'es')).toBe('El token de API “MDM” añadió la tienda “Harbour”');
    const retention = entry({
      activity: 'logs.retention.deleted',
      actorType: 'system',
      details: { signInLogs: 1200, auditLogs: 1 },
    });
    expect(sentenceIn(retention, spanish, 'es')).toBe(
      'Entradas antiguas eliminadas automáticamente (1200 inicios de sesión, 1 entrada de auditoría)',
    );
  });

  test('a kiosk suspended at the kiosk reads with its name and the manager’s', () => {
    const words = auditSentence(
      entry({ activity: 'device.suspendedAtKiosk', targetType: 'device', targetDisplayName: 'Front till' }),
    );
    expect(words).toBe('Kiosk “Front till” suspended at the kiosk by Maria Lopes');
  });

  test('a deleted target is named from the entry’s own snapshot, a deleted actor as such', () => {
    const words = auditSentence(
      entry({
        activity: 'user.deleted',
        actorDisplayName: null,
        targetDisplayName: null,
        details: { before: { displayName: 'Leaving Soon' } },
      }),
    );
    expect(words).toBe('Leaving Soon deleted by a deleted person');
  });

  test('an API token and the system are named as what they are', () => {
    expect(
      auditSentence(
        entry({
          activity: 'group.created',
          actorType: 'api_token',
          actorDisplayName: 'MDM',
          targetType: 'group',
          targetDisplayName: 'Harbour',
        }),
      ),
    ).toBe('Store “Harbour” added by API token “MDM”');
    expect(
      auditSentence(
        entry({
          activity: 'logs.retention.deleted',
          actorType: 'system',
          actorDisplayName: null,
          details: { signInLogs: 3, auditLogs: 1 },
        }),
      ),
    ).toBe('Old log entries deleted automatically (3 sign-ins, 1 audit entry)');
  });

  test('a device change says what changed', () => {
    const change = (before: object, after: object) =>
      auditSentence(
        entry({
          activity: 'device.updated',
          targetType: 'device',
          targetDisplayName: 'Till',
          details: { before, after },
        }),
      );
    expect(change({ status: 'active' }, { status: 'suspended' })).toBe(
      'Kiosk “Till” suspended by Maria Lopes',
    );
    expect(change({ status: 'suspended' }, { status: 'active' })).toBe('Kiosk “Till” resumed by Maria Lopes');
    expect(
      change({ displayName: 'Till', status: 'active' }, { displayName: 'Front till', status: 'active' }),
    ).toBe('Kiosk “Till” renamed to “Front till” by Maria Lopes');
  });

  test('an unknown event still reads with who did it', () => {
    expect(auditSentence(entry({ activity: 'future.thing' }))).toBe('future.thing by Maria Lopes');
  });
});

describe('sign-in rows', () => {
  test('a kiosk exit check and a refusal by the device read in words', () => {
    expect(signInHow({ authMethod: 'qr_pin', details: { via: 'qr', purpose: 'exitKiosk' } }, true)).toBe(
      'Badge + PIN to exit kiosk mode',
    );
    expect(signInHow({ authMethod: 'qr_pin', details: { via: 'shortCode' } }, true)).toBe('Typed code + PIN');
    expect(failureReason('FORBIDDEN', english)).toBe("Not a manager of this kiosk's store");
    expect(failureReason('DEVICE_SUSPENDED', english)).toBe('Kiosk suspended');
    expect(failureReason('PIN_INCORRECT', spanish)).toBe('PIN incorrecto');
    expect(signInHowIn({ authMethod: 'qr_pin', details: { purpose: 'exitKiosk' } }, true, spanish)).toBe(
      'Credencial + PIN para salir del modo quiosco',
    );
    expect(failureReason('SOMETHING_NEW', spanish)).toBe('SOMETHING_NEW');
  });
});

describe('log times', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  test('on one line, in the given time zone, without the year this year', () => {
    expect(logTime('2026-12-06T06:02:09Z', { now, timeZone: 'UTC' })).toBe('6 Dec, 06:02');
    expect(logTime('2026-12-06T06:02:09Z', { now, timeZone: 'America/New_York' })).toBe('6 Dec, 01:02');
  });
  test('with the year when it is another year', () => {
    expect(logTime('2025-03-01T23:15:00Z', { now, timeZone: 'UTC' })).toBe('1 Mar 2025, 23:15');
  });
  test('in Spanish when the console is in Spanish', () => {
    expect(logTime('2026-12-06T06:02:09Z', { now, timeZone: 'UTC', locale: 'es' })).toBe('6 dic, 06:02');
  });
  test('nothing for a time that is not one', () => {
    expect(logTime('soon')).toBe('');
  });
});

describe('audit details', () => {
  test('a change lists only what changed, in words', () => {
    expect(
      changesOf({
        before: { displayName: 'Till', status: 'active', groupIds: ['a'] },
        after: { displayName: 'Front till', status: 'active', groupIds: ['a'] },
      }),
    ).toEqual([{ field: 'Name', before: 'Till', after: 'Front till' }]);
    expect(changesIn({ before: { status: 'active' }, after: { status: 'suspended' } }, spanish)).toEqual([
      { field: 'Estado', before: 'active', after: 'suspended' },
    ]);
  });
  test('a creation lists every field once, with yes/no and empty values in words', () => {
    expect(changesOf({ after: { accountEnabled: true, employeeId: null } })).toEqual([
      { field: 'Account enabled', before: '', after: 'Yes' },
      { field: 'Employee ID', before: '', after: '(empty)' },
    ]);
  });
  test('other details are labelled', () => {
    expect(otherDetailsIn({ replaceExisting: true }, spanish)).toEqual([
      { field: 'Replace existing', value: 'Sí' },
    ]);
    expect(otherDetailsOf({ before: {}, rows: 3, replaceExisting: false })).toEqual([
      { field: 'Rows', value: '3' },
      { field: 'Replace existing', value: 'No' },
    ]);
  });
});

describe('"Done to"', () => {
  test('a policy by its name, a deleted store by the name it had, else what it was', () => {
    const target = (overrides: Partial<AuditFacts>) =>
      targetLabel(entry({ targetDisplayName: null, ...overrides }));
    expect(target({ targetType: 'policy', targetId: 'qr-code-pin' })).toBe('QR code + PIN policy');
    expect(target({ targetType: 'group', details: { before: { displayName: 'Old Town' } } })).toBe(
      'Old Town',
    );
    expect(target({ targetType: 'device' })).toBe('A removed kiosk');
  });
});
