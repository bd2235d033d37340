/**
 * `device.nonCompliant` found at a kiosk's request (issue 17, docs/webhook-events.md). Every request
 * of an enrolled kiosk (sign-in, attestation refresh, kiosk exit) checks its compliance against the
 * live record (devices/device-binding-check.ts): an expired attestation, an app older than this
 * release, a suspended status, an MDM's non-compliant report. A kiosk found non-compliant is
 * reported once; the sweep forgets the report a day later, so a kiosk that stays non-compliant is
 * reported again once a day, not at every retry. An MDM report that turned it non-compliant (an
 * audited change) counts as its report.
 *
 * A compliant kiosk's request costs nothing here; a non-compliant one's costs a small read or two,
 * and one write the first time.
 */
import type { ServiceDeps } from '../../../core/deps.js';
import { webhookEvent } from '../../../domain/webhook-event-payloads.js';
import { emitEvents } from './emit-events.js';

/** How long a report holds back the next one about the same kiosk. */
export const NONCOMPLIANT_REPORT_MS = 24 * 60 * 60 * 1000;

export async function reportNoncompliantDevice(
  deps: ServiceDeps,
  deviceId: string,
  reasons: string[],
  at: Date,
): Promise<void> {
  const repo = deps.repos.webhookEvents;
  if (await repo.isReportedNoncompliant(deviceId)) return;
  if (!(await deps.repos.webhooks.anySubscribed('device.nonCompliant'))) return;
  if (!(await repo.markReportedNoncompliant(deviceId, at))) return;
  const device = await repo.deviceFacts(deviceId);
  if (!device) return;
  await emitEvents(deps, [webhookEvent('device.nonCompliant', { device, reasons, detectedBy: 'signIn' })]);
}
