/** Reading the sign-in log (admins: all; managers: their workers) and the audit log (admins). */
import { z } from 'zod';
import type { AuditLogView, auditLogQuery, SignInLogView, signInLogQuery } from '../contracts/logs.js';
import type { Page } from '../contracts/pagination.js';
import type { AuditLogRow, SignInLogRow } from '../db/repositories/log-queries.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Actor, ServiceDeps } from './deps.js';
import { listScopeOf } from './list-scope.js';

const logCursor = z.strictObject({ t: z.number().int().min(0).max(8.64e15), i: z.string().max(64) });

const positionOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, logCursor);
  return key && { time: new Date(key.t), id: key.i };
};

export const toSignInLogView = (row: SignInLogRow): SignInLogView => ({
  id: row.id,
  createdDateTime: row.createdDateTime.toISOString(),
  result: row.result,
  failureCode: row.failureCode,
  authMethod: row.authMethod,
  userId: row.userId,
  codeId: row.codeId,
  deviceId: row.deviceId,
  ipAddress: row.ipAddress,
  userAgent: row.userAgent,
  details: row.details ?? null,
});

export const toAuditLogView = (row: AuditLogRow): AuditLogView => ({
  id: row.id,
  activityDateTime: row.activityDateTime.toISOString(),
  actorType: row.actorType,
  actorId: row.actorId,
  activity: row.activity,
  targetType: row.targetType,
  targetId: row.targetId,
  details: row.details ?? null,
});

export async function listSignInLogs(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof signInLogQuery>,
): Promise<Page<SignInLogView>> {
  const { limit, cursor, ...filters } = query;
  const rows = await deps.repos.logQueries.signIns({
    ...filters,
    scope: await listScopeOf(deps, actor),
    before: positionOf(cursor),
    limit: limit + 1,
  });
  return toPage(rows, limit, toSignInLogView, (row) => ({ t: row.createdDateTime.getTime(), i: row.id }));
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
  return toPage(rows, limit, toAuditLogView, (row) => ({ t: row.activityDateTime.getTime(), i: row.id }));
}
