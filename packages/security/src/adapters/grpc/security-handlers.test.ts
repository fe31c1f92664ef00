import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { DEFAULT_POLICY_YAML } from '../../domain/pdp/index.js';
import { checkPolicyDocument, decisionRequestFromPb, policyProblems } from './security-handlers.js';

describe('policy document checks', () => {
  it('splits the reader error into one problem per path', () => {
    const e = new ReservoirError(
      'INVALID_ARGUMENT',
      'policySet.combining: unknown algorithm\npolicySet.policies[0].policy.rules[1].effect: must be Permit or Deny',
      { field: 'policySet.combining' },
    );
    expect(policyProblems(e)).toEqual([
      { path: 'policySet.combining', message: 'unknown algorithm' },
      { path: 'policySet.policies[0].policy.rules[1].effect', message: 'must be Permit or Deny' },
    ]);
    const syntax = new ReservoirError('INVALID_ARGUMENT', 'line 2, column 3: bad indentation', { field: '' });
    expect(policyProblems(syntax)).toEqual([{ path: '', message: 'line 2, column 3: bad indentation' }]);
  });

  it('reports the size of a valid document and every problem of a broken one', () => {
    const ok = checkPolicyDocument(DEFAULT_POLICY_YAML);
    expect(ok).toMatchObject({ ok: true, problems: [], policyId: 'reservoir' });
    expect(ok.stats?.rules).toBeGreaterThan(10);
    expect(checkPolicyDocument('  ')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'the document is empty' }],
    });
    const broken = checkPolicyDocument(
      'policySet:\n  id: x\n  combining: nope\n  policies: []\n  extra: 1\n',
    );
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['policySet.combining', 'policySet.extra']),
    );
  });
});

describe('ExplainDecision requests', () => {
  it('lays attribute maps over the JSON request, keeping each value its type', () => {
    const req = decisionRequestFromPb({
      requestJson: JSON.stringify({
        subject: { id: 'user:a@acme', roles: ['viewer'] },
        resource: { type: 'vm', organization: 'acme' },
        action: { id: 'vm.read' },
      }),
      subject: {
        roles: { list: { values: ['org-admin', 'viewer'] } },
        interactive: { flag: true },
      },
      resource: { size: { number: 3 } },
      action: { id: { text: 'vm.delete' } },
    });
    expect(req).toEqual({
      subject: { id: 'user:a@acme', roles: ['org-admin', 'viewer'], interactive: true },
      resource: { type: 'vm', organization: 'acme', size: 3 },
      action: { id: 'vm.delete' },
      environment: {},
    });
  });

  it('refuses JSON that is not a request', () => {
    expect(() => decisionRequestFromPb({ requestJson: '[1]' })).toThrow(/request_json/);
    expect(() => decisionRequestFromPb({ requestJson: '{"subject": 3}' })).toThrow(/request_json.subject/);
    expect(() => decisionRequestFromPb({ requestJson: '{' })).toThrow(/is not JSON/);
  });
});
