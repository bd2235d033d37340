/**
 * The kiosk's languages, how one is picked from the browser's preferences, and which of the places a
 * language can come from wins. Pure: no DOM.
 */
import { KIOSK_LANGUAGES, isKioskLanguage, type KioskLanguage } from '$server/contracts/kiosk-languages';

export const LOCALES = KIOSK_LANGUAGES;
export type Locale = KioskLanguage;
export const DEFAULT_LOCALE: Locale = 'en';

/** Names shown in the language switch, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

export const isLocale: (value: unknown) => value is Locale = isKioskLanguage;

/** The first supported language in the browser's list ("es-MX" → es), else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Everything that may say which language the kiosk shows; null where nothing is said. */
export interface LocaleSources {
  /** What the person using the phone picked on the scan screen, for their session only. */
  pick: Locale | null;
  /** The kiosk's own language, chosen when a manager set the phone up as a kiosk. */
  kiosk: Locale | null;
  /** The default language of the kiosk's store, set in the console. */
  store: Locale | null;
  /** The browser's preferred languages (navigator.languages). */
  browser: readonly string[];
}

/**
 * The language to show: the worker's pick for this session, else the kiosk's own setting, else its
 * store's default, else the first of the browser's languages the kiosk speaks, else English.
 */
export function resolveLocale(sources: LocaleSources): Locale {
  return sources.pick ?? sources.kiosk ?? sources.store ?? pickLocale(sources.browser);
}
