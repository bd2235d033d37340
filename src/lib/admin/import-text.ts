/** Words of the CSV import, the store badges page and the badge sheet (console: English only). */
import { BADGES_PER_RUN, IMPORT_MAX_ROWS } from '$server/contracts/bulk';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const importText = {
  title: 'Import people',
  intro: 'Add or update many people at once from a CSV file (for example saved from a spreadsheet).',
  adminsOnly: 'Only admins can import people.',
  columnsTitle: 'Columns the file may have',
  columnsIntro:
    'The first row names the columns, in any order, in any case. Only userPrincipalName is required.',
  columns: [
    ['userPrincipalName', 'the sign-in name, e.g. ana.silva@example.com; matches existing people'],
    ['displayName', 'the name on the badge (required for new people)'],
    ['employeeId', 'optional'],
    ['role', 'worker, manager or admin (worker when empty)'],
    ['groups', 'store names separated by ; (e.g. Lisbon; Porto), as in Groups'],
    ['accountEnabled', 'true or false (true when empty)'],
  ] as const,
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
    'Everyone in the file who has no badge yet gets a QR-code badge and a temporary PIN, shown once after the import.',
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

export const badgesText = {
  onceTitle: (n: number) => `${plural(n, 'badge', 'badges')} issued`,
  onceWarning:
    'The badges and temporary PINs are shown only now. Download the PINs and print the badges before you leave this page: they cannot be shown again.',
  downloadPins: 'Download temporary PINs (CSV)',
  pinsFile: (date: string) => `shiftpass-temporary-pins-${date}.csv`,
  pinsDownloaded: 'The PIN file was downloaded. Keep it safe and delete it once the PINs are handed out.',
  printSheet: 'Print badge sheet',
  keepsPin: 'keeps current PIN',
  pinColumns: ['name', 'userPrincipalName', 'shortCode', 'pin'] as const,
  failures: (n: number) => `${plural(n, 'person', 'people')} got no badge:`,
  group: {
    title: (name: string) => `Badges for ${name}`,
    titleUnknown: 'Badges for this store',
    intro:
      'Issue QR-code badges for the people of this store who have none, then print them on a badge sheet.',
    issue: 'Issue and print badges for this store',
    issuing: 'Issuing badges…',
    replace: 'Also replace badges people already have',
    replaceHint: 'Their old badges stop working at once; the PINs they chose stay.',
    confirmTitle: 'Replace every badge of this store?',
    confirmText:
      'Every badge of this store stops working at once, and everyone needs the new one to sign in. The PINs people chose stay the same.',
    confirm: 'Replace all badges',
    cancel: 'Cancel',
    summary: (s: { issued: number; alreadyHadBadge: number; skipped: number }) =>
      `${plural(s.issued, 'badge', 'badges')} issued; ${s.alreadyHadBadge} already had one; ${s.skipped} skipped.`,
    remaining: (n: number) =>
      `${plural(n, 'more person still needs', 'more people still need')} a badge (at most ${BADGES_PER_RUN} are issued at a time). Print these, then issue again for the next ones.`,
    noneNeeded: 'Everyone in this store already has a badge. Tick “replace” to issue new ones.',
    forbidden: 'You can only issue badges for your own stores.',
  },
  sheet: {
    title: 'Badge sheet',
    empty: 'Badges are shown only once. Issue them again to print.',
    intro: (n: number, pages: number) =>
      `${plural(n, 'badge', 'badges')} on ${plural(pages, 'sheet', 'sheets')}. Labels are 2 × 2 inches; cut along the marks.`,
    paper: 'Paper',
    a4: 'A4',
    letter: 'US Letter',
    print: 'Print',
    printHint: 'In the print dialog choose “Actual size” (100 %), not “Fit to page”.',
    page: (n: number, of: number) => `Sheet ${n} of ${of}`,
  },
};
