/** Pure helpers of the devices page: how a device's compliance and times read in a table. */
import type { AdminDeviceView } from '$server/contracts/devices';

/** "Compliant", or "Not compliant: reason; reason". */
export function complianceSummary(
  device: Pick<AdminDeviceView, 'compliance'>,
  words: { compliant: string; noncompliant: string },
): string {
  if (device.compliance.state === 'compliant') return words.compliant;
  const reasons = device.compliance.reasons.join('; ');
  return reasons ? `${words.noncompliant}: ${reasons}` : words.noncompliant;
}

/** A date-time in the viewer's locale and zone, short. */
export const shortDateTime = (iso: string, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Whether an ISO instant is in the past at `now`. */
export const isPast = (iso: string, now: Date): boolean => Date.parse(iso) <= now.getTime();
