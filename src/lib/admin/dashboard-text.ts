/**
 * Words of the dashboard: its first-steps checklist and QR sign-in banner (admins see them) and the
 * last 24 hours' sign-in activity. The area `dashboard` of the catalogue; Spanish in i18n/es/.
 */
import type { FirstStepId } from './first-steps';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const signIns = (n: number) => plural(n, 'sign-in', 'sign-ins');

export const dashboardText = {
  banner: {
    off: {
      title: 'QR sign-in is switched off',
      body: 'No worker can sign in at a kiosk with a badge and PIN until you switch it on. Badges you issue meanwhile will work once it is on.',
    },
    nobody: {
      title: 'QR sign-in includes nobody',
      body: 'It is switched on, but for no one: choose who may use it (everyone, or the people of some stores).',
    },
    action: 'Switch it on in Policies',
    nobodyAction: 'Choose who may use it in Policies',
  },
  checklist: {
    title: 'First steps',
    intro:
      'Until these are done, workers cannot sign in at a kiosk. This list goes away once they are all done.',
    progress: (done: number, total: number) => `${done} of ${total} done`,
    done: 'Done',
    notYet: 'Not yet',
    loadFailed: 'The first steps could not be loaded. Reload the page to try again.',
    steps: {
      qrSignIn: {
        title: 'Switch QR sign-in on',
        body: 'On Policies, tick “Workers can sign in with a badge and PIN” and choose who may use it.',
        doneNote: () => 'Switched on',
      },
      stores: {
        title: 'Add a store',
        body: 'Each store groups its people and kiosks; managers see only their own stores.',
        doneNote: (n: number) => plural(n, 'store', 'stores'),
      },
      people: {
        title: 'Add people',
        body: 'Add workers and managers one by one, or import them from a CSV file.',
        doneNote: (n: number) => plural(n, 'person', 'people'),
      },
      badges: {
        title: 'Issue badges',
        body: 'Open a person and issue their badge (QR code and temporary PIN), or tick “Issue badges” when you import people.',
        doneNote: (n: number) => `${plural(n, 'person has', 'people have')} a badge`,
      },
      kiosk: {
        title: 'Set up a kiosk',
        body: 'On the store phone, open Shiftpass, sign in with a manager’s badge and PIN and choose “Set up this phone as a kiosk”. Kiosks then show on Devices.',
        doneNote: (n: number) => plural(n, 'kiosk', 'kiosks'),
      },
    } satisfies Record<FirstStepId, { title: string; body: string; doneNote: (n: number) => string }>,
  },
  activity: {
    title: 'Sign-ins in the last 24 hours',
    chartTitle: 'Sign-ins per hour, last 24 hours',
    chartDescription: (success: number, failure: number) =>
      `${signIns(success + failure)}: ${success} succeeded, ${failure} failed. The table below has the numbers per hour.`,
    success: 'Succeeded',
    failure: 'Failed',
    total: 'Total',
    hour: 'Hour starting',
    dataTable: 'Sign-ins per hour as a table',
    totals: (success: number, failure: number) =>
      `${signIns(success + failure)}: ${success} succeeded, ${failure} failed.`,
    reasonsTitle: 'Why sign-ins failed',
    noFailures: 'No failed sign-ins in the last 24 hours.',
    showFailures: 'Show in the log',
    lockedTitle: 'Locked badges',
    locked: (n: number) =>
      n === 0 ? 'No badge is locked right now.' : `${plural(n, 'badge is', 'badges are')} locked right now.`,
    lockedLink: 'Go to people to unlock',
    scopeManager: 'Counts cover the workers of your stores.',
    viewLogs: 'Open the sign-in log',
    expiryLink: 'Badges expiring soon',
    failed: 'The sign-in activity could not be loaded. Reload the page to try again.',
  },
};
