/**
 * Step-up by a manager: who may co-sign a worker's sign-in that a conditional-access policy sends to
 * a second factor (docs/conditional-access.md, "What satisfies requireSecondFactor"). A badge + PIN is
 * one factor; a second person who is accountable for the worker, present at the same phone and proving
 * themselves with their own badge + PIN, stands in for the second one — the "two-person rule" of a
 * cash office. So the co-signer must be somebody else, and answerable for the worker: a manager of one
 * of the worker's stores, or an admin (who answers for every store).
 */
import type { Role } from './roles.js';

/** How long a co-sign challenge waits for the manager. */
export const STEP_UP_CHALLENGE_SECONDS = 5 * 60;

export interface StepUpPerson {
  id: string;
  role: Role;
  groupIds: readonly string[];
}

export type CoSignerRefusal = 'STEP_UP_SAME_PERSON' | 'STEP_UP_NOT_A_MANAGER' | 'STEP_UP_WRONG_STORE';

/** Why `coSigner` may not confirm `worker`'s sign-in, or null when they may. */
export function coSignerRefusal(worker: StepUpPerson, coSigner: StepUpPerson): CoSignerRefusal | null {
  if (coSigner.id === worker.id) return 'STEP_UP_SAME_PERSON';
  if (coSigner.role === 'admin') return null;
  if (coSigner.role !== 'manager') return 'STEP_UP_NOT_A_MANAGER';
  const stores = new Set(worker.groupIds);
  return coSigner.groupIds.some((id) => stores.has(id)) ? null : 'STEP_UP_WRONG_STORE';
}
