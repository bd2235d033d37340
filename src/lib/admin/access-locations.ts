/**
 * The named-location form's rules: the address ranges as typed (one per line), every bad line at once
 * in the page's language before the save (the server checks again), and a refused save as the form
 * shows it. Pure.
 */
import { cidrProblem } from '$server/contracts/conditional-access';
import { errorField, messageWithoutField } from './field-errors';
import { sentence, type AccessText } from './access-form';
import { accessText } from './access-text';
import type { ClientError } from '$lib/api/client';

/** A non-empty line of the address ranges box, with its 1-based line number. */
export interface CidrLine {
  text: string;
  line: number;
}

export const cidrLines = (typed: string): CidrLine[] =>
  typed
    .split('\n')
    .map((text, index) => ({ text: text.trim(), line: index + 1 }))
    .filter((entry) => entry.text !== '');

/**
 * What is wrong with one range, in the page's language: the shared check (cidrProblem, the server's
 * own rule) says whether and how; its English is re-worded by case.
 */
export function cidrWords(range: string, text: AccessText = accessText): string | null {
  const problem = cidrProblem(range);
  if (problem === null) return null;
  const c = text.cidr;
  let match: RegExpMatchArray | null;
  if (problem === 'is empty') return c.empty;
  if ((match = problem.match(/^'(.*)' is not an IPv4 or IPv6 address$/))) return c.notAddress(match[1]!);
  if ((match = problem.match(/from 0 to (\d+)$/))) return c.prefix(match[1]!);
  if ((match = problem.match(/did you mean (\S+) \(the network\) or (\S+) \(one address\)/))) {
    return c.hostBits(match[1]!, match[2]!);
  }
  return problem;
}

/** Every bad line, each as "Line 2: '10.0.0.1/8' has host bits set: …". */
export function cidrLineProblems(lines: readonly CidrLine[], text: AccessText = accessText): string[] {
  return lines.flatMap(({ text: range, line }) => {
    const words = cidrWords(range, text);
    if (!words) return [];
    const quoted = `'${range}'`;
    return [text.locations.lineError(line, words.startsWith(quoted) ? words : `${quoted} ${words}`)];
  });
}

export interface LocationErrors {
  name: string | null;
  cidrs: string[];
  store: string | null;
  form: string | null;
}

export const noLocationErrors = (): LocationErrors => ({ name: null, cidrs: [], store: null, form: null });

/** A refused save next to the field it concerns; a range refused by the server names its line. */
export function locationRefusal(
  result: { status: number; error: ClientError },
  lines: readonly CidrLine[],
  describe: (error: ClientError) => string,
  text: AccessText = accessText,
): LocationErrors {
  const { error } = result;
  const errors = noLocationErrors();
  const field = errorField(error);
  const words = sentence(messageWithoutField(error));
  if (error.code === 'NAME_ALREADY_EXISTS') errors.name = text.locations.nameTaken;
  else if (field === 'displayName') errors.name = words;
  else if (field === 'groupId') errors.store = words;
  else if (field?.startsWith('cidrs')) {
    const line = lines[Number(field.split('.')[1])]?.line;
    errors.cidrs = [line ? text.locations.lineError(line, words) : words];
  } else if (error.code === 'REAUTHENTICATION_REQUIRED') errors.form = text.reauthCancelled;
  else errors.form = result.status === 403 ? text.adminsOnly : describe(error);
  if (errors.name || errors.store || errors.cidrs.length > 0) errors.form = text.locations.problems;
  return errors;
}
