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
import { apiTokensText } from '../api-tokens-text';
import { apiTokensText as apiTokensTextEs } from './es/api-tokens-text';
import { copyText } from '../copy-text';
import { policiesText } from '../policies-text';
import { appsText } from '../apps-text';
import { appsText as appsTextEs } from './es/apps-text';
import { policiesText as policiesTextEs } from './es/policies-text';
import { copyText as copyTextEs } from './es/copy-text';

const english = {
  console: consoleText,
  languageSwitch: languageSwitchText,
  shell: shellText,
  apiTokens: apiTokensText,
  copy: copyText,
  policies: policiesText,
  apps: appsText,
};

export type ConsoleMessages = typeof english;

const spanish: ConsoleMessages = {
  console: consoleTextEs,
  languageSwitch: languageSwitchTextEs,
  shell: shellTextEs,
  apiTokens: apiTokensTextEs,
  copy: copyTextEs,
  policies: policiesTextEs,
  apps: appsTextEs,
};

export const consoleCatalogue: Record<Locale, ConsoleMessages> = { en: english, es: spanish };
