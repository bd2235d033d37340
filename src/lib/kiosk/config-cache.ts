/**
 * The last kiosk configuration the server gave (issuer id, PIN length), kept with the device so a kiosk
 * that starts offline still refuses another organization's badge and knows the PIN length. Nothing
 * personal: it is the same for every worker.
 */
import type { KioskConfig } from '$server/contracts/schemas';

const KEY = 'shiftpass.kioskConfig';

export function rememberKioskConfig(config: KioskConfig): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ issuerId: config.issuerId, pinLength: config.pinLength }));
  } catch {
    // Without storage an offline start only loses the foreign-badge check until the network is back.
  }
}

export function cachedKioskConfig(): KioskConfig | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (
      value &&
      typeof value === 'object' &&
      typeof (value as KioskConfig).issuerId === 'string' &&
      Number.isInteger((value as KioskConfig).pinLength)
    ) {
      return value as KioskConfig;
    }
  } catch {
    // Unreadable: treated as absent.
  }
  return null;
}
