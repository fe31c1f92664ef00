import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import { parsePolicyDocument, policySetFromObject } from './policy-document.js';

/** The problems of an invalid document, one "path: message" per line. */
function problems(text: string): string[] {
  try {
    parsePolicyDocument(text);
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return e.message.split('\n');
    throw e;
  }
  throw new Error('the document was accepted');
}

const VALID = `
policySet:
  id: root
  description: everything
  combining: deny-unless-permit
  target:
    - { action.id: { glob: 'vm.*' } }
    - anyOf:
        - { subject.roles: admin, subject.organization: acme }
        - { subject.roles: [viewer, auditor] }
  obligations:
    - id: audit
      fulfillOn: Permit
      attributes: { who: { expr: subject.id }, level: 3, tags: [a, b] }
  policies:
    - policy:
        id: p1
        combining: first-applicable
        rules:
          - id: r1
            effect: Permit
            target:
              resource.size: { gte: 1, lt: 10, mustBePresent: true }
              environment.zone: { regex: '^eu-' }
            condition: subject.organization == resource.organization
            advice:
              - id: notify
                attributes: { to: { expr: resource.owner } }
    - policySet:
        id: nested
        combining: only-one-applicable
        policies: []
`;

describe('parsePolicyDocument', () => {
  it('reads a valid document into the model', () => {
    const set = parsePolicyDocument(VALID);
    expect(set).toMatchObject({ kind: 'policySet', id: 'root', combining: 'deny-unless-permit' });
    expect(set.target).toHaveLength(2);
    expect(set.target[0]).toEqual([
      [{ category: 'action', attribute: 'id', fn: 'glob', value: 'vm.*', mustBePresent: false }],
    ]);
    expect(set.target[1]).toHaveLength(2);
    expect(set.target[1]![1]).toEqual([
      {
        category: 'subject',
        attribute: 'roles',
        fn: 'in',
        value: ['viewer', 'auditor'],
        mustBePresent: false,
      },
    ]);
    const policy = set.policies[0]!;
    expect(policy.kind).toBe('policy');
    const rule = policy.kind === 'policy' ? policy.rules[0]! : undefined;
    expect(rule?.target[0]![0]).toHaveLength(3);
    expect(rule?.target[0]![0]![0]).toMatchObject({ fn: 'gte', value: 1, mustBePresent: true });
    expect(rule?.condition).toMatchObject({ kind: 'compare', op: '==' });
    expect(rule?.advice[0]).toMatchObject({ id: 'notify', on: 'Permit' });
    expect(set.obligations[0]).toMatchObject({ id: 'audit', on: 'Permit' });
    expect(set.obligations[0]!.assignments.map((a) => a.value.kind)).toEqual([
      'attribute',
      'literal',
      'list',
    ]);
    expect(set.policies[1]).toMatchObject({
      kind: 'policySet',
      id: 'nested',
      combining: 'only-one-applicable',
    });
  });

  it('reads the same document written as JSON', () => {
    const json = JSON.stringify({
      policySet: {
        id: 'root',
        combining: 'deny-overrides',
        policies: [{ policy: { id: 'p', combining: 'deny-overrides', rules: [] } }],
      },
    });
    expect(parsePolicyDocument(json).policies[0]).toMatchObject({ id: 'p' });
  });

  it('reports YAML and JSON syntax errors with line and column', () => {
    expect(problems('policySet:\n  id: [a\n')[0]).toMatch(/^line \d+, column \d+: /);
    expect(problems('{\n  "policySet": {"id": "x",}}')[0]).toMatch(
      /^line 2, column 27: Expected double-quoted/,
    );
    expect(problems('{ "policySet": }')[0]).toMatch(/^invalid JSON: Unexpected token/);
    expect(problems('policySet:\n  id: a\n  id: b\n')[0]).toMatch(/^line 3, column 3: .*unique/);
  });

  it('reports every problem of a document at once, each with its path', () => {
    const text = `
policySet:
  id: root
  combining: deny-overides
  colour: blue
  target:
    subjct.id: x
    resource: y
    action.id: { glob: 3, like: x }
  policies:
    - policy:
        id: p
        combining: only-one-applicable
        rules:
          - id: r
            effect: permit
            condition: "subject.organization = resource.organization"
          - id: r
            effect: Deny
            condition: "subject.level > "
            obligations:
              - id: audit
                fulfillOn: Permit
          - id: s
            effect: Permit
            condition: "has(subjct.x)"
            advice:
              - id: notify
                attributes: { to: { expr: "resource.owner ==" }, constructor: 1, bad: { value: 1 } }
    - policy:
        id: p
        combining: deny-overrides
        rules: nope
    - policySet:
        id: q
        policies:
          - { nothing: {} }
          - { policy: { id: x, combining: deny-overrides, rules: [] }, policySet: {} }
`;
    expect(problems(text)).toEqual([
      'policySet.colour: unknown field (expected one of: id, description, combining, target, obligations, advice, policies)',
      'policySet.combining: unknown combining algorithm "deny-overides" (expected one of: deny-overrides, permit-overrides, first-applicable, deny-unless-permit, permit-unless-deny, ordered-deny-overrides, ordered-permit-overrides, only-one-applicable)',
      'policySet.policies[0].policy.combining: only-one-applicable combines policies, not rules',
      'policySet.policies[0].policy.rules[0].effect: must be Permit or Deny',
      "policySet.policies[0].policy.rules[0].condition: column 22: use '==' to compare",
      'policySet.policies[0].policy.rules[1].id: duplicate rule id "r" (also at policySet.policies[0].policy.rules[0])',
      "policySet.policies[0].policy.rules[1].obligations[0].fulfillOn: never applies: the rule's effect is Deny",
      'policySet.policies[0].policy.rules[1].condition: column 17: the expression ends too early',
      'policySet.policies[0].policy.rules[2].advice[0].attributes.to.expr: column 18: the expression ends too early',
      'policySet.policies[0].policy.rules[2].advice[0].attributes.constructor: "constructor" is a reserved name',
      'policySet.policies[0].policy.rules[2].advice[0].attributes.bad: must be a value, a list of values, or { expr: "…" }',
      "policySet.policies[0].policy.rules[2].condition: column 5: unknown attribute category 'subjct' (expected one of subject, resource, action, environment)",
      'policySet.policies[1].policy.id: duplicate policy or policy set id "p" (also at policySet.policies[0].policy)',
      'policySet.policies[1].policy.rules: must be a list',
      'policySet.policies[2].policySet.combining: is required (one of: deny-overrides, permit-overrides, first-applicable, deny-unless-permit, permit-unless-deny, ordered-deny-overrides, ordered-permit-overrides, only-one-applicable)',
      'policySet.policies[2].policySet.policies[0]: each entry is { policy: … } or { policySet: … }',
      'policySet.policies[2].policySet.policies[1]: each entry is { policy: … } or { policySet: … }',
      'policySet.target.subjct.id: unknown attribute category "subjct" (expected one of: subject, resource, action, environment)',
      'policySet.target.resource: name the attribute: category.name',
      'policySet.target.action.id.like: unknown field (expected one of: equals, in, glob, prefix, regex, lt, lte, gt, gte, mustBePresent)',
      'policySet.target.action.id.glob: must be a string',
    ]);
  });

  it('names the first problem’s path as the error field', () => {
    try {
      parsePolicyDocument('policySet: { id: x, combining: nope, policies: [] }');
      throw new Error('accepted');
    } catch (e) {
      expect(isReservoirError(e) && e.field).toBe('policySet.combining');
    }
  });

  it('checks match values by function', () => {
    const text = `
policySet:
  id: root
  combining: deny-overrides
  policies: []
  target:
    subject.a: { in: [] }
    subject.b: { in: [1, { x: 1 }] }
    subject.c: { lt: 'x' }
    subject.d: { regex: '(' }
    subject.e: { mustBePresent: yes }
    subject.f: { equals: [1] }
    subject.g: {}
`;
    expect(problems(text)).toEqual([
      'policySet.target.subject.a.in: must not be empty',
      'policySet.target.subject.b.in[1]: must be a string, number or boolean',
      'policySet.target.subject.c.lt: must be a number',
      expect.stringMatching(/^policySet\.target\.subject\.d\.regex: not a valid regular expression: /),
      'policySet.target.subject.e.mustBePresent: must be true or false',
      'policySet.target.subject.e: name a match function (one of: equals, in, glob, prefix, regex, lt, lte, gt, gte)',
      'policySet.target.subject.f.equals: must be a string, number or boolean',
      'policySet.target.subject.g: name a match function (one of: equals, in, glob, prefix, regex, lt, lte, gt, gte)',
    ]);
  });

  it('checks ids, effects, obligations and the document shape', () => {
    expect(problems('just text')).toEqual(['a policy document is a mapping with one key, policySet']);
    expect(
      problems(`
policySet:
  id: "has space"
  combining: deny-overrides
  obligations: [{ id: audit }, "x"]
  advice: [{ id: a, appliesTo: Maybe }]
  policies:
    - policy:
        id: p/q
        combining: deny-overrides
        rules:
          - { effect: Permit, description: 3 }
          - "rule"
`),
    ).toEqual([
      'policySet.id: must be a non-empty string without spaces or slashes',
      'policySet.policies[0].policy.id: must be a non-empty string without spaces or slashes',
      'policySet.policies[0].policy.rules[0].id: must be a non-empty string without spaces or slashes',
      'policySet.policies[0].policy.rules[0].description: must be a string',
      'policySet.policies[0].policy.rules[1]: must be a mapping',
      'policySet.obligations[0].fulfillOn: is required (Permit or Deny)',
      'policySet.obligations[1]: must be a mapping with id, fulfillOn and attributes',
      'policySet.advice[0].appliesTo: must be Permit or Deny',
    ]);
  });

  it('refuses nesting deeper than 32 policy sets', () => {
    let inner: object = { id: 'leaf', combining: 'deny-overrides', policies: [] };
    for (let i = 0; i < 40; i++)
      inner = { id: `s${i}`, combining: 'deny-overrides', policies: [{ policySet: inner }] };
    expect(() => policySetFromObject({ policySet: inner })).toThrow(/nest at most 32 deep/);
  });
});
