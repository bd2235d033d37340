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
import { devicesText } from '../devices-text';
import { devicesText as devicesTextEs } from './es/devices-text';
import { logsText } from '../logs-text';
import { logsText as logsTextEs } from './es/logs-text';
import { reportsText } from '../reports-text';
import { reportsText as reportsTextEs } from './es/reports-text';

const english = {
  console: consoleText,
  languageSwitch: languageSwitchText,
  shell: shellText,
  devices: devicesText,
  logs: logsText,
  reports: reportsText,
};

export type ConsoleMessages = typeof english;

const spanish: ConsoleMessages = {
  console: consoleTextEs,
  languageSwitch: languageSwitchTextEs,
  shell: shellTextEs,
  devices: devicesTextEs,
  logs: logsTextEs,
  reports: reportsTextEs,
};

export const consoleCatalogue: Record<Locale, ConsoleMessages> = { en: english, es: spanish };
