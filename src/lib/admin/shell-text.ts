/** The console frame's own words beyond messages.ts's `shell` (menu on a phone, toasts); Spanish in i18n/es/. */
export const shellText = {
  menu: 'Menu',
  /** The menu button's accessible name says what it opens; the visible word stays short. */
  menuLabel: 'Console menu',
  dismissToast: 'Dismiss message',
  skipToContent: 'Skip to the page',
};
