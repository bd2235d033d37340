/** The tones a StatusBadge can take; each state word on a page picks one. */
export type StatusTone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

/** The usual states and their tones, so "Locked" is the same red on every page. */
export const STATUS_TONES = {
  active: 'success',
  enabled: 'success',
  locked: 'danger',
  expired: 'warning',
  suspended: 'warning',
  temporary: 'info',
  notYetActive: 'info',
  disabled: 'neutral',
  none: 'neutral',
} as const satisfies Record<string, StatusTone>;
