/**
 * The co-sign offer a SECOND_FACTOR_REQUIRED answer may carry (`error.stepUp`, server/contracts/step-up.ts):
 * from the worker's sign-in, or from a store app's sign-in for the signed-in kiosk session.
 */
import type { StepUpOffer } from '$server/contracts/step-up';

export type { StepUpOffer };

/** The offer, when the answer carries a well-formed one; null otherwise (an older server, none offered). */
export function stepUpOfferOf(value: unknown): StepUpOffer | null {
  const offer = value as Partial<StepUpOffer> | null | undefined;
  return typeof offer?.challenge === 'string' &&
    typeof offer.expiresInSeconds === 'number' &&
    typeof offer.displayName === 'string'
    ? { ...(offer as StepUpOffer), mustChangePin: offer.mustChangePin === true }
    : null;
}
