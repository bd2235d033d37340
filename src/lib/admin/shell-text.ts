/**
 * The console frame's own words beyond messages.ts's `shell` (menu on a phone, toasts, the sign-out
 * question while badges are unsaved, the error page); Spanish in i18n/es/.
 */
export const shellText = {
  menu: 'Menu',
  /** The menu button's accessible name says what it opens; the visible word stays short. */
  menuLabel: 'Console menu',
  /** The brand on a phone, where the header has room for one word. */
  brandShort: 'Shiftpass',
  /** Navigation entries beyond messages.ts's `shell` (pages added later). */
  links: { access: 'Access', devices: 'Devices', apps: 'Apps', reports: 'Reports', webhooks: 'Webhooks' },
  dismissToast: 'Dismiss message',
  cancel: 'Cancel',
  skipToContent: 'Skip to the page',
  signOutUnsaved: {
    title: 'Sign out without saving?',
    text: 'Badges and temporary PINs on the import page are not saved or printed yet. Signing out loses them for good: these people would need new badges.',
    signOut: 'Sign out anyway',
    stay: 'Stay signed in',
  },
  errorPage: {
    notFoundTitle: 'Page not found',
    notFound: 'There is no console page at this address. It may have moved, or the link was mistyped.',
    failedTitle: 'Something went wrong',
    failed: 'This page could not be shown. Try again in a moment; if it keeps happening, tell your admin.',
    home: 'Go to the dashboard',
  },
};
