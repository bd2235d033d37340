/**
 * The languages the kiosk speaks. The one list, used by the database schema and the HTTP contract (a
 * store's default kiosk language) and by the kiosk's message catalogue (src/lib/i18n/locale.ts).
 * Adding a language here needs its catalogue in src/lib/i18n/messages/ too.
 */
export const KIOSK_LANGUAGES = ['en', 'es'] as const;
export type KioskLanguage = (typeof KIOSK_LANGUAGES)[number];

export const isKioskLanguage = (value: unknown): value is KioskLanguage =>
  typeof value === 'string' && (KIOSK_LANGUAGES as readonly string[]).includes(value);
