/**
 * The words of success answers that tell the admin something (an import row's problems, a warning),
 * in English: the reference language. Spanish (notice-text-es.ts) is typed `NoticeText`, so it has
 * every key with the same parameters. The same pattern as the error catalogue (error-text.ts): the
 * route detects the request's language (server/http/error-language.ts) and passes it to the service,
 * which picks `NOTICE_TEXT[language]`.
 */
import type { ErrorLanguage } from './errors.js';
import { noticeTextEs } from './notice-text-es.js';

export const noticeText = {
  // Importing people: a row's problem, after its column's name ("Sign-in name appears again: …")
  importRequired: 'is required',
  importTooLong: (max: number) => `is too long (at most ${String(max)} characters)`,
  importTooManyStores: (max: number) => `names too many stores (at most ${String(max)})`,
  importOneOf: (values: readonly string[]) => `must be one of ${values.join(', ')}`,
  /** `problem` is the schema's own English. */
  importOther: (problem: string) => problem,
  importTooManyCells: (cells: number, columns: number) =>
    `has ${cells} cells but the header has ${columns} columns (a comma inside a name needs quotes)`,
  importAppearsAgain: (row: number) => `appears again: first on row ${row}`,
  importTrueOrFalse: 'must be true or false',
  importSeveralStoresNamed: (name: string) => `several stores are named “${name}”; use the store's id`,
  importNoStoreNamed: (name: string) => `no store is named “${name}”`,
  importCannotDisableSelf: 'you cannot disable your own account',
  // People
  lookalikeSignInName: (signInName: string, displayName: string) =>
    `This sign-in name looks like the existing “${signInName}” (${displayName}). Check it is not a trick.`,
  // Conditional-access policy warnings (server/domain/access-policy-warnings.ts; the English must stay equal)
  noStoreNetworkAllow:
    "This policy needs the person's own store network, but no named location is linked to a store yet: every sign-in it covers will be refused. Link each store's network to its store on the Named locations page.",
  noStoreNetworkOther:
    "This policy needs the person's own store network, but no named location is linked to a store yet, so it never applies. Link each store's network to its store on the Named locations page.",
  noStoreNetworkExclude:
    "This policy makes an exception for the person's own store network, but no named location is linked to a store yet, so the exception never applies. Link each store's network to its store on the Named locations page.",
};

/** The catalogue's shape: every key, each message with the English one's parameters. */
export type NoticeText = {
  [K in keyof typeof noticeText]: (typeof noticeText)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

export const NOTICE_TEXT: Record<ErrorLanguage, NoticeText> = { en: noticeText, es: noticeTextEs };
