/**
 * The setup page's form rules (checked before sending, in the page's words rather than the browser's
 * bubbles) and the server's refusals as words next to the field they concern. The words are passed in
 * (the page's language); English when none are.
 */
import type { ClientError } from '$lib/api/client';
import { errorField } from './field-errors';
import { describeConsoleError } from './messages';
import { setupText } from './setup-text';

export type SetupField = 'userPrincipalName' | 'displayName' | 'password' | 'confirmation';
export type SetupFieldErrors = Partial<Record<SetupField, string>>;
export type SetupWords = typeof setupText;

export interface SetupFormValues {
  userPrincipalName: string;
  displayName: string;
  password: string;
  confirmation: string;
}

/** As server/contracts/schemas.ts completeSetupBody: the password's minimum length. */
export const MIN_PASSWORD_LENGTH = 12;

export function checkSetupForm(values: SetupFormValues, t: SetupWords = setupText): SetupFieldErrors {
  const errors: SetupFieldErrors = {};
  if (values.userPrincipalName.trim() === '') errors.userPrincipalName = t.usernameMissing;
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = t.passwordTooShort;
  else if (values.confirmation !== values.password) errors.confirmation = t.mismatch;
  return errors;
}

const FIELDS: readonly SetupField[] = ['userPrincipalName', 'displayName', 'password'];
const isSetupField = (field: string | undefined): field is SetupField => FIELDS.includes(field as SetupField);

/**
 * A refused setup as words: on a field when the server names one (the server's own sentence, which
 * names the field in the page's language), else for the whole form (null: the link itself was
 * refused, which the page answers by checking the link again).
 */
export function setupRefusal(
  error: ClientError,
  t: SetupWords = setupText,
): { field: SetupField; message: string } | { field: null; message: string } | null {
  if (error.code === 'SETUP_LINK_INVALID') return null;
  if (error.code === 'USER_ALREADY_EXISTS') return { field: 'userPrincipalName', message: t.usernameTaken };
  const field = errorField(error);
  const message = describeConsoleError(error);
  return isSetupField(field) ? { field, message } : { field: null, message };
}
