import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './attributes.js';
import { Fault } from './decision.js';
import { compileTarget, equalityFacts, globToRegExp, type Match, type Target } from './target.js';

const req: DecisionRequest = {
  subject: { id: 'alice', roles: ['viewer', 'auditor'], level: 3, name: 'x' },
  resource: { type: 'vm', size: 'big' },
  action: { id: 'vm.create' },
};

const m = (attr: string, fn: Match['fn'], value: Match['value'], mustBePresent = false): Match => {
  const [category, attribute] = attr.split('.') as [Match['category'], string];
  return { category, attribute, fn, value, mustBePresent };
};
const run = (t: Target) => compileTarget(t)(req);
/** A target with one AnyOf holding one AllOf with one match. */
const one = (match: Match): Target => [[[match]]];

describe('match functions', () => {
  it.each([
    [m('action.id', 'equals', 'vm.create'), true],
    [m('action.id', 'equals', 'vm.read'), false],
    [m('subject.roles', 'equals', 'auditor'), true],
    [m('subject.level', 'equals', '3'), false],
    [m('action.id', 'in', ['vm.read', 'vm.create']), true],
    [m('action.id', 'in', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'vm.create']), true],
    [m('action.id', 'in', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']), false],
    [m('action.id', 'glob', 'vm.*'), true],
    [m('action.id', 'glob', 'vm.?'), false],
    [m('action.id', 'glob', '*.create'), true],
    [m('action.id', 'prefix', 'vm.'), true],
    [m('action.id', 'prefix', 'service.'), false],
    [m('action.id', 'regex', '\\.(create|delete)$'), true],
    [m('subject.level', 'gt', 2), true],
    [m('subject.level', 'gte', 3), true],
    [m('subject.level', 'lt', 3), false],
    [m('subject.level', 'lte', 3), true],
  ])('%o → %s', (match, expected) => {
    expect(run(one(match))).toBe(expected);
  });

  it('is false for an absent attribute, or Indeterminate (missing-attribute) if it must be present', () => {
    expect(run(one(m('resource.owner', 'equals', 'x')))).toBe(false);
    expect(run(one(m('resource.owner', 'equals', 'x', true)))).toMatchObject({ code: 'missing-attribute' });
    expect(run(one(m('environment.hour', 'lt', 3)))).toBe(false);
  });

  it('is Indeterminate when a numeric match meets a value that is not a number', () => {
    expect(run(one(m('resource.size', 'gt', 1)))).toMatchObject({ code: 'processing-error' });
  });

  it('globs quote every other regular-expression character', () => {
    expect(globToRegExp('a.b+(c)').test('a.b+(c)')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});

describe('AnyOf / AllOf / Target combination (XACML 3.0 §7.7)', () => {
  const T = m('action.id', 'equals', 'vm.create');
  const F = m('action.id', 'equals', 'vm.read');
  const I = m('resource.owner', 'equals', 'x', true);

  it('an empty target matches', () => {
    expect(run([])).toBe(true);
  });

  it('AllOf: all true → true; any false → false, even beside Indeterminate; else Indeterminate', () => {
    expect(run([[[T, T]]])).toBe(true);
    expect(run([[[T, F]]])).toBe(false);
    expect(run([[[I, F]]])).toBe(false);
    expect(run([[[T, I]]])).toBeInstanceOf(Fault);
  });

  it('AnyOf: any true → true, even beside Indeterminate; else Indeterminate if any; else false', () => {
    expect(run([[[F], [T]]])).toBe(true);
    expect(run([[[I], [T]]])).toBe(true);
    expect(run([[[I], [F]]])).toBeInstanceOf(Fault);
    expect(run([[[F], [F]]])).toBe(false);
  });

  it('Target: all AnyOf true → match; any false → no match, even beside Indeterminate; else Indeterminate', () => {
    expect(run([[[T]], [[T]]])).toBe(true);
    expect(run([[[I]], [[F]]])).toBe(false);
    expect(run([[[F]], [[I]]])).toBe(false);
    expect(run([[[T]], [[I]]])).toBeInstanceOf(Fault);
  });
});

describe('equalityFacts', () => {
  it('collects attributes every AllOf of an AnyOf pins to values', () => {
    const facts = equalityFacts([
      [
        [m('action.id', 'equals', 'vm.read'), m('resource.type', 'equals', 'vm')],
        [m('action.id', 'in', ['a', 'b'])],
      ],
      [[m('resource.organization', 'equals', 'acme')]],
    ]);
    expect([...facts.keys()].sort()).toEqual(['action.id', 'resource.organization']);
    expect([...facts.get('action.id')!.values].sort()).toEqual(['a', 'b', 'vm.read']);
  });

  it('ignores non-equality matches and matches that must be present (an absent value is not false)', () => {
    const facts = equalityFacts([
      [[m('action.id', 'glob', 'vm.*'), m('resource.type', 'equals', 'vm', true)]],
    ]);
    expect(facts.size).toBe(0);
  });

  it('keeps the smaller value set when two AnyOf pin the same attribute', () => {
    const facts = equalityFacts([
      [[m('action.id', 'in', ['a', 'b', 'c'])]],
      [[m('action.id', 'equals', 'a')]],
    ]);
    expect([...facts.get('action.id')!.values]).toEqual(['a']);
  });
});
