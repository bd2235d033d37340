/**
 * The logs page's reads, run by its +page.ts load with Kit's `fetch`: one page of the chosen log for
 * the filters in the URL, how long logs are kept (admins), and the names of a person and a kiosk the
 * URL names by id (a shared link, the dashboard), for the pickers.
 */
import type { ApiResult } from '$lib/api/client';
import { apiClient, call } from '$lib/api/typed-client';
import type { AuditLogView, SignInLogView } from '$server/contracts/logs';
import type { Page } from '$server/contracts/pagination';
import type { LogRetentionPolicy } from '$server/contracts/policies';
import type { ConsoleRole } from './console-role';
import { apiQueryRecord, filtersFromUrl, type LogFilters, type LogView } from './log-filters';

/** `depends()` key of the logs page. */
export const LOGS_DEPENDENCY = 'shiftpass:logs';
export const LOG_PAGE_SIZE = '50';

export type LogEntries =
  | { view: 'sign-ins'; result: ApiResult<Page<SignInLogView>> }
  | { view: 'audit'; result: ApiResult<Page<AuditLogView>> };

export interface LogsData {
  filters: LogFilters;
  /** The view shown: managers see the sign-ins only. */
  view: LogView;
  cursor: string;
  entries: LogEntries;
  retention: LogRetentionPolicy | null;
  /** The names of the person and kiosk in the filters; null when the viewer cannot see them. */
  personName: string | null;
  deviceName: string | null;
}

export async function loadLogs(
  fetch: typeof globalThis.fetch,
  url: URL,
  role: ConsoleRole,
): Promise<LogsData> {
  const api = apiClient(fetch);
  const filters = filtersFromUrl(url.searchParams);
  const view: LogView = role === 'admin' ? filters.view : 'sign-ins';
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = apiQueryRecord(filters, { cursor: cursor || undefined, limit: LOG_PAGE_SIZE });
  const entries = async (): Promise<LogEntries> =>
    view === 'audit'
      ? { view, result: await call(api.admin['audit-logs'].$get({ query })) }
      : { view, result: await call(api.admin['sign-in-logs'].$get({ query })) };
  const retention = async () => {
    if (role !== 'admin') return null;
    const result = await call(api.admin.policies['log-retention'].$get());
    return result.ok ? result.data : null;
  };
  const personName = async () => {
    if (!filters.userId) return null;
    const result = await call(api.admin.users[':id'].$get({ param: { id: filters.userId } }));
    return result.ok ? result.data.displayName : null;
  };
  const deviceName = async () => {
    if (!filters.deviceId) return null;
    const result = await call(api.admin.devices[':id'].$get({ param: { id: filters.deviceId } }));
    return result.ok ? result.data.displayName : null;
  };
  const [shown, kept, person, device] = await Promise.all([
    entries(),
    retention(),
    personName(),
    deviceName(),
  ]);
  return { filters, view, cursor, entries: shown, retention: kept, personName: person, deviceName: device };
}
