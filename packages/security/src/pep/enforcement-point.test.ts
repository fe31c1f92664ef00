import { errors, isReservoirError, type CallContext, type ReservoirError } from '@reservoir/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionPoint } from '../app/decision-point.js';
import { DEFAULT_POLICY_YAML } from '../domain/pdp/index.js';
import { securityFixture, type SecurityFixture } from '../testing/security-fixture.js';
import { AUTHENTICATED, PUBLIC, type AccessEntry } from './access-map.js';
import { enforcementPoint, type EnforcementOptions } from './enforcement-point.js';

function call(method: string, authorization?: string): CallContext {
  return {
    method,
    metadata: authorization ? { authorization } : {},
    peer: 'test',
    signal: new AbortController().signal,
  };
}

async function refusal(p: unknown): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    if (isReservoirError(e)) return e;
    throw e;
  }
  throw new Error('the call was admitted');
}

describe('the enforcement point', () => {
  let f: SecurityFixture;
  let now = 1_000_000;
  const vms = new Map([['vm-1', { organization: 'acme', owner: 'user:ann@acme' }]]);
  const used = { acme: 0 };
  const rules = new Map<string, AccessEntry<unknown>>([
    ['/t/Health', PUBLIC],
    ['/t/WhoAmI', AUTHENTICATED],
    ['/t/ListVms', { action: 'vm.list' }],
    [
      '/t/GetVm',
      {
        action: 'vm.read',
        resource: (req) => {
          const id = (req as { id: string }).id;
          const vm = vms.get(id);
          if (!vm) throw errors.notFound('vm', id);
          return { type: 'vm', id, ...vm };
        },
      },
    ],
    [
      '/t/CreateVm',
      {
        action: 'vm.create',
        resource: (req, caller) => ({
          type: 'vm',
          organization: (req as { organization?: string }).organization || caller.organization,
        }),
        quota: (_req, organization, limits) => {
          if (limits.vms !== null && used[organization as 'acme'] + 1 > limits.vms)
            throw errors.exhausted(`organization ${organization} is at its quota of ${limits.vms} VMs`);
        },
      },
    ],
    ['/t/Rotate', { action: 'host.update', resource: () => ({ type: 'host' }) }],
  ]);

  let options: EnforcementOptions;
  beforeEach(async () => {
    f = await securityFixture();
    const dp = new DecisionPoint({ policy: DEFAULT_POLICY_YAML });
    options = {
      service: 'test',
      authenticate: (c) => f.security.identities.authenticate(c),
      decide: (r) => dp.decide(r),
      audit: f.security.audit,
      quotas: async (o) => (await f.security.identities.getOrganization(o)).quotas,
      rateLimit: false,
      clock: () => now,
    };
  });
  afterEach(() => f.close());

  it('admits anyone to public methods and nobody anonymous elsewhere', async () => {
    const guard = enforcementPoint(rules, options);
    await guard(call('/t/Health'), {});
    for (const m of ['/t/WhoAmI', '/t/ListVms', '/t/GetVm', '/t/Unmapped']) {
      const e = await refusal(guard(call(m), { id: 'vm-1' }));
      expect(e.code, m).toBe('UNAUTHENTICATED');
    }
    expect((await refusal(guard(call('/t/ListVms', 'Bearer v1.forged.sig'), {}))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses an unmapped method even to a system admin, and audits the refusal', async () => {
    const admin = await f.user('system', ['system-admin'], 'root');
    const e = await refusal(enforcementPoint(rules, options)(call('/t/Unmapped', admin), {}));
    expect(e.code).toBe('PERMISSION_DENIED');
    const seq = Number(/audit entry (\d+)/.exec(e.message)?.[1]);
    const [entry] = await f.security.audit.query({ afterSeq: seq - 1, limit: 1 });
    expect(entry).toMatchObject({ seq, principal: 'user:root@system', action: 'unmapped', decision: 'Deny' });
  });

  it('keeps organizations apart, names the audit entry of a denial, and lets handlers ask per item', async () => {
    const guard = enforcementPoint(rules, options);
    const ann = await f.user('acme', ['viewer'], 'ann');
    const gus = await f.user('globex', ['org-admin'], 'gus');
    const ctx = call('/t/GetVm', ann);
    await guard(ctx, { id: 'vm-1' });
    expect(ctx.principal?.id).toBe('user:ann@acme');
    expect(ctx.may?.('vm.read', { type: 'vm', organization: 'acme' })).toBe(true);
    expect(ctx.may?.('vm.read', { type: 'vm', organization: 'globex' })).toBe(false);

    const e = await refusal(guard(call('/t/GetVm', gus), { id: 'vm-1' }));
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.message).toMatch(
      /user:gus@globex may not vm\.read vm "vm-1" of organization "acme": denied by .*organization-isolation.*; audit entry \d+/,
    );
    // A missing VM is refused the same way as another organization's.
    const missing = await refusal(guard(call('/t/GetVm', gus), { id: 'vm-404' }));
    expect(missing.code).toBe('PERMISSION_DENIED');
    // A system admin may see every VM, so a missing one is simply not found.
    const root = await f.user('system', ['system-admin'], 'root');
    expect((await refusal(guard(call('/t/GetVm', root), { id: 'vm-404' }))).code).toBe('NOT_FOUND');
    const denials = await f.security.audit.query({ principal: 'user:gus@globex', decision: 'Deny' });
    expect(denials).toHaveLength(2);
  });

  it('discharges audit and check-quota obligations before admitting a change', async () => {
    const guard = enforcementPoint(rules, options);
    const sp = await f.user('acme', ['service-provider'], 'sam');
    await f.quotas('acme', { vms: 1 });
    await guard(call('/t/CreateVm', sp), {});
    const [created] = await f.security.audit.query({ action: 'vm.create', decision: 'Permit' });
    expect(created).toMatchObject({ principal: 'user:sam@acme', organization: 'acme' });
    expect(created!.obligations.map((o) => (o as { id: string }).id)).toEqual(['audit', 'check-quota']);
    used.acme = 1;
    const e = await refusal(guard(call('/t/CreateVm', sp), {}));
    expect(e.code).toBe('RESOURCE_EXHAUSTED');
    expect(e.message).toContain('quota of 1 VMs');
    // Creating into another organization is a denial, not a quota question.
    expect((await refusal(guard(call('/t/CreateVm', sp), { organization: 'globex' }))).code).toBe(
      'PERMISSION_DENIED',
    );
    // An org-less resource (a host) is the system admins' alone.
    expect((await refusal(guard(call('/t/Rotate', sp), {}))).code).toBe('PERMISSION_DENIED');
    used.acme = 0;
  });

  it('denies when an obligation cannot be discharged', async () => {
    const dp = new DecisionPoint({
      policy: `policySet:
  id: strict
  combining: deny-unless-permit
  policies:
    - policy:
        id: p
        combining: permit-overrides
        rules:
          - id: r
            effect: Permit
            obligations:
              - id: notify-security-team
                attributes: {}
`,
    });
    const guard = enforcementPoint(rules, { ...options, decide: (r) => dp.decide(r) });
    const admin = await f.user('system', ['system-admin'], 'root');
    const e = await refusal(guard(call('/t/ListVms', admin), {}));
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.message).toContain('notify-security-team');
  });

  it('limits each principal’s rate with a retry hint, leaving others alone', async () => {
    const guard = enforcementPoint(rules, { ...options, rateLimit: { perSecond: 10, burst: 3 } });
    const a = await f.user('acme', ['viewer'], 'a');
    const b = await f.user('acme', ['viewer'], 'b');
    for (let i = 0; i < 3; i++) await guard(call('/t/ListVms', a), {});
    const e = await refusal(guard(call('/t/ListVms', a), {}));
    expect(e.code).toBe('RESOURCE_EXHAUSTED');
    expect(e.retryAfterMs).toBe(100);
    expect(e.message).toMatch(/try again in 100 ms/);
    await guard(call('/t/ListVms', b), {});
    now += 100;
    await guard(call('/t/ListVms', a), {});
  });
});
