import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, taskFromPb, type SqlDatabase } from '@reservoir/runtime';
import { testDatabases } from '@reservoir/runtime/testing';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';
import { policyClient, type PolicyClient } from '../src/client.js';
import type { SolveResult } from '../src/domain/result.js';
import { runVm, startTestSite, vmsByHost, waitTask, type TestSite } from './site.js';

// Four hosts of 16 GiB with two 3 GiB VMs each: 24 GiB fits on two hosts (five VMs on one).
const HOSTS = 4;
const VM_MIB = 3072;

describe.each(testDatabases())('the optimizer against a real site, engine on $name', (database) => {
  let site: TestSite;
  let db: SqlDatabase;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;

  const optimize = async (dryRun: boolean) => {
    const r = await c.policy.optimize({ dryRun });
    return { result: JSON.parse(r.resultJson) as SolveResult, task: r.task ? taskFromPb(r.task) : undefined };
  };
  const usedHosts = async () => [...(await vmsByHost(site)).keys()].sort();

  beforeAll(async () => {
    site = await startTestSite(`opt-${database.name}-${process.pid}`, HOSTS, 150);
    for (const [i, h] of site.hosts.entries())
      for (const k of [1, 2]) await runVm(site, `vm-${i + 1}-${k}`, h, VM_MIB);
    db = await database.open();
    pe = await createPolicyEngine({
      site: site.name,
      database: db,
      veem: site.veem.address,
      logger: silentLogger(),
    });
    c = policyClient(pe.address);
  }, 60_000);
  afterAll(async () => {
    c?.close();
    await pe?.stop();
    await db?.close();
    await site?.stop();
  });

  it('shows the consolidation plan of a dry run and moves nothing', async () => {
    const { result, task } = await optimize(true);
    expect(task).toBeUndefined();
    expect(result).toMatchObject({ policy: 'consolidate', hostsUsed: 2, unplaced: [] });
    expect(Object.keys(result.assignment)).toHaveLength(2 * HOSTS);
    expect(result.plan.length).toBeGreaterThanOrEqual(4);
    for (const s of result.plan) {
      expect(site.hosts).toContain(s.from);
      expect(site.hosts).toContain(s.to);
    }
    expect(await usedHosts()).toEqual(site.hosts);
  });

  it('runs the plan as a task, one plan at a time, and the VMs end on fewer hosts', async () => {
    await c.policy.setPolicy({ policy: { name: 'consolidate', planConcurrency: 2 } });
    const { result, task } = await optimize(false);
    expect(task).toMatchObject({ operation: 'pe.optimize', targetKind: 'site', site: site.name });
    const second = await c.policy.optimize({ dryRun: false }).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((second as Error).message).toContain(`already running (task ${task!.id})`);
    const end = await waitTask(c, task!.id);
    expect(end).toMatchObject({
      state: 'succeeded',
      progress: 100,
      message: `${result.plan.length}/${result.plan.length} migrations`,
    });
    expect(await usedHosts()).toHaveLength(result.hostsUsed);
    // The site is now what the policy wants: nothing left to do.
    const again = await optimize(false);
    expect(again.task).toBeUndefined();
    expect(again.result.plan).toEqual([]);
  });

  it('fails the task with the reason of the first failed migration and starts no later wave', async () => {
    await c.policy.setPolicy({ policy: { name: 'balance', planConcurrency: 1 } });
    for (const h of site.hosts)
      site.agent.host(h).inject({ op: 'prepareIncoming', count: 100, error: 'INTERNAL' });
    try {
      const { result, task } = await optimize(false);
      expect(result.policy).toBe('balance');
      expect(result.plan.length).toBeGreaterThan(1);
      const end = await waitTask(c, task!.id);
      expect(end.state).toBe('failed');
      expect(end.errorMessage).toMatch(
        new RegExp(
          `^migration of vm-\\S+ from \\S+ to \\S+ \\(wave \\d+\\) failed: .* \\(0/${result.plan.length} migrations done\\)$`,
        ),
      );
      expect(await usedHosts()).toHaveLength(2);
    } finally {
      for (const h of site.hosts) site.agent.host(h).clearFaults();
    }
  });

  it('runs the cycle on its interval, re-armed by a policy change', async () => {
    await c.policy.setPolicy({ policy: { name: 'balance', cycleIntervalSeconds: 1 } });
    await expect.poll(usedHosts, { timeout: 15_000, interval: 200 }).toHaveLength(HOSTS);
    await c.policy.setPolicy({ policy: { cycleIntervalSeconds: 0 }, updateMask: ['cycle_interval_seconds'] });
    await expect.poll(() => pe.engine.optimizer.busy, { timeout: 15_000 }).toBe(false);
    const tasks = (await c.tasks.listTasks({})).tasks.map(taskFromPb);
    expect(tasks.filter((t) => t.state === 'succeeded').length).toBeGreaterThanOrEqual(2);
  });
});
