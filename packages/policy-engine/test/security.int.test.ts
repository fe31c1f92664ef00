import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { silentLogger } from '@reservoir/runtime';
import { securityFixture, userPrincipalId, type SecurityFixture } from '@reservoir/security';
import { policyClient, type PolicyClient } from '../src/client.js';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';

const PLACE: reservoir.pe.v1.PlaceRequest.$Properties = {
  resources: ['cpu', 'memory'],
  hosts: [{ id: 'h1', capacity: [8, 16384], used: [0, 0] }],
  vms: [{ id: 'vm-1', demand: [1, 1024] }],
};

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the call to be refused');
}

describe('the Policy Engine behind its enforcement point', () => {
  const site = `pe-sec-${process.pid}`;
  let fixture: SecurityFixture;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;
  let platform: { metadata: { authorization: string } };
  let provider: { metadata: { authorization: string } };
  let viewer: { metadata: { authorization: string } };

  beforeAll(async () => {
    fixture = await securityFixture({ service: `pe@${site}` });
    pe = await createPolicyEngine({
      site,
      database: 'sqlite::memory:',
      logger: silentLogger(),
      enforce: fixture.security.enforce,
    });
    c = policyClient(pe.address);
    // The platform's services act as system admins. The security store refuses system-admin to a
    // service principal for now (fixture.service fails), so an administrator stands in for them.
    platform = { metadata: { authorization: await fixture.user('system', ['system-admin'], 'operator') } };
    provider = { metadata: { authorization: await fixture.user('acme', ['service-provider']) } };
    viewer = { metadata: { authorization: await fixture.user('acme', ['viewer']) } };
  });
  afterAll(async () => {
    c?.close();
    await pe?.stop();
    await fixture?.close();
  });

  it('refuses anonymous callers', async () => {
    expect(await refusal(c.policy.getPolicy({}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(c.policy.place(PLACE))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(c.tasks.listTasks({}))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('serves system administrators', async () => {
    expect((await c.policy.place(PLACE, platform)).assignment).toEqual({ 'vm-1': 'h1' });
    const set = await c.policy.setPolicy({ policy: { name: 'balance' }, updateMask: ['name'] }, platform);
    expect(set).toMatchObject({ name: 'balance', version: 2 });
    expect(await c.policy.getPolicy({}, platform)).toMatchObject({ name: 'balance' });
    const [entry] = await fixture.security.audit.query({
      action: 'pe-policy.update',
      order: 'desc',
      limit: 1,
    });
    expect(entry).toMatchObject({ principal: userPrincipalId('system', 'operator'), decision: 'Permit' });
  });

  it("denies an organization's users the site's placement and policy, naming the audit entry", async () => {
    const denied = await refusal(c.policy.setPolicy({ policy: { name: 'profit' } }, provider));
    expect(denied.code).toBe('PERMISSION_DENIED');
    const seq = Number(/audit entry (\d+)/.exec(denied.message)?.[1]);
    const [entry] = await fixture.security.audit.query({ afterSeq: seq - 1, limit: 1 });
    expect(entry).toMatchObject({
      seq,
      action: 'pe-policy.update',
      decision: 'Deny',
      resource: { type: 'pe-policy', id: site, organization: null },
    });
    for (const call of [
      c.policy.place(PLACE, provider),
      c.policy.optimize({ dryRun: true }, provider),
      c.policy.solve({ instanceJson: '{}' }, provider),
      c.policy.chooseSite({}, provider),
      c.policy.getPolicy({}, viewer),
    ]) {
      expect(await refusal(call)).toMatchObject({
        code: 'PERMISSION_DENIED',
        message: expect.stringMatching(/audit entry \d+/),
      });
    }
    expect(await c.policy.getPolicy({}, platform)).toMatchObject({ name: 'balance', version: 2 });
  });

  it('lists only the tasks the caller may see', async () => {
    const task = (id: string, organization: string) =>
      pe.engine.tasks.create({
        id,
        operation: 'pe.optimize',
        targetKind: 'site',
        targetId: site,
        organization,
        owner: '',
        site,
      });
    await task('plan-site', '');
    await task('plan-acme', 'acme');
    const ids = async (o: typeof platform) => (await c.tasks.listTasks({}, o)).tasks.map((t) => t.id).sort();
    expect(await ids(platform)).toEqual(['plan-acme', 'plan-site']);
    expect(await ids(viewer)).toEqual(['plan-acme']);
    expect((await c.tasks.getTask({ id: 'plan-acme' }, viewer)).id).toBe('plan-acme');
    expect(await refusal(c.tasks.getTask({ id: 'plan-site' }, viewer))).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    // A task that does not exist looks like one of another organization.
    expect(await refusal(c.tasks.getTask({ id: 'nope' }, viewer))).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });
});
