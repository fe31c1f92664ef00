import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './attributes.js';
import { Fault } from './decision.js';
import { compileExpression } from './evaluate-expression.js';
import { parseExpression } from './expression-parser.js';

const req: DecisionRequest = {
  subject: { id: 'alice', organization: 'acme', roles: ['viewer', 'auditor'], mfa: true, level: 3 },
  resource: {
    organization: 'acme',
    sharedWith: ['globex', 'bob'],
    owner: 'carol',
    size: 10,
    odd: {} as never,
  },
  action: { id: 'vm.read' },
};

const run = (src: string, r: DecisionRequest = req) => compileExpression(parseExpression(src))(r);

describe('compileExpression', () => {
  it.each([
    ['subject.organization == resource.organization', true],
    ["subject.organization != 'acme'", false],
    ['subject.level < 4', true],
    ['subject.level >= 3', true],
    ["'b' > 'a'", true],
    ["'auditor' in subject.roles", true],
    ["'root' in subject.roles", false],
    ["subject.id in ['alice', 'bob']", true],
    ["subject.roles in ['auditor', 'x']", true],
    ["subject.roles in ['x']", false],
    ["subject.organization in 'acme'", true],
    ["subject.roles == ['auditor', 'viewer']", true],
    ["subject.roles == ['viewer']", false],
    ["subject.level == '3'", false],
    ['subject.mfa == true', true],
    ['not subject.mfa', false],
    ['has(resource.owner)', true],
    ['has(resource.nothing)', false],
    ["startsWith(action.id, 'vm.')", true],
    ["endsWith(action.id, '.create')", false],
    ['[subject.id, resource.owner] == [resource.owner, subject.id]', true],
  ])('%s → %s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });

  it('makes a missing attribute a missing-attribute fault', () => {
    const v = run('resource.nothing == 1');
    expect(v).toBeInstanceOf(Fault);
    expect(v).toMatchObject({ code: 'missing-attribute', message: 'resource.nothing is missing' });
  });

  it('treats an absent category and a null value as missing', () => {
    expect(run('environment.hour > 3')).toMatchObject({ code: 'missing-attribute' });
    expect(run('subject.id == 1', { ...req, subject: { id: null } })).toMatchObject({
      code: 'missing-attribute',
    });
  });

  it('reports a processing error for operands that do not compare', () => {
    expect(run("subject.level < 'x'")).toMatchObject({ code: 'processing-error' });
    expect(run('subject.roles < 3')).toMatchObject({ code: 'processing-error' });
    expect(run('resource.odd == 1')).toMatchObject({ code: 'processing-error' });
    expect(run("startsWith(subject.level, 'x')")).toMatchObject({ code: 'processing-error' });
    expect(run('not subject.level')).toMatchObject({ code: 'processing-error' });
  });

  it('lets false settle "and" and true settle "or" whatever the order, else the fault wins', () => {
    expect(run('resource.nothing == 1 and subject.mfa == false')).toBe(false);
    expect(run('subject.mfa == false and resource.nothing == 1')).toBe(false);
    expect(run('resource.nothing == 1 or subject.mfa')).toBe(true);
    expect(run('resource.nothing == 1 and subject.mfa')).toMatchObject({ code: 'missing-attribute' });
    expect(run('resource.nothing == 1 or not subject.mfa')).toMatchObject({ code: 'missing-attribute' });
    expect(run('not (resource.nothing == 1)')).toMatchObject({ code: 'missing-attribute' });
  });
});
