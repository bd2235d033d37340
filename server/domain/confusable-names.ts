/**
 * Lookalike sign-in names: "аdmin" with a Cyrillic а, "paypaI" with a capital I, "ｍａｒｔａ" in full
 * width. Two names are confusable when their Unicode UTS #39 skeletons are equal
 * (https://www.unicode.org/reports/tr39/#Confusable_Detection):
 *
 *   skeleton(X) = NFD( prototypes( remove Default_Ignorable_Code_Point( NFD(X) ) ) )
 *
 * where each character's prototype comes from Unicode's confusables.txt (the `unhomoglyph` package
 * ships that file's mapping). Sign-in names are compared without regard to case, so a name is
 * compared as typed, lower-cased, and in NFKC lower-cased (full-width "ａｄｍｉｎ" and other
 * compatibility forms, which confusables.txt leaves to NFKC): "PAYPAI" and "paypal" differ every way,
 * but "paypaI" matches "paypal" as typed and "АDMIN" (Cyrillic А) matches "admin" lower-cased.
 */
import unhomoglyph from 'unhomoglyph';

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

export function skeleton(value: string): string {
  return unhomoglyph(value.normalize('NFD').replace(DEFAULT_IGNORABLE, '')).normalize('NFD');
}

/** The skeletons a sign-in name is known by: as typed, lower-cased, and NFKC lower-cased. */
export function lookalikeKeys(name: string): string[] {
  const forms = [name, name.toLowerCase(), name.normalize('NFKC').toLowerCase()];
  return [...new Set(forms.map(skeleton))];
}

/** The database's notion of the same name: SQLite's lower() folds A–Z only. */
const sameName = (a: string, b: string) => {
  const fold = (s: string) => s.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  return fold(a) === fold(b);
};

export interface NamedAccount {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/**
 * The accounts by skeleton, so that checking a name costs its own skeletons only (an import checks
 * thousands of names against thousands of people).
 */
export class LookalikeIndex<A extends NamedAccount> {
  private readonly byKey = new Map<string, A[]>();

  constructor(accounts: Iterable<A> = []) {
    for (const account of accounts) this.add(account);
  }

  add(account: A): void {
    for (const key of lookalikeKeys(account.userPrincipalName)) {
      const list = this.byKey.get(key);
      if (list) list.push(account);
      else this.byKey.set(key, [account]);
    }
  }

  /**
   * The accounts whose sign-in name looks like `name` without being the same name (the same name, in
   * any case, is a duplicate, refused elsewhere), at most `limit` of them, each once.
   */
  find(name: string, limit = 5): A[] {
    const found = new Set<A>();
    for (const key of lookalikeKeys(name)) {
      for (const account of this.byKey.get(key) ?? []) {
        if (found.size >= limit) return [...found];
        if (!sameName(account.userPrincipalName, name)) found.add(account);
      }
    }
    return [...found];
  }
}

/** The accounts among `others` whose sign-in name looks like `name`: see LookalikeIndex.find. */
export function findLookalikes<A extends NamedAccount>(name: string, others: Iterable<A>, limit = 5): A[] {
  return new LookalikeIndex(others).find(name, limit);
}
