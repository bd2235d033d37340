/**
 * The warning on a new or renamed sign-in name that looks like someone else's ("аdmin" with a Cyrillic
 * а next to "admin"): the write is made, since such names can be honest (two people called José), and
 * the admin is told whom it looks like so they can check it is not a trick. The rule is
 * server/domain/confusable-names.ts.
 */
import type { UserView } from '../../contracts/schemas.js';
import type { UserWarning, UserWriteView } from '../../contracts/directory.js';
import { findLookalikes, type NamedAccount } from '../../domain/confusable-names.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { ErrorLanguage } from '../../contracts/error-words.js';
import { NOTICE_TEXT } from '../../contracts/notice-text.js';

/** The warning about a sign-in name that looks like `existing`'s, worded in `language`. */
export const lookalikeWarning = (existing: NamedAccount, language: ErrorLanguage = 'en'): UserWarning => ({
  code: 'LOOKALIKE_SIGN_IN_NAME',
  message: NOTICE_TEXT[language].lookalikeSignInName(existing.userPrincipalName, existing.displayName),
  existing: {
    id: existing.id,
    userPrincipalName: existing.userPrincipalName,
    displayName: existing.displayName,
  },
});

export async function lookalikeWarnings(
  deps: ServiceDeps,
  user: UserView,
  language: ErrorLanguage = 'en',
): Promise<UserWarning[]> {
  const others = (await deps.repos.users.listSignInNames()).filter((other) => other.id !== user.id);
  return findLookalikes(user.userPrincipalName, others).map((other) => lookalikeWarning(other, language));
}

/** The answer to a create or rename: the person, with `warnings` only when there is one. */
export async function withLookalikeWarnings(
  deps: ServiceDeps,
  user: UserView,
  language: ErrorLanguage = 'en',
): Promise<UserWriteView> {
  const warnings = await lookalikeWarnings(deps, user, language);
  return warnings.length > 0 ? { ...user, warnings } : user;
}
