import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstance } from '../domain/instance.js';
import type { PeInstance } from '../domain/model.js';
import type { SolveResult } from '../domain/result.js';
import { hardViolations } from '../domain/verify.js';
import { solve } from './solve.js';

// Invariants of every answer, on random instances with every kind of constraint and policy:
// nothing hard is violated, every VM is accounted for, and the migration plan can be executed
// wave by wave without ever overloading a host.

const EPS = 1e-9;
const POLICIES = ['consolidate', 'balance', 'min-migrations', 'profit', 'weighted'] as const;

const memberIds = (nVms: number, min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: nVms - 1 }), {
      minLength: Math.min(min, nVms),
      maxLength: Math.min(max, nVms),
    })
    .map((ix) => ix.map((i) => `v${i}`));

const constraintArb = (nVms: number, nHosts: number) =>
  fc.oneof(
    fc.record({
      type: fc.constantFrom('affinity', 'anti-affinity'),
      vms: memberIds(nVms, 1, 4),
      scope: fc.constantFrom('host', 'zone', 'rack'),
      hard: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('spread'),
      vms: memberIds(nVms, 1, 5),
      tag: fc.constantFrom('zone', 'rack'),
      min: fc.integer({ min: 1, max: 4 }),
    }),
    fc.record(
      {
        type: fc.constantFrom('allowed', 'forbidden'),
        vms: memberIds(nVms, 1, 3),
        hosts: fc
          .uniqueArray(fc.integer({ min: 0, max: nHosts - 1 }), { minLength: 1, maxLength: nHosts })
          .map((ix) => ix.map((i) => `h${i}`)),
        tags: fc.record({ zone: fc.subarray(['z0', 'z1', 'z2'], { minLength: 1 }) }),
        reason: fc.constantFrom('custom reason'),
      },
      { requiredKeys: ['type', 'vms'] },
    ),
    fc.record({ type: fc.constant('all-or-nothing'), vms: memberIds(nVms, 1, 4) }),
  );

/** A random instance in the documented JSON format: 2–8 hosts tagged zone/rack, 1–25 VMs. */
const instanceArb = fc
  .record({ nHosts: fc.integer({ min: 2, max: 8 }), nVms: fc.integer({ min: 1, max: 25 }) })
  .chain(({ nHosts, nVms }) =>
    fc.record({
      hosts: fc.array(
        fc.record({
          cpu: fc.constantFrom(8, 16, 32),
          mem: fc.constantFrom(16, 32, 64),
          zone: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 8 }),
          rack: fc.integer({ min: 0, max: 3 }),
          overcommit: fc.constantFrom(1, 1, 1.5, 2),
          reserved: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2 }),
          cost: fc.integer({ min: 0, max: 6 }),
        }),
        { minLength: nHosts, maxLength: nHosts },
      ),
      vms: fc.array(
        fc.record({
          cpu: fc.integer({ min: 0, max: 12 }),
          mem: fc.integer({ min: 1, max: 24 }),
          host: fc.option(fc.integer({ min: 0, max: nHosts - 1 }), { freq: 2 }),
          fixed: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
          benefit: fc.integer({ min: 0, max: 5 }),
          moveCost: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: nVms, maxLength: nVms },
      ),
      constraints: fc.array(constraintArb(nVms, nHosts), { maxLength: 6 }),
      policy: fc.record({
        name: fc.constantFrom(...POLICIES),
        maxMigrations: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 2 }),
        weights: fc.record({
          consolidate: fc.integer({ min: 0, max: 3 }),
          balance: fc.integer({ min: 0, max: 3 }),
          'min-migrations': fc.integer({ min: 0, max: 3 }),
          profit: fc.integer({ min: 0, max: 3 }),
        }),
      }),
    }),
  )
  .map((g) =>
    parseInstance({
      resources: ['cpu', 'memory'],
      hosts: g.hosts.map((h, i) => ({
        id: `h${i}`,
        capacity: [h.cpu, h.mem],
        tags: { ...(h.zone !== null ? { zone: `z${h.zone}` } : {}), rack: `r${h.rack}` },
        overcommit: [h.overcommit, 1],
        ...(h.reserved !== null ? { reserved: [h.reserved, h.reserved] } : {}),
        power: { idle: 50, peak: 150 },
        cost: h.cost,
      })),
      vms: g.vms.map((v, i) => ({
        id: `v${i}`,
        demand: [v.cpu, v.mem],
        ...(v.host !== null ? { host: `h${v.host}`, fixed: v.fixed } : {}),
        benefit: v.benefit,
        moveCost: v.moveCost,
      })),
      constraints: g.constraints.map((c) =>
        c.type === 'allowed' || c.type === 'forbidden'
          ? // a filter needs hosts, tags or both
            { ...c, ...(c.hosts === undefined && c.tags === undefined ? { hosts: ['h0'] } : {}) }
          : c,
      ),
      policy: {
        name: g.policy.name,
        ...(g.policy.maxMigrations !== null ? { maxMigrations: g.policy.maxMigrations } : {}),
        weights: g.policy.weights,
      },
    }),
  );

/**
 * Executes the plan from the current placement of the VMs the answer keeps: during a wave every
 * moving VM holds its demand on both hosts; it leaves its source when the wave ends. Returns every problem met: a host receiving
 * a VM beyond its capacity × overcommit, a step from a host the VM is not on, or an end state that
 * is not the answer.
 */
function replayPlan(instance: PeInstance, r: SolveResult): string[] {
  const out: string[] = [];
  const hosts = new Map(instance.hosts.map((h) => [h.id, h]));
  const demand = new Map(instance.vms.map((v) => [v.id, v.demand]));
  const where = new Map<string, string>();
  // VMs the answer leaves out are stopped before the first wave.
  for (const v of instance.vms)
    if (v.host !== undefined && r.assignment[v.id] !== undefined) where.set(v.id, v.host);
  const load = (hostId: string): number[] => {
    const u = hosts.get(hostId)!.reserved?.slice() ?? instance.resources.map(() => 0);
    for (const [vm, h] of where) if (h === hostId) demand.get(vm)!.forEach((d, k) => (u[k]! += d));
    return u;
  };
  for (let i = 1; i < r.plan.length; i++)
    if (r.plan[i]!.wave < r.plan[i - 1]!.wave) out.push(`step ${i} goes back to wave ${r.plan[i]!.wave}`);
  const waves = [...new Set(r.plan.map((s) => s.wave))].sort((a, b) => a - b);
  for (const wave of waves) {
    const steps = r.plan.filter((s) => s.wave === wave);
    if (new Set(steps.map((s) => s.vm)).size !== steps.length) out.push(`wave ${wave} moves a VM twice`);
    const during = new Map<string, number[]>();
    for (const s of steps) {
      if (!hosts.has(s.to)) out.push(`wave ${wave}: ${s.vm} to unknown host ${s.to}`);
      if (where.get(s.vm) !== s.from)
        out.push(`wave ${wave}: ${s.vm} leaves ${s.from} but is on ${where.get(s.vm)}`);
      if (s.from === s.to) out.push(`wave ${wave}: ${s.vm} moves to where it is`);
    }
    for (const s of steps) {
      if (!hosts.has(s.to)) continue;
      const u = during.get(s.to) ?? load(s.to);
      demand.get(s.vm)!.forEach((d, k) => (u[k]! += d));
      during.set(s.to, u);
    }
    for (const [hostId, u] of during) {
      const h = hosts.get(hostId)!;
      u.forEach((x, k) => {
        const limit = h.capacity[k]! * (h.overcommit[k] ?? 1);
        if (x > limit * (1 + EPS) + EPS)
          out.push(`wave ${wave}: ${hostId} ${instance.resources[k]} ${x} > ${limit}`);
      });
    }
    for (const s of steps) where.set(s.vm, s.to);
  }
  for (const [vm, host] of where)
    if (r.assignment[vm] !== host) out.push(`${vm} ends on ${host}, answer ${r.assignment[vm]}`);
  return out;
}

describe('solve on random instances (heuristic)', () => {
  it('never breaks a hard rule, accounts for every VM and plans executable migrations', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, fc.integer({ min: 1, max: 1000 }), async (instance, seed) => {
        // Pinned VMs are facts: only instances whose facts keep every rule are solvable.
        const pinned = Object.fromEntries(instance.vms.filter((v) => v.fixed).map((v) => [v.id, v.host!]));
        fc.pre(hardViolations(instance, pinned).length === 0);
        const r = await solve(instance, { solver: 'heuristic', timeLimitMs: 150, seed });
        const hostIds = new Set(instance.hosts.map((h) => h.id));
        expect(hardViolations(instance, r.assignment)).toEqual([]);
        for (const [vm, host] of Object.entries(r.assignment))
          expect(hostIds.has(host), `${vm} → ${host}`).toBe(true);
        const unplaced = new Map(r.unplaced.map((u) => [u.vm, u.reasons]));
        expect(unplaced.size).toBe(r.unplaced.length);
        for (const v of instance.vms) {
          const assigned = r.assignment[v.id] !== undefined;
          expect(assigned !== unplaced.has(v.id), `${v.id} placed xor unplaced`).toBe(true);
          if (!assigned) expect(unplaced.get(v.id)!.length, `reasons for ${v.id}`).toBeGreaterThan(0);
        }
        expect(Object.keys(r.assignment).length + r.unplaced.length).toBe(instance.vms.length);
        expect(replayPlan(instance, r)).toEqual([]);
        const moved = instance.vms.filter(
          (v) => v.host !== undefined && r.assignment[v.id] !== undefined && r.assignment[v.id] !== v.host,
        ).length;
        expect(r.migrations).toBe(moved);
        expect(moved).toBeLessThanOrEqual(instance.policy.maxMigrations);
        expect(r.hostsUsed).toBeLessThanOrEqual(instance.hosts.length);
        if (r.unplaced.length === 0) expect(['optimal', 'feasible']).toContain(r.status);
        else if (instance.policy.name !== 'profit') expect(['partial', 'infeasible']).toContain(r.status);
      }),
      { numRuns: 100 },
    );
  });
});
