/**
 * The badges waiting to be printed, handed from the page that issued them to the badge sheet. Module
 * memory only: never sessionStorage, localStorage or IndexedDB, so a reload (or closing the tab)
 * forgets them, as a shown-once secret should.
 */
import type { IssuedBadgeView } from '$server/contracts/bulk';
import type { IssuedBadge } from './badge';

export const toIssuedBadge = (badge: IssuedBadgeView): IssuedBadge => ({
  userId: badge.userId,
  displayName: badge.displayName,
  shortCode: badge.shortCode,
  pngBase64: badge.image.binaryValue,
  rawContent: badge.image.rawContent,
  expireDateTime: badge.expireDateTime,
  kind: 'standard',
  ...(badge.pin !== null && { pin: badge.pin }),
});

class BadgeSheetStore {
  badges = $state.raw<IssuedBadge[]>([]);

  show(badges: readonly IssuedBadgeView[]): void {
    this.badges = badges.map(toIssuedBadge);
  }

  clear(): void {
    this.badges = [];
  }
}

export const badgeSheet = new BadgeSheetStore();
