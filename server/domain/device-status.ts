/**
 * A kiosk device's life: `active` (signs workers in), `suspended` (kept, refused until resumed) and
 * `revoked` (refused for good; the phone forgets its key). The one list, used by the database schema,
 * the HTTP contract and the console.
 */
export const DEVICE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
