/**
 * What-if: one sentence per policy saying what it does to this sign-in, so a policy is never labelled
 * "Does not apply" while the decision above says it blocked (an allow policy that speaks about the
 * person but whose conditions are not met refuses the sign-in: the allow-list rule). Pure: the words
 * are the `access` area of the console catalogue, English unless the caller passes another language's.
 */
import type { PolicyVerdict, WhatIfResult } from '$server/contracts/conditional-access';
import { accessText } from './access-text';

/** The reasons that explain the verdict, without the evaluator's report-only and missing-data notes. */
export function verdictDetails(verdict: Pick<PolicyVerdict, 'reasons'>): string[] {
  return verdict.reasons.filter((reason) => !/^(report-only|treated as|disabled:)/.test(reason));
}

export function verdictSentence(
  verdict: Pick<
    PolicyVerdict,
    'state' | 'grant' | 'applies' | 'result' | 'reasons' | 'assigned' | 'refusesAsAllowList'
  >,
  text: typeof accessText = accessText,
): string {
  const s = text.whatIf.sentences;
  if (verdict.state === 'disabled' || verdict.result === 'notEvaluated') return s.off;
  const reportOnly = verdict.state === 'reportOnly';
  const reason = verdictDetails(verdict)[0] ?? '';
  if (verdict.result !== 'notApplicable') {
    const does = {
      block: reportOnly ? s.wouldBlock : s.blocks,
      allow: reportOnly ? s.wouldAllow : s.allows,
      requireSecondFactor: reportOnly ? s.wouldRequireSecondFactor : s.requiresSecondFactor,
    }[verdict.result];
    return verdict.applies === 'unknown' ? `${does} ${s.missingFact(reason)}` : does;
  }
  if (verdict.refusesAsAllowList) return reportOnly ? s.wouldRefuse(reason) : s.refuses(reason);
  if (verdict.grant === 'allow' && verdict.assigned) return s.otherAllows(reason);
  return s.notApplying(reason);
}

/** A policy's verdict as a sign-in log row keeps it: rows written before the what-if sentences lack some fields. */
export type LoggedVerdict = Pick<PolicyVerdict, 'result' | 'reasons'> &
  Partial<Pick<PolicyVerdict, 'state' | 'grant' | 'applies' | 'assigned' | 'refusesAsAllowList'>>;

/** The what-if sentence for a logged verdict; a row too old to carry the facts it needs keeps its one-word result. */
export function loggedVerdictSentence(verdict: LoggedVerdict, text: typeof accessText = accessText): string {
  const { state, grant, applies } = verdict;
  if (state === undefined || grant === undefined || applies === undefined) {
    return text.results[verdict.result] ?? verdict.result;
  }
  return verdictSentence(
    {
      ...verdict,
      state,
      grant,
      applies,
      assigned: verdict.assigned ?? false,
      refusesAsAllowList: verdict.refusesAsAllowList ?? false,
    },
    text,
  );
}

/**
 * What-if's decision in one sentence of the page's language, naming the enabled policies behind it
 * (the server's own `reason` is English and repeats each policy's details, which the verdicts show).
 */
export function decisionSentence(
  result: Pick<WhatIfResult, 'decision' | 'decidedBy' | 'reason'> & {
    verdicts: readonly Pick<PolicyVerdict, 'policyId' | 'name'>[];
  },
  text: typeof accessText = accessText,
): string {
  const d = text.whatIf.decidedBy;
  const names = result.verdicts
    .filter((verdict) => result.decidedBy.includes(verdict.policyId))
    .map((verdict) => `“${verdict.name}”`)
    .join(', ');
  if (!names) return result.decision === 'allow' ? d.none : result.reason;
  return d[result.decision](names);
}
