/**
 * Which QR codes stop working soon (Entra has no such report): unexpired standard and temporary
 * codes whose expireDateTime falls within N days of now, soonest first. Never a secret.
 */
import { z } from 'zod';
import { EXPORT_ROW_CAP } from '../../contracts/logs.js';
import type { Page } from '../../contracts/pagination.js';
import type {
  QrCodeExpirationView,
  qrCodeExpirationsExportQuery,
  qrCodeExpirationsQuery,
} from '../../contracts/reports.js';
import type { QrCodeExpirationRow } from './reports-repository.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { keysetPages } from '../../domain/export-pages.js';
import { listScopeOf } from '../../core/actor-scope.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const expiryCursor = z.strictObject({ t: z.number().int().min(0).max(8.64e15), i: z.string().max(64) });

type Filters = z.output<typeof qrCodeExpirationsExportQuery>;

/** One page of rows after `after`, and their items (with each user's groups). */
async function fetchPage(
  deps: ServiceDeps,
  window: { now: Date; filters: Filters; scope: Awaited<ReturnType<typeof listScopeOf>> },
  after: { expireDateTime: Date; codeId: string } | undefined,
  limit: number,
  shown: number = limit,
) {
  const { now, filters, scope } = window;
  const rows = await deps.repos.reports.qrCodeExpirations({
    notExpiredAt: now,
    // Inclusive: a code expiring exactly N days from now is in the N-day report.
    expiringBy: new Date(now.getTime() + filters.withinDays * DAY_MS),
    groupId: filters.groupId,
    scope,
    after,
    limit,
  });
  const groupIds = await deps.repos.users.groupIdsOfMany([
    ...new Set(rows.slice(0, shown).map((r) => r.userId)),
  ]);
  const toItem = (row: QrCodeExpirationRow): QrCodeExpirationView => ({
    userId: row.userId,
    userPrincipalName: row.userPrincipalName,
    displayName: row.displayName,
    groupIds: groupIds.get(row.userId) ?? [],
    codeId: row.codeId,
    kind: row.kind,
    startDateTime: row.startDateTime.toISOString(),
    expireDateTime: row.expireDateTime.toISOString(),
    lastUsedDateTime: row.lastUsedDateTime?.toISOString() ?? null,
  });
  return { rows, toItem };
}

export async function reportQrCodeExpirations(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof qrCodeExpirationsQuery>,
): Promise<Page<QrCodeExpirationView>> {
  const { limit, cursor, ...filters } = query;
  const key = decodeCursor(cursor, expiryCursor);
  const window = { now: deps.clock.now(), filters, scope: await listScopeOf(deps, actor) };
  const after = key && { expireDateTime: new Date(key.t), codeId: key.i };
  const { rows, toItem } = await fetchPage(deps, window, after, limit + 1, limit);
  return toPage(rows, limit, toItem, (row) => ({ t: row.expireDateTime.getTime(), i: row.codeId }));
}

/** The whole report, soonest first, up to EXPORT_ROW_CAP rows, in pages (one `now` for all of them). */
export async function exportQrCodeExpirations(
  deps: ServiceDeps,
  actor: Actor,
  filters: Filters,
): Promise<AsyncIterable<QrCodeExpirationView[]>> {
  const window = { now: deps.clock.now(), filters, scope: await listScopeOf(deps, actor) };
  return keysetPages(async (last: QrCodeExpirationRow | undefined, limit) => {
    const after = last && { expireDateTime: last.expireDateTime, codeId: last.codeId };
    const { rows, toItem } = await fetchPage(deps, window, after, limit);
    return { rows, items: rows.map(toItem) };
  }, EXPORT_ROW_CAP);
}
