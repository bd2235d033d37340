/**
 * How long admin API tokens last. Every token expires: one made in the console or the API lasts the
 * default unless its maker picks a date, and the first-run token (BOOTSTRAP_API_TOKEN, or the one the
 * setup page shows) lasts a shorter while, since it is typed into scripts and environment files.
 */
export const API_TOKEN_DEFAULT_LIFETIME_DAYS = 90;
export const API_TOKEN_MAX_LIFETIME_DAYS = 365;
/** BOOTSTRAP_API_TOKEN_LIFETIME_DAYS: the first-run token's lifetime, from 1 to the maximum. */
export const BOOTSTRAP_API_TOKEN_LIFETIME_DAYS = 30;
