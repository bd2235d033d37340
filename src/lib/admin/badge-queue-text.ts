/** Console words of a store's new people waiting for their first badge (on the store's badges page). */
import { BADGES_PER_RUN } from '$server/contracts/bulk';

export const badgeQueueText = {
  title: (n: number) => (n === 1 ? '1 new person needs a badge' : `${n} new people need badges`),
  intro:
    'They were added to this store and have no badge or PIN yet. Each gets a badge and a temporary PIN, shown once on this page to print.',
  listLabel: 'New people without a badge',
  added: (date: string) => `Added ${date}`,
  more: (n: number) => `and ${n} more`,
  issue: (n: number) => (n === 1 ? 'Issue their badge' : `Issue badges for these ${n} people`),
  issuing: 'Issuing badges…',
  overLimit: (n: number) =>
    `${n} people are waiting: the first ${BADGES_PER_RUN} get their badges now; issue again for the rest.`,
};
