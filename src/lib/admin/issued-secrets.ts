/**
 * What is still unsaved of a batch of badges just issued (a CSV import, a store's badges): the
 * temporary PINs (saved by downloading the PIN file or printing the PIN list) and the badges (saved by
 * printing the badge sheet). Both exist only in the page's memory, so leaving the page with either
 * unsaved loses it for good: the console asks first. A print dialog cannot tell whether the paper came
 * out, so "printed" means "the print dialog was opened"; the page says so.
 */
export interface SaveProgress {
  /** Badges that came with a new temporary PIN (the others keep the PIN the person knows). */
  pins: number;
  badges: number;
  pinsSavedAt: Date | null;
  sheetPrintedAt: Date | null;
}

export interface Unsaved {
  pins: boolean;
  badges: boolean;
}

export function unsavedOf(progress: SaveProgress): Unsaved {
  return {
    pins: progress.pins > 0 && progress.pinsSavedAt === null,
    badges: progress.badges > 0 && progress.sheetPrintedAt === null,
  };
}

/** Leaving now would lose something that was never saved: ask first. */
export const mustConfirmLeave = (progress: SaveProgress): boolean => {
  const unsaved = unsavedOf(progress);
  return unsaved.pins || unsaved.badges;
};

/** Anything shown once is on the page (saved or not): it is gone once the page is left. */
export const holdsSecrets = (progress: SaveProgress): boolean => progress.badges > 0;
