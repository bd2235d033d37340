/**
 * Device compliance: the verdict of every compliance source over the LIVE device record, read at each
 * sign-in, attestation and admin view. A device is compliant when every source says so; the reasons
 * of all that do not are kept (docs/compliance-sources.md).
 */
import { APP_VERSION } from '../../contracts/app-version.js';
import type { DeviceCompliance } from '../../contracts/devices.js';
import type { DeviceRow } from './devices-repository.js';

export interface ComplianceVerdict {
  compliant: boolean;
  /** Readable reasons when not compliant ("app version 0.0.9 is older than 0.1.0"). */
  reasons: string[];
}

/** One source of compliance facts about a device. `check` must not throw for any stored device. */
export interface ComplianceSource {
  /** Short name, for docs and logs ("built-in"). */
  name: string;
  check(device: DeviceRow, now: Date): ComplianceVerdict | Promise<ComplianceVerdict>;
}

/** A source that answers at once (the built-in one). */
export interface SyncComplianceSource extends ComplianceSource {
  check(device: DeviceRow, now: Date): ComplianceVerdict;
}

/** The latest external (MDM) verdict as stored on the device by POST /api/admin/devices/{id}/compliance. */
export interface StoredExternalCompliance {
  compliant: boolean;
  reasons: string[];
  source: string;
  reportedAt: string;
}

export function storedExternalCompliance(value: unknown): StoredExternalCompliance | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredExternalCompliance>;
  if (typeof v.compliant !== 'boolean' || typeof v.source !== 'string') return null;
  return {
    compliant: v.compliant,
    reasons: Array.isArray(v.reasons) ? v.reasons.filter((r): r is string => typeof r === 'string') : [],
    source: v.source,
    reportedAt: typeof v.reportedAt === 'string' ? v.reportedAt : new Date(0).toISOString(),
  };
}

/** `x.y.z` release numbers (a `-pre` or `+build` suffix is ignored); null when not one. */
function releaseNumbers(version: string): [number, number, number] | null {
  const match = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:[-+].*)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Negative when a < b, 0 when equal, positive when a > b; null when either is not x.y.z. */
export function compareVersions(a: string, b: string): number | null {
  const left = releaseNumbers(a);
  const right = releaseNumbers(b);
  if (!left || !right) return null;
  for (let i = 0; i < 3; i += 1) {
    const diff = left[i]! - right[i]!;
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Built in: the device is active, its newest attestation has not expired, it runs this release of
 * the app (or newer), and the latest external report, if any, did not call it non-compliant.
 */
export function builtInComplianceSource(currentVersion: string = APP_VERSION): SyncComplianceSource {
  return {
    name: 'built-in',
    check(device, now) {
      const reasons: string[] = [];
      if (device.status !== 'active') reasons.push(`device is ${device.status}`);
      if (!device.attestationExpiresAt || device.attestationExpiresAt.getTime() <= now.getTime()) {
        reasons.push('attestation expired');
      }
      if (device.appVersion === null) {
        reasons.push('app version not reported');
      } else {
        const order = compareVersions(device.appVersion, currentVersion);
        if (order === null) reasons.push(`app version ${device.appVersion} is not a release number`);
        else if (order < 0) reasons.push(`app version ${device.appVersion} is older than ${currentVersion}`);
      }
      const external = storedExternalCompliance(device.externalCompliance);
      if (external && !external.compliant) {
        const why = external.reasons.length > 0 ? `: ${external.reasons.join('; ')}` : '';
        reasons.push(`${external.source} reports non-compliant${why}`);
      }
      return { compliant: reasons.length === 0, reasons };
    },
  };
}

export const COMPLIANCE_SOURCES: readonly ComplianceSource[] = [builtInComplianceSource()];

/** Every source's verdict on the device, as the contract states it. */
export async function complianceOf(
  device: DeviceRow,
  now: Date,
  sources: readonly ComplianceSource[] = COMPLIANCE_SOURCES,
): Promise<DeviceCompliance> {
  const reasons: string[] = [];
  for (const source of sources) {
    const verdict = await source.check(device, now);
    if (!verdict.compliant) reasons.push(...(verdict.reasons.length > 0 ? verdict.reasons : [source.name]));
  }
  return { state: reasons.length === 0 ? 'compliant' : 'noncompliant', reasons };
}
