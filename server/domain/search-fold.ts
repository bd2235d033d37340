/**
 * People search ignores case and accents: "nunez" finds "Núñez", "JOSE" finds "José". SQLite's
 * lower() folds ASCII letters only, so the folded form is computed here, on write, and stored beside
 * the name (users.folded_name) only when it differs from what lower() gives: the index of those few
 * names is all a search reads beyond the name index (server/features/people/user-search-repository.ts).
 *
 * Folding: Unicode compatibility decomposition (NFKD: "é" → "e" + U+0301, "ﬁ" → "fi", full-width
 * "Ｊ" → "J"), combining marks dropped, then full Unicode lower case. Letters that do not decompose
 * ("ø", "ł", "ß") keep their form, in lower case.
 */

/** The form a name and a search are compared in. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** SQLite's lower(): ASCII letters only. */
export const sqliteLower = (text: string): string =>
  text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** What users.folded_name holds for a display name: its folded form, or null when lower() gives the same. */
export function foldedNameOf(displayName: string): string | null {
  const folded = foldForSearch(displayName);
  return folded === sqliteLower(displayName) ? null : folded;
}
