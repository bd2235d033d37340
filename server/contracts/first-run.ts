/**
 * The first run's HTTP contract: the setup page's check of its link (POST /api/setup/status) and the
 * console dashboard's first-steps checklist (GET /api/admin/first-steps). The rules live in
 * server/features/setup/; the PWA imports only these shapes.
 */
import { z } from 'zod';

export const setupLinkStatusBody = z.strictObject({ token: z.string().min(1).max(128) });

export type SetupLinkState = 'ready' | 'used' | 'expired' | 'unknown';

export interface SetupLinkStatusView {
  state: SetupLinkState;
}

export interface FirstStepsView {
  qrCodePinPolicy: { state: 'enabled' | 'disabled'; includeTargetCount: number };
  /** Stores (groups). */
  storeCount: number;
  /** Workers and managers (admins are not counted: the first admin is there from the start). */
  peopleCount: number;
  /** People holding a badge that has not expired. */
  badgedPeopleCount: number;
  /** Kiosks set up and not removed (active or suspended). */
  kioskCount: number;
}
