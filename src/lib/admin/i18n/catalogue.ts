/**
 * Every word the console shows, by area, in English (the reference) and Spanish. An area is one
 * `*-text.ts` module's object in English, and its translation in `es/` typed as `typeof` it, so
 * TypeScript refuses a Spanish area with a key missing or too many, or a message whose parameters
 * differ. To add an area: the two files, and one line in each list below.
 */
import type { Locale } from '$lib/i18n/locale';
import { accessText } from '../access-text';
import { accessText as accessTextEs } from './es/access-text';
import { languageSwitchText } from './language-switch-text';
import { languageSwitchText as languageSwitchTextEs } from './es/language-switch-text';
import { consoleText } from '../messages';
import { consoleText as consoleTextEs } from './es/messages';
import { shellText } from '../shell-text';
import { shellText as shellTextEs } from './es/shell-text';
import { peopleText } from '../people-text';
import { peopleText as peopleTextEs } from './es/people-text';
import { badgesText, importText } from '../import-text';
import { badgesText as badgesTextEs, importText as importTextEs } from './es/import-text';
import { dashboardText } from '../dashboard-text';
import { dashboardText as dashboardTextEs } from './es/dashboard-text';
import { setupText } from '../setup-text';
import { setupText as setupTextEs } from './es/setup-text';
import { invitationText } from '../invitation-text';
import { invitationText as invitationTextEs } from './es/invitation-text';
import { apiTokensText } from '../api-tokens-text';
import { apiTokensText as apiTokensTextEs } from './es/api-tokens-text';
import { copyText } from '../copy-text';
import { policiesText } from '../policies-text';
import { appsText } from '../apps-text';
import { appsText as appsTextEs } from './es/apps-text';
import { policiesText as policiesTextEs } from './es/policies-text';
import { copyText as copyTextEs } from './es/copy-text';
import { devicesText } from '../devices-text';
import { devicesText as devicesTextEs } from './es/devices-text';
import { logsText } from '../logs-text';
import { logsText as logsTextEs } from './es/logs-text';
import { reportsText } from '../reports-text';
import { reportsText as reportsTextEs } from './es/reports-text';
import { storesText } from '../stores-text';
import { storesText as storesTextEs } from './es/stores-text';
import { storeBadgesText } from '../store-badges-text';
import { storeBadgesText as storeBadgesTextEs } from './es/store-badges-text';
import { badgeQueueText } from '../badge-queue-text';
import { badgeQueueText as badgeQueueTextEs } from './es/badge-queue-text';
import { nfcText } from '../nfc-text';
import { nfcText as nfcTextEs } from './es/nfc-text';
import { badgeIssueText } from '../badge-issue-text';
import { badgeIssueText as badgeIssueTextEs } from './es/badge-issue-text';
import { pinResetText } from '../pin-reset-text';
import { pinResetText as pinResetTextEs } from './es/pin-reset-text';
import { webhooksText } from '../webhooks-text';
import { webhooksText as webhooksTextEs } from './es/webhooks-text';

const english = {
  access: accessText,
  console: consoleText,
  languageSwitch: languageSwitchText,
  shell: shellText,
  people: peopleText,
  peopleImport: importText,
  badges: badgesText,
  dashboard: dashboardText,
  setup: setupText,
  invitation: invitationText,
  apiTokens: apiTokensText,
  copy: copyText,
  policies: policiesText,
  apps: appsText,
  devices: devicesText,
  logs: logsText,
  reports: reportsText,
  stores: storesText,
  storeBadges: storeBadgesText,
  badgeQueue: badgeQueueText,
  nfc: nfcText,
  badgeIssue: badgeIssueText,
  pinReset: pinResetText,
  webhooks: webhooksText,
};

export type ConsoleMessages = typeof english;

const spanish: ConsoleMessages = {
  access: accessTextEs,
  console: consoleTextEs,
  languageSwitch: languageSwitchTextEs,
  shell: shellTextEs,
  people: peopleTextEs,
  peopleImport: importTextEs,
  badges: badgesTextEs,
  dashboard: dashboardTextEs,
  setup: setupTextEs,
  invitation: invitationTextEs,
  apiTokens: apiTokensTextEs,
  copy: copyTextEs,
  policies: policiesTextEs,
  apps: appsTextEs,
  devices: devicesTextEs,
  logs: logsTextEs,
  reports: reportsTextEs,
  stores: storesTextEs,
  storeBadges: storeBadgesTextEs,
  badgeQueue: badgeQueueTextEs,
  nfc: nfcTextEs,
  badgeIssue: badgeIssueTextEs,
  pinReset: pinResetTextEs,
  webhooks: webhooksTextEs,
};

export const consoleCatalogue: Record<Locale, ConsoleMessages> = { en: english, es: spanish };
