/**
 * Every word the console shows, by area, in English (the reference) and Spanish. An area is one
 * `*-text.ts` module's object in English, and its translation in `es/` typed as `typeof` it, so
 * TypeScript refuses a Spanish area with a key missing or too many, or a message whose parameters
 * differ. To add an area: the two files, and one line in each list below.
 */
import type { Locale } from '$lib/i18n/locale';
import { languageSwitchText } from './language-switch-text';
import { languageSwitchText as languageSwitchTextEs } from './es/language-switch-text';
import { consoleText } from '../messages';
import { consoleText as consoleTextEs } from './es/messages';
import { shellText } from '../shell-text';
import { shellText as shellTextEs } from './es/shell-text';
import { storesText } from '../stores-text';
import { storesText as storesTextEs } from './es/stores-text';
import { storeBadgesText } from '../store-badges-text';
import { storeBadgesText as storeBadgesTextEs } from './es/store-badges-text';

const english = {
  console: consoleText,
  languageSwitch: languageSwitchText,
  shell: shellText,
  stores: storesText,
  storeBadges: storeBadgesText,
};

export type ConsoleMessages = typeof english;

const spanish: ConsoleMessages = {
  console: consoleTextEs,
  languageSwitch: languageSwitchTextEs,
  shell: shellTextEs,
  stores: storesTextEs,
  storeBadges: storeBadgesTextEs,
};

export const consoleCatalogue: Record<Locale, ConsoleMessages> = { en: english, es: spanish };
