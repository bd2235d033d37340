/**
 * What the scan screen says once, right after a manager set the phone up as a kiosk (the set-up page
 * signs the manager out and reloads to the kiosk). Kept in sessionStorage for that one hop: it holds
 * the kiosk's name and whether storage is persistent, nothing personal.
 */
const KEY = 'shiftpass-kiosk-enrolled';

export interface JustEnrolled {
  name: string;
  /** Whether the browser granted persistent storage (navigator.storage.persist()). */
  persisted: boolean;
}

export function rememberJustEnrolled(value: JustEnrolled): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage unavailable: the kiosk name on the scan screen says it anyway.
  }
}

export function takeJustEnrolled(): JustEnrolled | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== 'object' || value === null) return null;
    const { name, persisted } = value as Record<string, unknown>;
    return typeof name === 'string' && typeof persisted === 'boolean' ? { name, persisted } : null;
  } catch {
    return null;
  }
}
