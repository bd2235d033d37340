/**
 * The setup page's form rules (checked before sending, in the page's words rather than the browser's
 * bubbles) and the server's refusals as words next to the field they concern.
 */
import type { ClientError } from '$lib/api/client';
import { errorField, messageWithoutField } from './field-errors';
import { setupText as t } from './setup-text';

export type SetupField = 'userPrincipalName' | 'displayName' | 'password' | 'confirmation';
export type SetupFieldErrors = Partial<Record<SetupField, string>>;

export interface SetupFormValues {
  userPrincipalName: string;
  displayName: string;
  password: string;
  confirmation: string;
}

/** As server/contracts/schemas.ts completeSetupBody: the password's minimum length. */
export const MIN_PASSWORD_LENGTH = 12;

export function checkSetupForm(values: SetupFormValues): SetupFieldErrors {
  const errors: SetupFieldErrors = {};
  if (values.userPrincipalName.trim() === '') errors.userPrincipalName = t.usernameMissing;
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = t.passwordTooShort;
  else if (values.confirmation !== values.password) errors.confirmation = t.mismatch;
  return errors;
}

/**
 * A refused setup as words: on a field when the server names one, else for the whole form (null:
 * the link itself was refused, which the page answers by checking the link again).
 */
export function setupRefusal(
  error: ClientError,
): { field: SetupField; message: string } | { field: null; message: string } | null {
  if (error.code === 'SETUP_LINK_INVALID') return null;
  if (error.code === 'USER_ALREADY_EXISTS') return { field: 'userPrincipalName', message: t.usernameTaken };
  const field = errorField(error);
  const problem = messageWithoutField(error);
  if (field === 'userPrincipalName') return { field, message: t.usernameInvalid(problem) };
  if (field === 'displayName') return { field, message: t.displayNameInvalid(problem) };
  if (field === 'password') return { field, message: t.passwordInvalid(problem) };
  return { field: null, message: error.message };
}
