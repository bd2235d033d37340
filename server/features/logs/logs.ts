/**
 * Reading the sign-in log (admins: all; managers: their workers) and the audit log (admins), as
 * pages and as every row up to EXPORT_ROW_CAP for CSV exports.
 */
import { z } from 'zod';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import {
  EXPORT_ROW_CAP,
  type AuditLogFilters,
  type AuditLogView,
  type auditLogQuery,
  type SignInLogFilters,
  type SignInLogView,
  type signInLogQuery,
} from '../../contracts/logs.js';
import type { Page } from '../../contracts/pagination.js';
import type {
  AuditLogRow,
  LogScope,
  NamedKind,
  NameRequest,
  SignInLogRow,
} from './log-queries-repository.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { keysetPages } from '../../domain/export-pages.js';
import { listScopeOf } from '../../core/actor-scope.js';

const logCursor = z.strictObject({ t: z.number().int().min(0).max(8.64e15), i: z.string().max(64) });

const positionOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, logCursor);
  return key && { time: new Date(key.t), id: key.i };
};

type UserNames = Map<string, { displayName: string; userPrincipalName: string }>;
/** Names keyed `kind:id` (log-queries-repository.ts, namesByIds). */
type RecordNames = Map<string, string>;

interface SignInNames {
  users: UserNames;
  devices: RecordNames;
}

export const toSignInLogView = (
  row: SignInLogRow,
  names: SignInNames = { users: new Map(), devices: new Map() },
): SignInLogView => {
  const user = row.userId ? names.users.get(row.userId) : undefined;
  return {
    id: row.id,
    createdDateTime: row.createdDateTime.toISOString(),
    result: row.result,
    failureCode: row.failureCode,
    authMethod: row.authMethod,
    userId: row.userId,
    userDisplayName: user?.displayName ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    codeId: row.codeId,
    deviceId: row.deviceId,
    deviceDisplayName: row.deviceId ? (names.devices.get(`device:${row.deviceId}`) ?? null) : null,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    details: row.details ?? null,
  };
};

/** The kind of record an audit entry's target type names, when it has a name. */
const NAMED_TARGETS: Record<string, NamedKind> = {
  user: 'user',
  device: 'device',
  apiToken: 'apiToken',
  group: 'group',
  app: 'app',
  conditionalAccessPolicy: 'conditionalAccessPolicy',
  namedLocation: 'namedLocation',
};

const actorKey = (row: AuditLogRow): string | null =>
  row.actorId === null
    ? null
    : row.actorType === 'user'
      ? `user:${row.actorId}`
      : row.actorType === 'api_token'
        ? `apiToken:${row.actorId}`
        : null;

const targetKey = (row: AuditLogRow): string | null => {
  const kind = row.targetType ? NAMED_TARGETS[row.targetType] : undefined;
  return kind && row.targetId ? `${kind}:${row.targetId}` : null;
};

export const toAuditLogView = (row: AuditLogRow, names: RecordNames = new Map()): AuditLogView => {
  const actor = actorKey(row);
  const target = targetKey(row);
  return {
    id: row.id,
    activityDateTime: row.activityDateTime.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorDisplayName: actor ? (names.get(actor) ?? null) : null,
    activity: row.activity,
    targetType: row.targetType,
    targetId: row.targetId,
    targetDisplayName: target ? (names.get(target) ?? null) : null,
    details: row.details ?? null,
  };
};

/** The names of the users and devices on one page: a lookup by primary key for at most `limit` ids each. */
async function namesOf(deps: ServiceDeps, rows: SignInLogRow[]): Promise<SignInNames> {
  const ids = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const deviceIds = [...new Set(rows.flatMap((r) => (r.deviceId ? [r.deviceId] : [])))];
  const [found, devices] = await Promise.all([
    deps.repos.logQueries.usersByIds(ids),
    deps.repos.logQueries.namesByIds({ device: deviceIds }),
  ]);
  return { users: new Map(found.map((u) => [u.id, u])), devices };
}

/** The names of the actors and targets on one page of audit entries. */
async function auditNamesOf(deps: ServiceDeps, rows: AuditLogRow[]): Promise<RecordNames> {
  const request: NameRequest = {};
  for (const key of rows.flatMap((row) => [actorKey(row), targetKey(row)])) {
    if (!key) continue;
    const at = key.indexOf(':');
    const kind = key.slice(0, at) as NamedKind;
    (request[kind] ??= []).push(key.slice(at + 1));
  }
  return deps.repos.logQueries.namesByIds(request);
}

/**
 * Whose sign-ins the actor may read, narrowed to `groupId`: admins any store's members; managers
 * their workers, and only a store of their own (403 for another).
 */
export async function signInScopeOf(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string | undefined,
): Promise<{ scope: LogScope; groupId: string | undefined }> {
  const scope = await listScopeOf(deps, actor);
  if (!scope || groupId === undefined) return { scope, groupId };
  if (!scope.groupIds.includes(groupId)) {
    throw new ApiError('FORBIDDEN', say.signInsOfOwnStoresOnly);
  }
  return { scope: { ...scope, groupIds: [groupId] }, groupId: undefined };
}

const signInKey = (row: SignInLogRow) => ({ t: row.createdDateTime.getTime(), i: row.id });

export async function listSignInLogs(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof signInLogQuery>,
): Promise<Page<SignInLogView>> {
  const { limit, cursor, groupId, ...filters } = query;
  const before = positionOf(cursor);
  const rows = await deps.repos.logQueries.signIns({
    ...filters,
    ...(await signInScopeOf(deps, actor, groupId)),
    before,
    limit: limit + 1,
  });
  const names = await namesOf(deps, rows.slice(0, limit));
  return toPage(rows, limit, (row) => toSignInLogView(row, names), signInKey);
}

/** Every matching entry, newest first, up to EXPORT_ROW_CAP, in pages. Access is checked before the first page. */
export async function exportSignInLogs(
  deps: ServiceDeps,
  actor: Actor,
  query: SignInLogFilters,
): Promise<AsyncIterable<SignInLogView[]>> {
  const { groupId, ...filters } = query;
  const who = await signInScopeOf(deps, actor, groupId);
  return keysetPages(async (last: SignInLogRow | undefined, limit) => {
    const rows = await deps.repos.logQueries.signIns({
      ...filters,
      ...who,
      before: last && { time: last.createdDateTime, id: last.id },
      limit,
    });
    const names = await namesOf(deps, rows);
    return { rows, items: rows.map((row) => toSignInLogView(row, names)) };
  }, EXPORT_ROW_CAP);
}

export async function listAuditLogs(
  deps: ServiceDeps,
  query: z.output<typeof auditLogQuery>,
): Promise<Page<AuditLogView>> {
  const { limit, cursor, ...filters } = query;
  const rows = await deps.repos.logQueries.audits({
    ...filters,
    before: positionOf(cursor),
    limit: limit + 1,
  });
  const names = await auditNamesOf(deps, rows.slice(0, limit));
  return toPage(
    rows,
    limit,
    (row) => toAuditLogView(row, names),
    (row) => ({ t: row.activityDateTime.getTime(), i: row.id }),
  );
}

export function exportAuditLogs(deps: ServiceDeps, query: AuditLogFilters): AsyncIterable<AuditLogView[]> {
  return keysetPages(async (last: AuditLogRow | undefined, limit) => {
    const rows = await deps.repos.logQueries.audits({
      ...query,
      before: last && { time: last.activityDateTime, id: last.id },
      limit,
    });
    const names = await auditNamesOf(deps, rows);
    return { rows, items: rows.map((row) => toAuditLogView(row, names)) };
  }, EXPORT_ROW_CAP);
}
