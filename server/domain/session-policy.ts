/**
 * The session policy: how long kiosk and console sessions last and when an idle kiosk signs its
 * worker out, with defaults and ranges. Pure; stored as JSON in `settings`, validated at the API edge.
 */
export interface SessionPolicy {
  /** Idle timeout of kiosk (badge + PIN) sessions. */
  idleTimeoutInMinutes: number;
  /** Idle timeout of console (password + second factor) sessions: shorter, they carry admin rights. */
  consoleIdleTimeoutInMinutes: number;
  absoluteTimeoutInHours: number;
  /** A kiosk with no touch or key press for this long signs its worker out (Managed Home Screen: 300 s). */
  kioskIdleSignOutInSeconds: number;
  /** How long before that the kiosk asks "Still there?" with a countdown (Managed Home Screen: 60 s). */
  kioskIdleWarningInSeconds: number;
  /** How long an open kiosk session keeps working while the server cannot be reached. */
  kioskOfflineGraceInSeconds: number;
}

export const SESSION_LIMITS = {
  idleTimeoutInMinutes: { min: 1, max: 480 },
  consoleIdleTimeoutInMinutes: { min: 1, max: 480 },
  absoluteTimeoutInHours: { min: 1, max: 24 },
  kioskIdleSignOutInSeconds: { min: 30, max: 3600 },
  kioskIdleWarningInSeconds: { min: 5, max: 300 },
  kioskOfflineGraceInSeconds: { min: 0, max: 3600 },
} as const;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutInMinutes: 15,
  consoleIdleTimeoutInMinutes: 10,
  absoluteTimeoutInHours: 12,
  kioskIdleSignOutInSeconds: 300,
  kioskIdleWarningInSeconds: 60,
  kioskOfflineGraceInSeconds: 300,
};
