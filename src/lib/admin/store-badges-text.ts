/** Console words of a store's badges page (/admin/groups/{id}/badges): preview, issue and reprint. */
import { BADGES_PER_RUN } from '$server/contracts/bulk';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const storeBadgesText = {
  title: (name: string) => `Badges for ${name}`,
  titleUnknown: 'Badges for this store',
  back: 'All stores',
  intro:
    'Issue a badge to everyone in this store who has none, or reprint chosen people’s badges. New badges and temporary PINs are shown once, on this page, to print.',
  loading: 'Loading the people of this store…',
  empty: 'Nobody is in this store yet.',
  emptyHint: 'Add people to it on their page or with Import people.',
  previewTitle: 'Who gets what',
  columns: { choose: 'Choose', name: 'Name', signInName: 'Sign-in name', badge: 'Badge' },
  status: {
    newBadgeAndPin: 'No badge',
    newBadge: 'No working badge',
    hasBadge: (until: string) => `Has a badge, works until ${until}`,
    notAllowed: 'Not yours to issue',
  },
  next: {
    newBadgeAndPin: 'Issue gives a badge and a temporary PIN.',
    newBadge: 'Issue gives a badge; they keep their PIN.',
    hasBadge: 'Tick to reprint their badge.',
    notAllowed: 'Only an admin can issue badges for managers and admins.',
  },
  chooseOne: (name: string) => `Reprint the badge of ${name}`,
  chooseAll: 'Choose everyone with a badge',
  issue: (n: number) => `Issue ${plural(n, 'new badge', 'new badges')}`,
  issueNone: 'Everyone who can have a badge has one.',
  issuing: 'Issuing badges…',
  reprint: (n: number) => (n === 0 ? 'Reprint badges' : `Reprint ${plural(n, 'badge', 'badges')}`),
  reprintHint:
    'Tick the people whose badges to reprint. A reprinted badge has a new QR code and short code, so their old printed badge stops working at once. They keep their PIN, and no PIN is printed.',
  confirmTitle: (n: number) => `Reprint ${plural(n, 'badge', 'badges')}?`,
  confirmText:
    'Each chosen person gets a new badge with a new QR code and short code. Their old printed badge stops working at once; their PIN stays the same.',
  confirm: 'Reprint badges',
  cancel: 'Cancel',
  summary: (s: { issued: number; alreadyHadBadge: number; skipped: number }) =>
    `${plural(s.issued, 'badge', 'badges')} issued; ${s.alreadyHadBadge} already had one; ${s.skipped} skipped.`,
  remaining: (n: number) =>
    `${plural(n, 'more person still needs', 'more people still need')} a badge (at most ${BADGES_PER_RUN} are issued at a time). Print these, then issue again for the next ones.`,
  forbidden: 'You can only issue badges for your own stores.',
  issueAgain: 'Issue or reprint more',
};
