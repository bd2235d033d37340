/**
 * The zod schemas of every free-text field in the contract (names, sign-in names, descriptions): NFC,
 * trimmed, 1..max characters, and refused when server/domain/text.ts says so (control characters,
 * text-direction characters; for sign-in names also spaces and invisible characters). Use these, not
 * `z.string()`, for any text a person types and another person reads.
 */
import { z } from 'zod';
import { normalizeText, textProblem, type TextKind } from '../domain/text.js';

const checked = (kind: TextKind) =>
  z
    .string()
    .overwrite((value) => normalizeText(value).trim())
    .superRefine((value, ctx) => {
      const problem = textProblem(value, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A name or other single-line text shown to people: NFC, trimmed, 1..max characters. */
export const displayText = (max: number, emptyMessage?: string) =>
  checked('display').min(1, emptyMessage).max(max);

/** A sign-in name (userPrincipalName): as displayText, and no spaces or invisible characters. */
export const signInName = (max: number) => checked('identifier').min(1).max(max);

/** Text typed to search with: NFC and trimmed like the names it is compared with; may be empty. */
export const searchText = (max: number) => checked('display').max(max);
