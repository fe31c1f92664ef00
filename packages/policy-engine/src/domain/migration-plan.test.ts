import { describe, expect, it } from 'vitest';
import { solve } from '../solvers/solve.js';
import { parseInstance } from './instance.js';
import { hardViolations } from './verify.js';
import { migrationPlan } from './migration-plan.js';
import type { PeInstance } from './model.js';
import { compileProblem } from './problem.js';
import type { PlanStep } from './result.js';

// Migration plans: waves of live migrations in which a moving VM holds its demand on both hosts
// until its wave ends, so no host is ever over capacity × overcommit.

const EPS = 1e-9;

/**
 * Runs the steps from the current placement (VMs the target leaves out stopped first) and returns
 * where each VM ends and every overload met while a wave runs.
 */
function replay(
  instance: PeInstance,
  target: Record<string, string | undefined>,
  steps: PlanStep[],
): { where: Map<string, string>; overloads: string[] } {
  const demand = new Map(instance.vms.map((v) => [v.id, v.demand]));
  const where = new Map<string, string>();
  for (const v of instance.vms)
    if (v.host !== undefined && target[v.id] !== undefined) where.set(v.id, v.host);
  const overloads: string[] = [];
  const waves = [...new Set(steps.map((s) => s.wave))].sort((a, b) => a - b);
  for (const wave of waves) {
    const moving = steps.filter((s) => s.wave === wave);
    for (const s of moving) expect(where.get(s.vm), `${s.vm} leaves ${s.from} in wave ${wave}`).toBe(s.from);
    for (const h of instance.hosts) {
      const u = h.reserved?.slice() ?? instance.resources.map(() => 0);
      for (const [vm, at] of where) if (at === h.id) demand.get(vm)!.forEach((d, r) => (u[r]! += d));
      for (const s of moving) if (s.to === h.id) demand.get(s.vm)!.forEach((d, r) => (u[r]! += d));
      u.forEach((x, r) => {
        const limit = h.capacity[r]! * h.overcommit[r]!;
        if (x > limit * (1 + EPS) + EPS)
          overloads.push(`wave ${wave}: ${h.id} ${instance.resources[r]} ${x} > ${limit}`);
      });
    }
    for (const s of moving) where.set(s.vm, s.to);
  }
  return { where, overloads };
}

function plan(instance: PeInstance, target: Record<string, string | undefined>) {
  const p = compileProblem(instance);
  const t = Int32Array.from(instance.vms, (v) => {
    const h = target[v.id];
    return h === undefined ? -1 : p.hostIndex.get(h)!;
  });
  const out = migrationPlan(p, t);
  return { steps: out.steps, stuck: out.stuck.map((v) => p.vmIds[v]!) };
}

/** Two full hosts of 10 cpu, each running two VMs of 5, and optionally a spare host. */
const fullPair = (extra: object[] = [], constraints: object[] = []) =>
  parseInstance({
    resources: ['cpu'],
    hosts: [{ id: 'h1', capacity: [10] }, { id: 'h2', capacity: [10] }, ...extra],
    vms: [
      { id: 'a', demand: [5], host: 'h1' },
      { id: 'c', demand: [5], host: 'h1' },
      { id: 'b', demand: [5], host: 'h2' },
      { id: 'd', demand: [5], host: 'h2' },
    ],
    constraints,
  });

describe('migrationPlan', () => {
  it('plans nothing when nothing moves', () => {
    const instance = fullPair();
    expect(plan(instance, { a: 'h1', c: 'h1', b: 'h2', d: 'h2' })).toEqual({ steps: [], stuck: [] });
  });

  it('moves into free room in one wave', () => {
    const instance = fullPair([{ id: 'h3', capacity: [10] }]);
    const target = { a: 'h3', c: 'h1', b: 'h3', d: 'h2' };
    const out = plan(instance, target);
    expect(out.stuck).toEqual([]);
    expect(out.steps.map((s) => [s.vm, s.from, s.to, s.wave])).toEqual(
      expect.arrayContaining([
        ['a', 'h1', 'h3', 0],
        ['b', 'h2', 'h3', 0],
      ]),
    );
    expect(out.steps).toHaveLength(2);
    expect(replay(instance, target, out.steps).overloads).toEqual([]);
  });

  it('waits for a VM to leave before moving another into its place', () => {
    // h2 is full until b leaves for h3: a may only follow in the next wave.
    const instance = fullPair([{ id: 'h3', capacity: [5] }]);
    const target = { a: 'h2', c: 'h1', b: 'h3', d: 'h2' };
    const out = plan(instance, target);
    expect(out.stuck).toEqual([]);
    expect(out.steps).toEqual([
      { vm: 'b', from: 'h2', to: 'h3', wave: 0 },
      { vm: 'a', from: 'h1', to: 'h2', wave: 1 },
    ]);
    const r = replay(instance, target, out.steps);
    expect(r.overloads).toEqual([]);
    expect(Object.fromEntries(r.where)).toEqual(target);
  });

  it('parks a VM on a spare host to break a swap between two full hosts', () => {
    const instance = fullPair([{ id: 'h3', capacity: [5] }]);
    const target = { a: 'h2', c: 'h1', b: 'h1', d: 'h2' };
    const out = plan(instance, target);
    expect(out.stuck).toEqual([]);
    const temporary = out.steps.filter((s) => s.temporary);
    expect(temporary).toHaveLength(1);
    expect(temporary[0]).toMatchObject({ to: 'h3', wave: 0 });
    // The parked VM reaches its target later; every wave fits.
    const r = replay(instance, target, out.steps);
    expect(r.overloads).toEqual([]);
    expect(Object.fromEntries(r.where)).toEqual(target);
    expect(out.steps.filter((s) => s.vm === temporary[0]!.vm).map((s) => s.to)).toEqual([
      'h3',
      target[temporary[0]!.vm as 'a' | 'b'],
    ]);
  });

  it('reports a swap as stuck when no host can take a parked VM', () => {
    const target = { a: 'h2', c: 'h1', b: 'h1', d: 'h2' };
    const none = plan(fullPair(), target);
    expect(none.stuck.sort()).toEqual(['a', 'b']);
    expect(none.steps).toEqual([]);
    // A spare host too small for either VM is no help.
    const tooSmall = plan(fullPair([{ id: 'h3', capacity: [4] }]), target);
    expect(tooSmall.stuck.sort()).toEqual(['a', 'b']);
  });

  it('parks only on hosts the VM is allowed on', () => {
    const target = { a: 'h2', c: 'h1', b: 'h1', d: 'h2' };
    const instance = fullPair(
      [{ id: 'h3', capacity: [10] }],
      [{ type: 'forbidden', vms: ['a', 'b'], hosts: ['h3'] }],
    );
    expect(plan(instance, target).stuck.sort()).toEqual(['a', 'b']);
  });

  it('frees the host of a VM the target leaves out before the first wave', () => {
    const instance = fullPair();
    const target = { a: 'h2', c: 'h1', b: undefined, d: 'h2' };
    const out = plan(instance, target);
    expect(out).toEqual({ steps: [{ vm: 'a', from: 'h1', to: 'h2', wave: 0 }], stuck: [] });
    expect(replay(instance, target, out.steps).overloads).toEqual([]);
  });

  it('holds both copies during a wave: two moves into one host share a wave only if both fit', () => {
    const json = {
      resources: ['cpu', 'memory'],
      hosts: [
        { id: 'h1', capacity: [8, 8] },
        { id: 'h2', capacity: [8, 8] },
        { id: 'h3', capacity: [8, 8] },
      ],
      vms: [
        { id: 'x', demand: [4, 4], host: 'h1' },
        { id: 'y', demand: [4, 4], host: 'h2' },
        { id: 'z', demand: [4, 4], host: 'h3' },
      ],
    };
    const instance = parseInstance(json);
    // x and y both end on h3, which has room for one of them until z is gone.
    const target = { x: 'h3', y: 'h3', z: 'h1' };
    const out = plan(instance, target);
    expect(out.stuck).toEqual([]);
    const wave = Object.fromEntries(out.steps.map((s) => [s.vm, s.wave]));
    expect(wave.x).not.toBe(wave.y);
    expect(wave.z).toBe(Math.min(wave.x!, wave.y!));
    const r = replay(instance, target, out.steps);
    expect(r.overloads).toEqual([]);
    expect(Object.fromEntries(r.where)).toEqual(target);
    // With room for both, they move together.
    const roomy = parseInstance({ ...json, hosts: [...json.hosts, { id: 'h4', capacity: [8, 8] }] });
    expect(new Set(plan(roomy, { x: 'h4', y: 'h4', z: 'h3' }).steps.map((s) => s.wave))).toEqual(
      new Set([0]),
    );
  });

  it('treats overcommit as capacity', () => {
    const instance = parseInstance({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [8], overcommit: [2] },
        { id: 'h2', capacity: [8] },
      ],
      vms: [
        { id: 'a', demand: [8], host: 'h1' },
        { id: 'b', demand: [8], host: 'h2' },
      ],
    });
    // h1 takes 16 cpu: b moves in next to a at once.
    expect(plan(instance, { a: 'h1', b: 'h1' })).toEqual({
      steps: [{ vm: 'b', from: 'h2', to: 'h1', wave: 0 }],
      stuck: [],
    });
  });
});

describe('solve with moves that need a plan', () => {
  // a shares h1 with c and b shares h2 with d, against hard anti-affinity: the two hosts must
  // swap VMs, and both are full.
  const apart = [
    { type: 'anti-affinity', vms: ['a', 'c'] },
    { type: 'anti-affinity', vms: ['b', 'd'] },
  ];

  it('swaps through a temporary host when one has room, and the plan replays', async () => {
    const instance = fullPair([{ id: 'h3', capacity: [5] }], apart);
    const r = await solve(instance, { solver: 'heuristic', timeLimitMs: 200 });
    expect(r.unplaced).toEqual([]);
    expect(r.hostsUsed).toBe(2);
    expect(r.assignment.a).not.toBe(r.assignment.c);
    expect(r.assignment.b).not.toBe(r.assignment.d);
    expect(r.migrations).toBe(2);
    const temporary = r.plan.filter((s) => s.temporary);
    expect(temporary).toHaveLength(1);
    expect(temporary[0]!.to).toBe('h3');
    const replayed = replay(instance, r.assignment, r.plan);
    expect(replayed.overloads).toEqual([]);
    expect(Object.fromEntries(replayed.where)).toEqual(r.assignment);
  });

  it('without a spare host, leaves out what can neither move nor stay, and says why', async () => {
    const instance = fullPair([], apart);
    const r = await solve(instance, { solver: 'heuristic', timeLimitMs: 200 });
    expect(hardViolations(instance, r.assignment)).toEqual([]);
    expect(r.plan).toEqual([]);
    expect(r.migrations).toBe(0);
    expect(r.unplaced).toHaveLength(2);
    for (const u of r.unplaced) {
      expect(u.reasons[0]).toMatch(
        /^its move to h[12] cannot be ordered without overloading a host, and it cannot stay on h[12]$/,
      );
      expect(u.reasons.some((x) => x.includes('policy left it out'))).toBe(false);
    }
  });

  it('keeps the VMs of a stuck swap home when they may stay there', async () => {
    // Balance wants a 5 and a 3 swapped between a full host and a fuller-than-half one; neither
    // move can go first, and there is nowhere to park.
    const instance = parseInstance({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [
        { id: 'a', demand: [5], host: 'h1' },
        { id: 'c', demand: [5], host: 'h1' },
        { id: 'b', demand: [3], host: 'h2' },
        { id: 'd', demand: [3], host: 'h2' },
      ],
      policy: { name: 'balance' },
    });
    const r = await solve(instance, { solver: 'heuristic', timeLimitMs: 200 });
    expect(r.assignment).toEqual({ a: 'h1', c: 'h1', b: 'h2', d: 'h2' });
    expect(r.unplaced).toEqual([]);
    expect(r.plan).toEqual([]);
    expect(r.migrations).toBe(0);
  });
});
