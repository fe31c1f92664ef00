import { describe, expect, it } from 'vitest';
import { isReservoirError } from '@reservoir/runtime';
import {
  DEFAULT_POLICY_YAML,
  RoleDirectory,
  parsePolicyDocument,
  type DecisionRequest,
} from '../domain/pdp/index.js';
import { DecisionPoint } from './decision-point.js';

const ALLOW_READS = `
policySet:
  id: v1
  combining: deny-unless-permit
  policies:
    - policy:
        id: reads
        combining: deny-overrides
        rules:
          - id: read
            effect: Permit
            target: { action.id: { glob: '*.read' } }
`;
const ALLOW_ALL = `
policySet:
  id: v2
  combining: permit-unless-deny
  policies: []
`;

const read: DecisionRequest = {
  subject: { id: 'alice' },
  resource: { type: 'vm' },
  action: { id: 'vm.read' },
};
const create: DecisionRequest = { ...read, action: { id: 'vm.create' } };

function invalid(f: () => unknown): { message: string; field: string | undefined } {
  try {
    f();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { message: e.message, field: e.field };
    throw e;
  }
  throw new Error('accepted');
}

describe('DecisionPoint', () => {
  it('decides with the policy it was given, as text or as a PolicySet', () => {
    const fromText = new DecisionPoint({ policy: ALLOW_READS });
    const fromSet = new DecisionPoint({ policy: parsePolicyDocument(ALLOW_READS) });
    for (const pdp of [fromText, fromSet]) {
      expect(pdp.decide(read)).toEqual({
        decision: 'Permit',
        status: { code: 'ok' },
        obligations: [],
        advice: [],
        decidedBy: ['v1', 'reads', 'read'],
      });
      expect(pdp.decide(create).decision).toBe('Deny');
      expect(pdp.version).toBe(1);
      expect(pdp.policyId).toBe('v1');
    }
  });

  it('refuses an invalid initial policy with every problem', () => {
    const e = invalid(() => new DecisionPoint({ policy: 'policySet: { id: x, combining: nope }' }));
    expect(e.field).toBe('policySet.combining');
    expect(e.message).toContain('policySet.policies: is required');
  });

  it('swaps in a new policy on reload and counts versions', () => {
    const pdp = new DecisionPoint({ policy: ALLOW_READS });
    expect(pdp.reload(ALLOW_ALL)).toBe(2);
    expect(pdp.version).toBe(2);
    expect(pdp.policyId).toBe('v2');
    expect(pdp.decide(create).decision).toBe('Permit');
  });

  it('keeps the old policy deciding when a reload is refused', () => {
    const pdp = new DecisionPoint({ policy: ALLOW_READS });
    const e = invalid(() => pdp.reload(ALLOW_READS.replace("glob: '*.read'", "glob: '*.read', like: x")));
    expect(e.message).toContain('policySet.policies[0].policy.rules[0].target.action.id.like: unknown field');
    expect(invalid(() => pdp.reload('policySet: [')).message).toMatch(/^line 1, column/);
    expect(pdp.version).toBe(1);
    expect(pdp.policyId).toBe('v1');
    expect(pdp.decide(read).decision).toBe('Permit');
    expect(pdp.decide(create).decision).toBe('Deny');
  });

  it('explains which elements were evaluated, with what result and why', () => {
    const pdp = new DecisionPoint({
      policy: `
policySet:
  id: root
  combining: deny-overrides
  policies:
    - policy:
        id: p
        combining: deny-overrides
        rules:
          - { id: owner-only, effect: Permit, condition: "resource.owner == subject.id" }
          - { id: never, effect: Deny, target: { action.id: vm.delete } }
`,
    });
    const { result, trace, version, policyId } = pdp.explain(read);
    expect(result.decision).toBe('Indeterminate{P}');
    expect(result.status).toEqual({
      code: 'missing-attribute',
      message: 'resource.owner is missing',
      path: 'root/p/owner-only',
    });
    expect(result.decidedBy).toEqual(['root', 'p', 'owner-only']);
    expect({ version, policyId }).toEqual({ version: 1, policyId: 'root' });
    expect(trace).toEqual([
      {
        kind: 'policySet',
        path: 'root',
        depth: 0,
        target: 'match',
        decision: 'Indeterminate{P}',
        reason: 'resource.owner is missing',
        candidates: { evaluated: 1, total: 1 },
      },
      {
        kind: 'policy',
        path: 'root/p',
        depth: 1,
        target: 'match',
        decision: 'Indeterminate{P}',
        reason: 'resource.owner is missing',
        candidates: { evaluated: 2, total: 2 },
      },
      {
        kind: 'rule',
        path: 'root/p/owner-only',
        depth: 2,
        target: 'match',
        condition: 'indeterminate',
        decision: 'Indeterminate{P}',
        reason: 'resource.owner is missing',
      },
      { kind: 'rule', path: 'root/p/never', depth: 2, target: 'no-match', decision: 'NotApplicable' },
    ]);
    expect(pdp.decide(read)).toEqual(result);
  });

  it('fills subject.roles from the role directory when the request carries none', async () => {
    const roles = await RoleDirectory.create([
      { member: 'alice', group: 'acme-ops', organization: 'acme' },
      { member: 'acme-ops', group: 'service-provider', organization: 'acme' },
      { member: 'root', group: 'system-admin' },
    ]);
    const pdp = new DecisionPoint({ policy: DEFAULT_POLICY_YAML, roles });
    const deploy = (subject: DecisionRequest['subject'], organization = 'acme') =>
      pdp.decide({ subject, resource: { type: 'service', organization }, action: { id: 'service.deploy' } })
        .decision;
    expect(deploy({ id: 'alice', organization: 'acme' })).toBe('Permit');
    expect(deploy({ id: 'alice', organization: 'globex' }, 'globex')).toBe('Deny');
    expect(deploy({ id: 'root' }, 'globex')).toBe('Permit');
    expect(deploy({ id: 'alice', organization: 'acme', roles: ['viewer'] })).toBe('Deny');
    expect(deploy({ id: 'alice', organization: 'acme', roles: null })).toBe('Permit');
    expect(deploy({ organization: 'acme' })).toBe('Deny');

    await roles.removeGrouping({ member: 'acme-ops', group: 'service-provider', organization: 'acme' });
    expect(deploy({ id: 'alice', organization: 'acme' })).toBe('Deny');
  });

  it('never throws while deciding, even without a request', () => {
    const pdp = new DecisionPoint({ policy: DEFAULT_POLICY_YAML });
    for (const req of [null, undefined, 42, { subject: null, resource: [], action: 'x' }])
      expect(pdp.decide(req as unknown as DecisionRequest).decision).toBe('Deny');
  });

  it('can decide without the index, with the same results', () => {
    const rules = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      effect: i % 4 ? 'Permit' : 'Deny',
      target: { 'action.id': `vm.a${i % 10}` },
    }));
    const policy = JSON.stringify({
      policySet: {
        id: 'root',
        combining: 'first-applicable',
        policies: [{ policy: { id: 'p', combining: 'first-applicable', rules } }],
      },
    });
    const indexed = new DecisionPoint({ policy });
    const linear = new DecisionPoint({ policy, index: false });
    expect([indexed.stats.indexed, linear.stats.indexed]).toEqual([1, 0]);
    for (let i = 0; i < 12; i++) {
      const req: DecisionRequest = { subject: {}, resource: {}, action: { id: `vm.a${i}` } };
      expect(indexed.decide(req)).toEqual(linear.decide(req));
    }
    expect(indexed.decide({ subject: {}, resource: {}, action: { id: 'vm.a4' } }).decidedBy).toEqual([
      'root',
      'p',
      'r4',
    ]);
  });
});
