/**
 * The PIN's length limits and the longest run of consecutive digits allowed: the numbers the kiosk's
 * PIN pad and its messages need, in a module of their own so the kiosk loads the whole rule set
 * (pin-rules.ts, with its blocklist) only with the change-PIN screen.
 */
export const MIN_PIN_LENGTH = 8;
export const MAX_PIN_LENGTH = 20;
/** A run of this many consecutive digits (0123… or 9876…) is refused anywhere in the PIN. */
export const MAX_SEQUENTIAL_RUN = 5;
