/**
 * Which QR codes stop working soon (Entra has no such report): unexpired standard and temporary
 * codes whose expireDateTime falls within N days of now, soonest first. Never a secret.
 */
import { z } from 'zod';
import type { Page } from '../contracts/pagination.js';
import type { QrCodeExpirationView, qrCodeExpirationsQuery } from '../contracts/reports.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Actor, ServiceDeps } from './deps.js';
import { listScopeOf } from './list-scope.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const expiryCursor = z.strictObject({ t: z.number().int().min(0).max(8.64e15), i: z.string().max(64) });

export async function reportQrCodeExpirations(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof qrCodeExpirationsQuery>,
): Promise<Page<QrCodeExpirationView>> {
  const now = deps.clock.now();
  const after = decodeCursor(query.cursor, expiryCursor);
  const rows = await deps.repos.reports.qrCodeExpirations({
    notExpiredAt: now,
    // Inclusive: a code expiring exactly N days from now is in the N-day report.
    expiringBy: new Date(now.getTime() + query.withinDays * DAY_MS),
    groupId: query.groupId,
    scope: await listScopeOf(deps, actor),
    after: after && { expireDateTime: new Date(after.t), codeId: after.i },
    limit: query.limit + 1,
  });
  const groupIds = await deps.repos.users.groupIdsOfMany([
    ...new Set(rows.slice(0, query.limit).map((r) => r.userId)),
  ]);
  return toPage(
    rows,
    query.limit,
    (row) => ({
      userId: row.userId,
      userPrincipalName: row.userPrincipalName,
      displayName: row.displayName,
      groupIds: groupIds.get(row.userId) ?? [],
      codeId: row.codeId,
      kind: row.kind,
      startDateTime: row.startDateTime.toISOString(),
      expireDateTime: row.expireDateTime.toISOString(),
      lastUsedDateTime: row.lastUsedDateTime?.toISOString() ?? null,
    }),
    (row) => ({ t: row.expireDateTime.getTime(), i: row.codeId }),
  );
}
