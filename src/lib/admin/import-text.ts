/**
 * Words of the CSV import (the catalogue's area `peopleImport`), and of issued badges, the badge
 * sheet and the store badges page (area `badges`), in English; Spanish in i18n/es/import-text.ts.
 */
import { BADGES_PER_RUN, IMPORT_MAX_ROWS } from '$server/contracts/bulk';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const importText = {
  title: 'Import people',
  intro: 'Add or update many people at once from a CSV file (for example saved from a spreadsheet).',
  adminsOnly: 'Only admins can import people.',
  columnsTitle: 'Columns the file may have',
  columnsIntro:
    'The first row names the columns, in any order, in any case. Only userPrincipalName (the sign-in name) is required.',
  /** What each column means; the column names themselves are the file's, in every language. */
  columns: {
    userPrincipalName: 'the sign-in name, e.g. ana.silva@example.com; matches existing people',
    displayName: 'the name on the badge (required for new people)',
    employeeId: 'the employee ID (optional)',
    role: 'worker, manager or admin (worker when empty)',
    stores:
      'the stores the person belongs to, by name, separated by ; (e.g. Lisbon; Porto), as on the Stores page. The two names mean the same: use one of them, not both.',
    accountEnabled: 'whether the person can sign in: true or false (true when empty)',
  },
  or: 'or',
  emptyCells: 'An empty cell leaves that detail of an existing person as it is.',
  limits: `At most ${IMPORT_MAX_ROWS.toLocaleString('en')} people and 2 MB per file.`,
  template: 'Download a template',
  templateFile: 'shiftpass-people-template.csv',
  fileLabel: 'CSV file',
  fileChosen: (name: string) => `Using the file ${name}.`,
  pasteLabel: 'Or paste the CSV here',
  pasteHint: 'Used when no file is chosen.',
  issueBadges: 'Issue badges for new people',
  issueBadgesHint:
    'Everyone in the file who has no badge yet gets a QR-code badge (and a temporary PIN if they have none), shown once after the import on this page, to save and print.',
  check: 'Check file',
  checking: 'Checking…',
  nothingToCheck: 'Choose a file or paste the CSV first.',
  fileError: 'The file cannot be read:',
  rowNumbering:
    'Row numbers are the ones your spreadsheet shows: the header is row 1, the first person is row 2.',
  summaryTitle: 'What the file would do',
  resultTitle: 'Import finished',
  counts: (s: { created: number; updated: number; unchanged: number; failed: number }) => [
    ['New people', s.created],
    ['Updated', s.updated],
    ['Unchanged', s.unchanged],
    ['Rows with errors', s.failed],
  ],
  ignoredColumns: (names: string[]) => `These columns were not read: ${names.join(', ')}.`,
  errorsTitle: 'Rows with errors',
  errorsIntro: 'These rows will be skipped. Fix them in the file and check it again, or import the rest now.',
  errorsAfter: 'These rows were skipped. Fix them in the file and import it again.',
  errorColumns: { row: 'Row', field: 'Column', message: 'Problem' },
  wholeRow: '(whole row)',
  lookalikesTitle: 'Sign-in names to check',
  lookalikesIntro:
    'These people will be added, but their sign-in name looks like someone else’s. Check each is not a trick before importing.',
  lookalikesAfter:
    'These people were added, but their sign-in name looks like someone else’s. Check each is not a trick.',
  lookalikeColumns: { row: 'Row', name: 'Sign-in name', like: 'Looks like' },
  lookalikeOf: (userPrincipalName: string, displayName: string) => `“${userPrincipalName}” (${displayName})`,
  importN: (n: number) => `Import ${plural(n, 'person', 'people')}`,
  importing: 'Importing…',
  nothingToImport: 'Nothing to import: every valid row is already up to date.',
  changedSinceCheck: 'The file changed since it was checked. Check it again before importing.',
  imported: (s: { created: number; updated: number; unchanged: number; failed: number }) =>
    `Imported: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} skipped.`,
  startOver: 'Import another file',
  badgesRemaining: (n: number) =>
    `${plural(n, 'more person still needs', 'more people still need')} a badge (at most ${BADGES_PER_RUN} are issued at a time). Import the same file again with “Issue badges” ticked to issue the next ones.`,
};

const time = (at: Date) => at.toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit' });

export const badgesText = {
  label: {
    download: 'Download label (PNG)',
    downloadQr: 'Download QR only',
    failed: 'This browser could not draw the label. Use “Download QR only” or “Print label” instead.',
  },
  onceTitle: (n: number) => `${plural(n, 'badge', 'badges')} issued`,
  onceWarning: (pins: number): string =>
    pins > 0
      ? 'Shown only on this page: once you leave it, these badges and temporary PINs cannot be shown again. Save the PINs and print the badges first.'
      : 'Shown only on this page: once you leave it, these badges cannot be shown again. Print them first.',
  savedWarning: (pins: number): string =>
    pins > 0
      ? 'Everything was saved or printed. The badges and PINs still cannot be shown again once you leave this page.'
      : 'The badges were printed. They still cannot be shown again once you leave this page.',
  pinsStep: (n: number) => `Save the ${plural(n, 'temporary PIN', 'temporary PINs')}`,
  pinsStepHint:
    'Each new person signs in the first time with their temporary PIN, then chooses their own. Keep the file or page safe and destroy it once the PINs are handed out.',
  noPins: 'These people keep the PIN they already have: no PIN to hand out.',
  downloadPins: 'Download temporary PINs (CSV)',
  printPins: 'Print PIN list',
  pinsFile: (date: string) => `shiftpass-temporary-pins-${date}.csv`,
  pinsNotSaved: 'Not saved yet.',
  pinsSaved: (by: 'download' | 'print', at: Date) =>
    by === 'download'
      ? `PIN file downloaded at ${time(at)}.`
      : `PIN list sent to the printer at ${time(at)}. If the printout did not come out, print it again.`,
  sheetStep: 'Print the badges',
  sheetStepHint: (n: number, sheets: number) =>
    `${plural(n, 'label', 'labels')} of 2 × 2 inches on ${plural(sheets, 'sheet', 'sheets')}, with the name and short code under each QR code (no PIN). In the print dialog choose “Actual size” (100 %), then cut along the marks.`,
  paper: 'Paper',
  a4: 'A4',
  letter: 'US Letter',
  printSheet: 'Print badge sheet',
  sheetNotPrinted: 'Not printed yet.',
  sheetPrinted: (at: Date) =>
    `Badge sheet sent to the printer at ${time(at)}. If the printout did not come out, print it again.`,
  keepsPin: 'keeps current PIN',
  failures: (n: number) => `${plural(n, 'person', 'people')} got no badge:`,
  pinList: {
    title: 'Temporary PINs',
    intro: (at: Date) =>
      `Printed ${at.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}. Give each person their PIN privately, then destroy this page.`,
    columns: { name: 'Name', signIn: 'Sign-in name', shortCode: 'Short code', pin: 'Temporary PIN' },
  },
  leave: {
    title: 'Leave without saving?',
    text: (unsaved: { pins: boolean; badges: boolean }) =>
      `${
        unsaved.pins && unsaved.badges
          ? 'The temporary PINs were not saved and the badges were not printed.'
          : unsaved.pins
            ? 'The temporary PINs were not downloaded or printed.'
            : 'The badge sheet was not printed.'
      } They cannot be shown again once you leave: these people would need new badges.`,
    stay: 'Stay on this page',
    leave: 'Leave anyway',
  },
  sheet: {
    page: (n: number, of: number) => `Sheet ${n} of ${of}`,
    qrAlt: (name: string) => `Badge QR code for ${name}`,
  },
};
