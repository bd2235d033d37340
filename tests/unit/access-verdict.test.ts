/** What-if's one sentence per policy: every combination of a verdict, and never two contradicting labels. */
import { describe, expect, test } from 'vitest';
import {
  loggedVerdictSentence,
  verdictDetails,
  verdictSentence,
} from '../../src/lib/admin/access-verdict.js';
import {
  evaluateConditionalAccess,
  GRANTS,
  POLICY_STATES,
  TEMPLATES,
  type Grant,
  type PolicyState,
  type PolicyVerdict,
} from '../../server/domain/conditional-access.js';

const REASON = 'role worker is not included';

/** Every verdict the evaluator can give: `result` and `refusesAsAllowList` follow from the rest. */
function everyVerdict(): PolicyVerdict[] {
  const verdicts: PolicyVerdict[] = [];
  for (const state of POLICY_STATES as readonly PolicyState[]) {
    for (const grant of GRANTS as readonly Grant[]) {
      for (const applies of [true, false, 'unknown'] as const) {
        for (const assigned of [true, false]) {
          for (const anotherAllowApplies of [true, false]) {
            const effective = applies === true || (applies === 'unknown' && grant !== 'allow');
            const disabled = state === 'disabled';
            verdicts.push({
              policyId: 'p',
              name: 'p',
              state,
              grant,
              applies: disabled ? false : applies,
              assigned: disabled ? false : assigned,
              result: disabled ? 'notEvaluated' : effective ? grant : 'notApplicable',
              reasons: disabled
                ? ['disabled: not evaluated']
                : [REASON, ...(state === 'reportOnly' ? ['report-only: not enforced'] : [])],
              refusesAsAllowList:
                !disabled && grant === 'allow' && assigned && !effective && !anotherAllowApplies,
            });
          }
        }
      }
    }
  }
  return verdicts;
}

describe('one sentence per policy', () => {
  const named = (v: PolicyVerdict) =>
    `${v.state} ${v.grant}, applies ${String(v.applies)}, assigned ${v.assigned}, refuses ${v.refusesAsAllowList}`;
  test.each(everyVerdict().map((v) => [named(v), v] as const))('%s', (_name, verdict) => {
    const sentence = verdictSentence(verdict);
    const blocks = verdict.result === 'block' || verdict.refusesAsAllowList;
    if (verdict.state === 'disabled') {
      expect(sentence).toBe('Off, so it is not checked.');
      return;
    }
    // What the policy does to the sign-in is said once, and never contradicted.
    if (blocks) {
      expect(sentence).toMatch(/\bblocks? this sign-in\b/);
      expect(sentence).not.toContain('Does not apply');
    } else {
      expect(sentence).not.toMatch(/block/);
    }
    if (verdict.result === 'allow') expect(sentence).toMatch(/lets? this sign-in in/);
    if (verdict.result === 'requireSecondFactor') expect(sentence).toContain('require');
    if (verdict.result === 'notApplicable' && !verdict.refusesAsAllowList) {
      expect(sentence).toContain(REASON);
      if (!(verdict.grant === 'allow' && verdict.assigned)) {
        expect(sentence).toBe(`Does not apply because ${REASON}.`);
      }
    }
    // Report-only says it is not enforced whenever it would change something; enabled never does.
    if (verdict.state === 'reportOnly' && verdict.result !== 'notApplicable') {
      expect(sentence).toMatch(/^Report-only: would .*\(not enforced\)/);
    }
    if (verdict.state === 'enabled') expect(sentence).not.toContain('Report-only');
    if (verdict.applies === 'unknown' && verdict.result !== 'notApplicable') {
      expect(sentence).toContain(`A fact is missing (${REASON})`);
    }
    expect(sentence).not.toContain('report-only: not enforced');
  });
});

test('exact words for the allow-list refusal that used to read "Does not apply" beside "Blocked"', () => {
  const template = TEMPLATES.find((t) => t.key === 'workers-enrolled-devices-own-store')!.policy;
  const result = evaluateConditionalAccess(
    [{ ...template, id: 'own', state: 'enabled' }],
    [{ id: 'loc', name: 'Lisbon Wi-Fi', cidrs: ['203.0.113.0/24'], groupId: 'g' }],
    {
      user: { id: 'u', role: 'worker', groupIds: ['g'] },
      device: null,
      clientAddress: '203.0.113.9',
      instant: new Date('2026-01-05T10:00:00Z'),
      timeZone: 'Europe/Lisbon',
      method: 'qrPin',
    },
  );
  expect(result.decision).toBe('block');
  expect(verdictSentence(result.verdicts[0]!)).toBe(
    'Applies to this person, but its conditions are not met (no device information), so it blocks this sign-in: only sign-ins it allows get in.',
  );
  expect(verdictDetails(result.verdicts[0]!)).toEqual(['no device information']);
});

describe('a verdict kept in the sign-in log', () => {
  test('says what what-if says when the row carries the facts', () => {
    for (const verdict of everyVerdict()) {
      expect(loggedVerdictSentence(verdict)).toBe(verdictSentence(verdict));
    }
  });

  test('an older row without them keeps its one-word result, never a sentence it cannot back', () => {
    expect(loggedVerdictSentence({ result: 'block', reasons: [REASON] })).toBe('Blocks');
    expect(loggedVerdictSentence({ result: 'notApplicable', reasons: [] })).toBe('Does not apply');
  });
});
