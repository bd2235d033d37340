/** The console's language switch. Each language's name is written in that language (LOCALE_NAMES). */
export const languageSwitchText = {
  label: 'Language',
};
