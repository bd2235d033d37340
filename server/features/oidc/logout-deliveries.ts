/** An app's back-channel logout deliveries for admins: newest first, keyset-paginated. */
import { z } from 'zod';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type {
  LogoutDeliveryView,
  listLogoutDeliveriesQuery,
} from '../../contracts/oidc-logout-deliveries.js';
import type { Page } from '../../contracts/pagination.js';
import type { ServiceDeps } from '../../core/deps.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { LogoutDeliveryRow } from './logout-deliveries-repository.js';

const deliveryCursor = z.strictObject({ createdAt: z.number().int(), id: z.string().max(64) });

const iso = (date: Date | null) => date?.toISOString() ?? null;

function viewOf(row: { delivery: LogoutDeliveryRow; userName: string | null }): LogoutDeliveryView {
  const { delivery } = row;
  return {
    id: delivery.id,
    user: { id: delivery.sub, displayName: row.userName },
    createdDateTime: delivery.createdAt.toISOString(),
    attempts: delivery.attempts,
    lastAttemptDateTime: iso(delivery.lastAttemptAt),
    lastAnswer: delivery.lastAnswer,
    deliveredDateTime: iso(delivery.deliveredAt),
    nextAttemptDateTime: iso(delivery.nextAttemptAt),
    state: delivery.deliveredAt ? 'delivered' : delivery.nextAttemptAt ? 'pending' : 'failed',
  };
}

export async function listLogoutDeliveries(
  deps: ServiceDeps,
  appId: string,
  query: z.output<typeof listLogoutDeliveriesQuery>,
): Promise<Page<LogoutDeliveryView>> {
  if (!(await deps.repos.apps.findById(appId))) throw new ApiError('NOT_FOUND', say.noSuchApp);
  const after = decodeCursor(query.cursor, deliveryCursor);
  const rows = await deps.repos.oidcLogoutDeliveries.listForApp(appId, query.limit + 1, after);
  return toPage(rows, query.limit, viewOf, (row) => ({
    createdAt: row.delivery.createdAt.getTime(),
    id: row.delivery.id,
  }));
}
