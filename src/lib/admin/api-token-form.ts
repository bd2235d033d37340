/**
 * The API-token form: what the token may do (nothing ticked at first) and when it expires. A date
 * input (YYYY-MM-DD, the admin's local calendar) stands for the end of that day. The server allows at
 * most 365 days from now, so the latest date offered is 364 days ahead (its end is still inside the
 * limit); the default is 90 days ahead, as on the server.
 */
import {
  API_TOKEN_DEFAULT_LIFETIME_DAYS,
  API_TOKEN_MAX_LIFETIME_DAYS,
  API_TOKEN_SCOPES,
  type ApiTokenScope,
} from '$server/contracts/api-tokens';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date `days` after `now`, as a date input value. */
export function dateInputValue(now: Date, days: number): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The instant a chosen date stands for (the last millisecond of that local day), or null if not a date. */
export function endOfLocalDay(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const end = new Date(year, month, day + 1, 0, 0, 0, -1);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

export const expiryBounds = (now: Date) => ({
  min: dateInputValue(now, 0),
  max: dateInputValue(now, API_TOKEN_MAX_LIFETIME_DAYS - 1),
  default: dateInputValue(now, API_TOKEN_DEFAULT_LIFETIME_DAYS),
});

/** The scopes ticked when the form opens: none, so the admin picks the narrowest that does the job. */
export const initialScopes = (): ApiTokenScope[] => [];

/** The scopes to send, in list order, or null when none is ticked (the form asks for one). */
export function scopesToSend(ticked: readonly ApiTokenScope[]): ApiTokenScope[] | null {
  const scopes = API_TOKEN_SCOPES.filter((scope) => ticked.includes(scope));
  return scopes.length > 0 ? scopes : null;
}
