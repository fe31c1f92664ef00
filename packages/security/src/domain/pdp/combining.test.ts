// Every pair of child decisions under every combining algorithm, as the OASIS conformance tests
// (group IID) and the XACML 3.0 appendix C tables have it, evaluated through real compiled
// policies: children are built to yield Permit, Deny, NotApplicable or an extended Indeterminate.
import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './attributes.js';
import { compilePolicy } from './compile-policy.js';
import type { Decision } from './decision.js';
import { policySetFromObject } from './policy-document.js';
import { POLICY_COMBINING, RULE_COMBINING, type PolicyCombiningAlgorithm } from './policy.js';

type V = 'P' | 'D' | 'N' | 'iD' | 'iP' | 'iDP';
const VALUES: V[] = ['P', 'D', 'N', 'iD', 'iP', 'iDP'];
const DECISION: Record<V, Decision> = {
  P: 'Permit',
  D: 'Deny',
  N: 'NotApplicable',
  iD: 'Indeterminate{D}',
  iP: 'Indeterminate{P}',
  iDP: 'Indeterminate{DP}',
};

/** Rules yielding each value; a rule can only be Indeterminate{D} or {P}. */
const RULE: Record<Exclude<V, 'iDP'>, (id: string) => object> = {
  P: (id) => ({ id, effect: 'Permit' }),
  D: (id) => ({ id, effect: 'Deny' }),
  N: (id) => ({ id, effect: 'Permit', condition: 'false' }),
  iD: (id) => ({ id, effect: 'Deny', condition: 'resource.missing == 1' }),
  iP: (id) => ({ id, effect: 'Permit', condition: 'resource.missing == 1' }),
};

/** A policy yielding the value; Indeterminate{DP} is Indeterminate{D} beside a Permit under deny-overrides. */
function childPolicy(v: V, id: string): object {
  const rules = v === 'iDP' ? [RULE.iD(`${id}-r1`), RULE.P(`${id}-r2`)] : [RULE[v](`${id}-r`)];
  return { policy: { id, combining: 'deny-overrides', rules } };
}

const request: DecisionRequest = { subject: {}, resource: {}, action: {} };

function decideSet(combining: string, children: V[], target?: object): Decision {
  const set = policySetFromObject({
    policySet: { id: 'root', combining, target, policies: children.map((v, i) => childPolicy(v, `c${i}`)) },
  });
  return compilePolicy(set).decide(request).decision;
}

function decidePolicy(combining: string, rules: Exclude<V, 'iDP'>[], target?: object): Decision {
  const set = policySetFromObject({
    policySet: {
      id: 'root',
      combining: 'first-applicable',
      policies: [{ policy: { id: 'p', combining, target, rules: rules.map((v, i) => RULE[v](`r${i}`)) } }],
    },
  });
  return compilePolicy(set).decide(request).decision;
}

/** Rows: first child; columns: second child; both in the order P, D, N, iD, iP, iDP. */
const TABLES: Record<string, V[][]> = {
  'deny-overrides': [
    ['P', 'D', 'P', 'iDP', 'P', 'iDP'],
    ['D', 'D', 'D', 'D', 'D', 'D'],
    ['P', 'D', 'N', 'iD', 'iP', 'iDP'],
    ['iDP', 'D', 'iD', 'iD', 'iDP', 'iDP'],
    ['P', 'D', 'iP', 'iDP', 'iP', 'iDP'],
    ['iDP', 'D', 'iDP', 'iDP', 'iDP', 'iDP'],
  ],
  'permit-overrides': [
    ['P', 'P', 'P', 'P', 'P', 'P'],
    ['P', 'D', 'D', 'D', 'iDP', 'iDP'],
    ['P', 'D', 'N', 'iD', 'iP', 'iDP'],
    ['P', 'D', 'iD', 'iD', 'iDP', 'iDP'],
    ['P', 'iDP', 'iP', 'iDP', 'iP', 'iDP'],
    ['P', 'iDP', 'iDP', 'iDP', 'iDP', 'iDP'],
  ],
  'first-applicable': VALUES.map((a) => VALUES.map((b) => (a === 'N' ? b : a))),
  'deny-unless-permit': VALUES.map((a) => VALUES.map((b) => (a === 'P' || b === 'P' ? 'P' : 'D'))),
  'permit-unless-deny': VALUES.map((a) => VALUES.map((b) => (a === 'D' || b === 'D' ? 'D' : 'P'))),
};
TABLES['ordered-deny-overrides'] = TABLES['deny-overrides']!;
TABLES['ordered-permit-overrides'] = TABLES['permit-overrides']!;

const pairs = (values: V[]) => values.flatMap((a, i) => values.map((b, j) => [a, b, i, j] as const));

describe.each(Object.keys(TABLES))('policy combining %s', (combining) => {
  it.each(pairs(VALUES))('%s, %s', (a, b, i, j) => {
    expect(decideSet(combining, [a, b])).toBe(DECISION[TABLES[combining]![i]![j]!]);
  });

  it('is NotApplicable without children unless it is a *-unless-* algorithm', () => {
    const expected =
      { 'deny-unless-permit': 'Deny', 'permit-unless-deny': 'Permit' }[combining] ?? 'NotApplicable';
    expect(decideSet(combining, [])).toBe(expected);
  });
});

describe.each(RULE_COMBINING)('rule combining %s', (combining) => {
  const ruleValues = VALUES.filter((v): v is Exclude<V, 'iDP'> => v !== 'iDP');
  it.each(pairs(ruleValues))('%s, %s', (a, b, i, j) => {
    expect(decidePolicy(combining, [a as Exclude<V, 'iDP'>, b as Exclude<V, 'iDP'>])).toBe(
      DECISION[TABLES[combining]![i]![j]!],
    );
  });
});

describe('order-sensitive algorithms over three children', () => {
  it('first-applicable takes the first that applies, Indeterminate included', () => {
    expect(decideSet('first-applicable', ['N', 'iP', 'D'])).toBe('Indeterminate{P}');
    expect(decideSet('first-applicable', ['N', 'N', 'D'])).toBe('Deny');
  });

  it('deny-overrides stops at a Deny anywhere', () => {
    expect(decideSet('deny-overrides', ['P', 'iP', 'D'])).toBe('Deny');
    expect(decideSet('ordered-deny-overrides', ['iDP', 'N', 'D'])).toBe('Deny');
  });
});

describe('only-one-applicable (policy sets only)', () => {
  const applicable = (v: V, id: string, applies: boolean | 'indeterminate') => ({
    policy: {
      id,
      combining: 'deny-overrides',
      target:
        applies === 'indeterminate'
          ? { 'resource.missing': { equals: 1, mustBePresent: true } }
          : { 'action.id': applies ? 'go' : 'stop' },
      rules: v === 'iDP' ? [RULE.iD(`${id}-r1`), RULE.P(`${id}-r2`)] : [RULE[v](`${id}-r`)],
    },
  });
  const decide = (...children: object[]) =>
    compilePolicy(
      policySetFromObject({
        policySet: { id: 'root', combining: 'only-one-applicable', policies: children },
      }),
    ).decide({ ...request, action: { id: 'go' } });

  it('is NotApplicable when no child applies', () => {
    expect(decide(applicable('P', 'a', false), applicable('D', 'b', false)).decision).toBe('NotApplicable');
  });

  it.each(VALUES)('returns the one applicable child’s decision (%s)', (v) => {
    expect(decide(applicable('D', 'a', false), applicable(v, 'b', true)).decision).toBe(DECISION[v]);
  });

  it('is Indeterminate{DP} when two children apply, naming them', () => {
    const r = decide(applicable('P', 'a', true), applicable('P', 'b', true));
    expect(r.decision).toBe('Indeterminate{DP}');
    expect(r.status).toMatchObject({ code: 'processing-error', path: 'root' });
    expect(r.status.message).toContain('both a and b apply');
  });

  it('is Indeterminate{DP} when a child’s applicability cannot be told', () => {
    const r = decide(applicable('P', 'a', true), applicable('P', 'b', 'indeterminate'));
    expect(r.decision).toBe('Indeterminate{DP}');
    expect(r.status).toMatchObject({ code: 'missing-attribute', path: 'root/b' });
  });

  it('is refused on a policy: only-one-applicable combines policies, not rules', () => {
    expect(() =>
      policySetFromObject({
        policySet: {
          id: 'root',
          combining: 'deny-overrides',
          policies: [{ policy: { id: 'p', combining: 'only-one-applicable', rules: [] } }],
        },
      }),
    ).toThrow(/policies\[0\]\.policy\.combining: only-one-applicable combines policies, not rules/);
  });

  it('is a known policy combining algorithm', () => {
    expect(POLICY_COMBINING).toContain('only-one-applicable' satisfies PolicyCombiningAlgorithm);
  });
});

describe('an Indeterminate target (XACML 3.0 §7.14, Table 7)', () => {
  const indeterminate = { 'resource.missing': { equals: 1, mustBePresent: true } };
  const table: Record<V, V> = { P: 'iP', D: 'iD', N: 'N', iD: 'iD', iP: 'iP', iDP: 'iDP' };

  it.each(VALUES)('on a policy set whose children combine to %s', (v) => {
    expect(decideSet('deny-overrides', [v], indeterminate)).toBe(DECISION[table[v]]);
  });

  it.each(VALUES.filter((v) => v !== 'iDP') as Exclude<V, 'iDP'>[])(
    'on a policy whose rules combine to %s',
    (v) => {
      expect(decidePolicy('deny-overrides', [v], indeterminate)).toBe(DECISION[table[v]]);
    },
  );

  it('on a rule: Indeterminate with the rule’s effect, without evaluating the condition', () => {
    const set = policySetFromObject({
      policySet: {
        id: 'root',
        combining: 'deny-overrides',
        policies: [
          {
            policy: {
              id: 'p',
              combining: 'deny-overrides',
              rules: [{ id: 'r', effect: 'Deny', target: indeterminate, condition: 'false' }],
            },
          },
        ],
      },
    });
    const r = compilePolicy(set).decide(request);
    expect(r.decision).toBe('Indeterminate{D}');
    expect(r.status).toEqual({
      code: 'missing-attribute',
      message: 'resource.missing is missing (mustBePresent)',
      path: 'root/p/r',
    });
  });
});
