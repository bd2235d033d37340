/**
 * The kiosk devices page's reads and words: the list query from the page URL, the read through Kit's
 * `fetch` (run by +page.ts's load), the writes, and a device's state and compliance as StatusBadge words.
 */
import type { Locale } from '$lib/i18n/locale';
import type { ApiResult } from '$lib/api/client';
import { apiClient, call, client } from '$lib/api/typed-client';
import type { StatusTone } from '$lib/ui';
import type { AdminDeviceView, DeviceStatus } from '$server/contracts/devices';
import type { devicesText } from './devices-text';
import { readListQuery, type ListQuery } from './list-query';

type Words = typeof devicesText;

export const DEVICE_KEYS = ['search', 'groupId', 'status'] as const;
export type DevicesQuery = ListQuery<(typeof DEVICE_KEYS)[number]>;
export const DEVICES_PAGE_SIZE = 25;
/** `depends()` key of the list, for `invalidate()` after a change to a device. */
export const DEVICES_DEPENDENCY = 'shiftpass:devices';

export const readDevicesQuery = (url: URL): DevicesQuery => readListQuery(url.searchParams, DEVICE_KEYS);

/** One page of devices for the query, with the load's `fetch`. */
export function loadDevices(fetch: typeof globalThis.fetch, query: DevicesQuery) {
  const params: Record<string, string> = { limit: String(DEVICES_PAGE_SIZE) };
  for (const [key, value] of Object.entries(query.filters)) if (value) params[key] = value;
  const cursor = query.cursors.at(-1);
  if (cursor) params.cursor = cursor;
  return call(apiClient(fetch).admin.devices.$get({ query: params }));
}

export interface DeviceChanges {
  displayName?: string;
  groupId?: string;
  status?: 'active' | 'suspended';
}

/** The devices page's writes (the page wraps them in re-authentication). */
export interface DeviceWrites {
  update(id: string, changes: DeviceChanges): Promise<ApiResult<AdminDeviceView>>;
  revoke(id: string): Promise<ApiResult<AdminDeviceView>>;
}

export const deviceWrites: DeviceWrites = {
  update: (id, changes) => call(client.admin.devices[':id'].$patch({ param: { id }, json: changes })),
  revoke: (id) => call(client.admin.devices[':id'].revoke.$post({ param: { id } })),
};

export interface StatusWords {
  tone: StatusTone;
  label: string;
  title?: string;
}

const STATUS_TONES: Record<DeviceStatus, StatusTone> = {
  active: 'success',
  suspended: 'warning',
  revoked: 'neutral',
};

export const deviceStatus = (device: Pick<AdminDeviceView, 'status'>, m: Words): StatusWords => ({
  tone: STATUS_TONES[device.status],
  label: m.statuses[device.status],
});

/** "Compliant", or "Not compliant" with the reasons on hover (and as the badge's title). */
export function complianceStatus(device: Pick<AdminDeviceView, 'compliance'>, m: Words): StatusWords {
  if (device.compliance.state === 'compliant') return { tone: 'success', label: m.compliant };
  const reasons = device.compliance.reasons.join('; ');
  return { tone: 'danger', label: m.noncompliant, title: reasons || undefined };
}

/** A date-time in the viewer's language and zone, short. */
export const shortDateTime = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** Whether an ISO instant is in the past at `now`. */
export const isPast = (iso: string, now: Date): boolean => Date.parse(iso) <= now.getTime();
