// Obligations and advice travel only with a Permit or Deny that matches their FulfillOn /
// AppliesTo, from every child that was evaluated and agrees with the combined decision
// (AuthzForce core #91/#92: several Permit rules under deny-overrides all contribute).
import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './attributes.js';
import { compilePolicy } from './compile-policy.js';
import type { DecisionResult } from './decision.js';
import { policySetFromObject } from './policy-document.js';

const request: DecisionRequest = {
  subject: { id: 'alice', organization: 'acme' },
  resource: { owner: 'bob', type: 'vm' },
  action: { id: 'vm.delete' },
};

/** A rule with the given effect that applies (or not), carrying an obligation and an advice named after it. */
function rule(id: string, effect: 'Permit' | 'Deny', applies = true): object {
  return {
    id,
    effect,
    ...(applies ? {} : { condition: 'false' }),
    obligations: [{ id: `ob-${id}`, attributes: { rule: id } }],
    advice: [{ id: `ad-${id}` }],
  };
}

function decide(combining: string, rules: object[]): DecisionResult {
  const set = policySetFromObject({
    policySet: {
      id: 'root',
      combining: 'deny-overrides',
      policies: [{ policy: { id: 'p', combining, rules } }],
    },
  });
  return compilePolicy(set).decide(request);
}

const ids = (r: DecisionResult) => ({
  decision: r.decision,
  obligations: r.obligations.map((o) => o.id),
  advice: r.advice.map((a) => a.id),
});

describe('obligations and advice under each rule-combining algorithm', () => {
  it.each(['deny-overrides', 'ordered-deny-overrides'])(
    '%s with several Permit rules and no Deny returns all Permit rules’ obligations (AuthzForce #92)',
    (combining) => {
      const r = decide(combining, [rule('a', 'Permit'), rule('b', 'Permit', false), rule('c', 'Permit')]);
      expect(ids(r)).toEqual({ decision: 'Permit', obligations: ['ob-a', 'ob-c'], advice: ['ad-a', 'ad-c'] });
      expect(r.decidedBy).toEqual(['root', 'p', 'a']);
    },
  );

  it('deny-overrides with a Deny returns that Deny’s obligations only', () => {
    const r = decide('deny-overrides', [rule('a', 'Permit'), rule('d', 'Deny'), rule('e', 'Deny')]);
    expect(ids(r)).toEqual({ decision: 'Deny', obligations: ['ob-d'], advice: ['ad-d'] });
  });

  it.each(['permit-overrides', 'ordered-permit-overrides'])(
    '%s with several Deny rules returns all their obligations; a Permit returns its own',
    (combining) => {
      expect(ids(decide(combining, [rule('d', 'Deny'), rule('e', 'Deny')]))).toEqual({
        decision: 'Deny',
        obligations: ['ob-d', 'ob-e'],
        advice: ['ad-d', 'ad-e'],
      });
      expect(ids(decide(combining, [rule('d', 'Deny'), rule('a', 'Permit'), rule('b', 'Permit')]))).toEqual({
        decision: 'Permit',
        obligations: ['ob-a'],
        advice: ['ad-a'],
      });
    },
  );

  it('first-applicable returns the first applicable rule’s', () => {
    const r = decide('first-applicable', [rule('x', 'Deny', false), rule('a', 'Permit'), rule('d', 'Deny')]);
    expect(ids(r)).toEqual({ decision: 'Permit', obligations: ['ob-a'], advice: ['ad-a'] });
  });

  it('deny-unless-permit returns every Deny’s when nothing permits, and none for its default Deny', () => {
    expect(ids(decide('deny-unless-permit', [rule('d', 'Deny'), rule('e', 'Deny')]))).toEqual({
      decision: 'Deny',
      obligations: ['ob-d', 'ob-e'],
      advice: ['ad-d', 'ad-e'],
    });
    const fallback = decide('deny-unless-permit', [rule('a', 'Permit', false)]);
    expect(ids(fallback)).toEqual({ decision: 'Deny', obligations: [], advice: [] });
    expect(fallback.decidedBy).toEqual(['root', 'p']);
    expect(ids(decide('deny-unless-permit', [rule('d', 'Deny'), rule('a', 'Permit')]))).toEqual({
      decision: 'Permit',
      obligations: ['ob-a'],
      advice: ['ad-a'],
    });
  });

  it('permit-unless-deny returns every Permit’s when nothing denies', () => {
    expect(ids(decide('permit-unless-deny', [rule('a', 'Permit'), rule('b', 'Permit')]))).toEqual({
      decision: 'Permit',
      obligations: ['ob-a', 'ob-b'],
      advice: ['ad-a', 'ad-b'],
    });
    expect(ids(decide('permit-unless-deny', [rule('a', 'Permit'), rule('d', 'Deny')]))).toEqual({
      decision: 'Deny',
      obligations: ['ob-d'],
      advice: ['ad-d'],
    });
  });

  it('returns none with NotApplicable or Indeterminate', () => {
    expect(ids(decide('deny-overrides', [rule('a', 'Permit', false)]))).toEqual({
      decision: 'NotApplicable',
      obligations: [],
      advice: [],
    });
    const failing = { ...rule('x', 'Deny'), condition: 'resource.nothing == 1' };
    expect(ids(decide('deny-overrides', [rule('a', 'Permit'), failing]))).toEqual({
      decision: 'Indeterminate{DP}',
      obligations: [],
      advice: [],
    });
  });
});

describe('obligations of policies and policy sets', () => {
  const withOwn = (combining: string, rules: object[]) =>
    compilePolicy(
      policySetFromObject({
        policySet: {
          id: 'root',
          combining: 'first-applicable',
          obligations: [
            { id: 'set-permit', fulfillOn: 'Permit' },
            { id: 'set-deny', fulfillOn: 'Deny' },
          ],
          advice: [{ id: 'set-advice-deny', appliesTo: 'Deny' }],
          policies: [
            {
              policy: {
                id: 'p',
                combining,
                obligations: [
                  { id: 'policy-permit', fulfillOn: 'Permit', attributes: { by: { expr: 'subject.id' } } },
                ],
                rules,
              },
            },
          ],
        },
      }),
    ).decide(request);

  it('adds an element’s own obligations after its children’s, by FulfillOn / AppliesTo', () => {
    expect(ids(withOwn('deny-overrides', [rule('a', 'Permit')]))).toEqual({
      decision: 'Permit',
      obligations: ['ob-a', 'policy-permit', 'set-permit'],
      advice: ['ad-a'],
    });
    expect(ids(withOwn('deny-overrides', [rule('d', 'Deny')]))).toEqual({
      decision: 'Deny',
      obligations: ['ob-d', 'set-deny'],
      advice: ['ad-d', 'set-advice-deny'],
    });
  });

  it('evaluates assignment expressions against the request', () => {
    const r = withOwn('deny-overrides', [rule('a', 'Permit')]);
    expect(r.obligations.find((o) => o.id === 'policy-permit')?.attributes).toEqual({ by: 'alice' });
    expect(r.obligations.find((o) => o.id === 'ob-a')?.attributes).toEqual({ rule: 'a' });
  });
});

describe('attribute assignments that cannot be evaluated', () => {
  const set = (assignment: string, where: 'rule' | 'policy') =>
    policySetFromObject({
      policySet: {
        id: 'root',
        combining: 'deny-overrides',
        policies: [
          {
            policy: {
              id: 'p',
              combining: 'deny-overrides',
              ...(where === 'policy'
                ? {
                    obligations: [
                      { id: 'notify', fulfillOn: 'Permit', attributes: { to: { expr: assignment } } },
                    ],
                  }
                : {}),
              rules: [
                {
                  id: 'r',
                  effect: 'Permit',
                  ...(where === 'rule'
                    ? { advice: [{ id: 'notify', attributes: { to: { expr: assignment } } }] }
                    : {}),
                },
              ],
            },
          },
        ],
      },
    });

  it('take the value from the request (notify the owner)', () => {
    const r = compilePolicy(set('resource.owner', 'rule')).decide(request);
    expect(r.advice).toEqual([{ id: 'notify', attributes: { to: 'bob' } }]);
  });

  it('make a rule Indeterminate with its effect when an attribute is missing (§7.18)', () => {
    const r = compilePolicy(set('resource.manager', 'rule')).decide(request);
    expect(r.decision).toBe('Indeterminate{P}');
    expect(r.status).toMatchObject({ code: 'missing-attribute', path: 'root/p/r' });
    expect(r.status.message).toContain('resource.manager is missing');
    expect(r.advice).toEqual([]);
  });

  it('make a policy Indeterminate with its decision', () => {
    const r = compilePolicy(set('resource.manager', 'policy')).decide(request);
    expect(r.decision).toBe('Indeterminate{P}');
    expect(r.status).toMatchObject({ path: 'root/p' });
  });
});

describe('only-one-applicable passes on the selected policy’s obligations', () => {
  it('returns them', () => {
    const r = compilePolicy(
      policySetFromObject({
        policySet: {
          id: 'root',
          combining: 'only-one-applicable',
          policies: [
            {
              policy: {
                id: 'a',
                combining: 'deny-overrides',
                target: { 'action.id': 'other' },
                rules: [rule('x', 'Permit')],
              },
            },
            {
              policy: {
                id: 'b',
                combining: 'deny-overrides',
                target: { 'action.id': 'vm.delete' },
                rules: [rule('y', 'Deny')],
              },
            },
          ],
        },
      }),
    ).decide(request);
    expect(ids(r)).toEqual({ decision: 'Deny', obligations: ['ob-y'], advice: ['ad-y'] });
  });
});
