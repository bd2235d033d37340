/** The PIN's length limits, for the kiosk's PIN pad and messages (the rules themselves: pin-rules.ts). */
export { MAX_PIN_LENGTH, MAX_SEQUENTIAL_RUN, MIN_PIN_LENGTH } from '../domain/pin-limits.js';
