/**
 * The badges just issued (a CSV import, a store's badges) and what has been saved of them: the one
 * place their QR codes and temporary PINs exist. Module memory only: never sessionStorage,
 * localStorage, IndexedDB or a URL, so a reload, closing the tab or leaving the page forgets them, as
 * shown-once secrets should. The page that shows them clears them when it goes; the console layout
 * clears them when the session ends, before it navigates away (so no "leave?" question holds a
 * signed-out page open).
 */
import type { IssuedBadgeView } from '$server/contracts/bulk';
import type { IssuedBadge } from './badge';
import { holdsSecrets, mustConfirmLeave, unsavedOf, type SaveProgress } from './issued-secrets';

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

class IssuedBadgesStore {
  badges = $state.raw<IssuedBadgeView[]>([]);
  pinsSavedAt = $state<Date | null>(null);
  pinsSavedBy = $state<'download' | 'print' | null>(null);
  sheetPrintedAt = $state<Date | null>(null);

  readonly labels = $derived(this.badges.map(toIssuedBadge));
  readonly withPin = $derived(this.badges.filter((b) => b.pin !== null));
  readonly progress: SaveProgress = $derived({
    pins: this.withPin.length,
    badges: this.badges.length,
    pinsSavedAt: this.pinsSavedAt,
    sheetPrintedAt: this.sheetPrintedAt,
  });
  readonly unsaved = $derived(unsavedOf(this.progress));
  readonly mustConfirmLeave = $derived(mustConfirmLeave(this.progress));
  readonly holdsSecrets = $derived(holdsSecrets(this.progress));

  show(badges: readonly IssuedBadgeView[]): void {
    this.badges = [...badges];
    this.pinsSavedAt = null;
    this.pinsSavedBy = null;
    this.sheetPrintedAt = null;
  }

  pinsSaved(by: 'download' | 'print', at = new Date()): void {
    this.pinsSavedAt = at;
    this.pinsSavedBy = by;
  }

  sheetPrinted(at = new Date()): void {
    this.sheetPrintedAt = at;
  }

  clear(): void {
    this.show([]);
  }
}

/** One batch at a time (the name is the layout's: it clears it at sign-out). */
export const badgeSheet = new IssuedBadgesStore();
