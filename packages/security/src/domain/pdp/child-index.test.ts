// The index must never change a decision: for random policies and requests, deciding with the
// index gives exactly what deciding by visiting every child gives (decision, status, obligations,
// advice, decidedBy), under every combining algorithm, ordered ones included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './attributes.js';
import { ChildIndex } from './child-index.js';
import { compilePolicy } from './compile-policy.js';
import { policySetFromObject } from './policy-document.js';
import { POLICY_COMBINING, RULE_COMBINING } from './policy.js';
import { equalityFacts, type Match } from './target.js';

const ACTIONS = ['a0', 'a1', 'a2', 'a3', 'a4'];
const TYPES = ['t0', 't1', 't2'];
const ROLES = ['r0', 'r1', 'r2', 'r3'];

const matchSpec = fc.oneof(
  fc.record({ 'action.id': fc.constantFrom(...ACTIONS) }),
  fc.record({ 'action.id': fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }) }),
  fc.record({ 'resource.type': fc.constantFrom(...TYPES) }),
  fc.record({ 'subject.roles': fc.constantFrom(...ROLES) }),
  fc.record({ 'action.id': fc.constant({ glob: 'a[12]*' }) }).map(() => ({ 'action.id': { glob: 'a1*' } })),
  fc.constant({ 'resource.type': { equals: 't1', mustBePresent: true } }),
  fc.constant({ 'subject.level': { gt: 2 } }),
);
const allOf = fc.array(matchSpec, { minLength: 1, maxLength: 3 }).map((specs) => Object.assign({}, ...specs));
const target = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: allOf },
  {
    weight: 2,
    arbitrary: fc.array(allOf, { minLength: 2, maxLength: 3 }).map((groups) => [{ anyOf: groups }]),
  },
  { weight: 1, arbitrary: fc.tuple(allOf, allOf) },
);
const condition = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  'subject.level > 1',
  'resource.missing == 1',
  'has(resource.owner) and resource.owner == subject.id',
  "'r1' in subject.roles or subject.level < 2",
);
const directives = fc.constantFrom(
  undefined,
  [{ id: 'audit', attributes: { by: { expr: 'subject.id' } } }],
  [{ id: 'notify', attributes: { to: { expr: 'resource.owner' } } }],
);

const rule = (i: number) =>
  fc
    .record({
      effect: fc.constantFrom('Permit', 'Deny'),
      target,
      condition,
      obligations: directives,
    })
    .map((r) => ({ id: `r${i}`, ...strip(r) }));

let policyCounter = 0;
const policy = fc
  .tuple(fc.constantFrom(...RULE_COMBINING), target, fc.integer({ min: 0, max: 30 }), fc.integer())
  .chain(([combining, t, n]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => rule(i))).map((rules) => ({
      policy: strip({ id: `p${policyCounter++}`, combining, target: t, rules }),
    })),
  );
const policySet = fc
  .tuple(fc.constantFrom(...POLICY_COMBINING), target, fc.array(policy, { minLength: 0, maxLength: 12 }))
  .map(([combining, t, policies]) => ({ policySet: strip({ id: 'root', combining, target: t, policies }) }));

const request: fc.Arbitrary<DecisionRequest> = fc.record({
  subject: fc.record(
    { id: fc.constantFrom('u0', 'u1'), roles: fc.subarray(ROLES), level: fc.integer({ min: 0, max: 4 }) },
    { requiredKeys: ['id'] },
  ),
  resource: fc.record(
    { type: fc.constantFrom(...TYPES), owner: fc.constantFrom('u0', 'u1') },
    { requiredKeys: [] },
  ),
  action: fc.record({ id: fc.constantFrom(...ACTIONS) }, { requiredKeys: [] }),
});

/** Drops undefined fields, as a YAML document would not have them. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

describe('ChildIndex', () => {
  it('never changes a decision (property)', () => {
    fc.assert(
      fc.property(policySet, fc.array(request, { minLength: 1, maxLength: 20 }), (doc, requests) => {
        const set = policySetFromObject(doc);
        const indexed = compilePolicy(set);
        const linear = compilePolicy(set, { index: false });
        for (const req of requests) expect(indexed.decide(req)).toEqual(linear.decide(req));
      }),
      { numRuns: 300 },
    );
  });

  it('visits only candidate children, in document order, with non-indexable ones always included', () => {
    const rules = [
      ...Array.from({ length: 20 }, (_, i) => ({
        id: `eq${i}`,
        effect: 'Permit',
        target: { 'action.id': `a${i}` },
      })),
      { id: 'glob', effect: 'Deny', target: { 'action.id': { glob: 'a1*' } } },
      { id: 'again', effect: 'Deny', target: { 'action.id': 'a1' } },
    ];
    const set = policySetFromObject({
      policySet: {
        id: 'root',
        combining: 'first-applicable',
        policies: [{ policy: { id: 'p', combining: 'first-applicable', rules } }],
      },
    });
    const pdp = compilePolicy(set);
    expect(pdp.stats.indexed).toBe(1);
    const { result, trace } = pdp.explain({ subject: {}, resource: {}, action: { id: 'a1' } });
    expect(result.decidedBy).toEqual(['root', 'p', 'eq1']);
    expect(trace.find((t) => t.path === 'root/p')?.candidates).toEqual({ evaluated: 3, total: 22 });
    expect(trace.filter((t) => t.kind === 'rule').map((t) => t.path)).toEqual(['root/p/eq1']);
    const other = pdp.explain({ subject: {}, resource: {}, action: { id: 'a1x' } });
    expect(other.result.decidedBy).toEqual(['root', 'p', 'glob']);
    expect(other.trace.find((t) => t.path === 'root/p')?.candidates).toEqual({ evaluated: 1, total: 22 });
  });

  it('splits again on a second attribute and keeps each child once', () => {
    const m = (attribute: string, value: string | string[]): Match => ({
      category: attribute === 'roles' ? 'subject' : 'action',
      attribute,
      fn: Array.isArray(value) ? 'in' : 'equals',
      value,
      mustBePresent: false,
    });
    const children = Array.from({ length: 600 }, (_, i) => [
      [[m('id', `a${i % 3}`), m('roles', [`r${i % 20}`, `r${(i + 1) % 20}`])]],
    ]);
    const index = ChildIndex.build(children, (c) => equalityFacts(c))!;
    const hits = index.select({ subject: { roles: ['r1', 'r2', 'r3'] }, resource: {}, action: { id: 'a1' } });
    // Buckets of 60 children per role are split again by action, so only exact candidates remain;
    // a child listed under two of the request's roles comes back once.
    const expected = children.filter(
      (_, i) => i % 3 === 1 && [1, 2, 3].some((r) => r === i % 20 || r === (i + 1) % 20),
    );
    expect(hits).toEqual(expected);
  });

  it('is not built for a few children or children without equality facts', () => {
    expect(ChildIndex.build([1, 2, 3], () => new Map())).toBeUndefined();
    expect(
      ChildIndex.build(
        Array.from({ length: 50 }, (_, i) => i),
        () => new Map(),
      ),
    ).toBeUndefined();
  });
});
