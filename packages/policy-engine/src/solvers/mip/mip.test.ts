import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, isReservoirError } from '@reservoir/runtime';
import { parseOrLibraryBinPacking, parseVbp } from '../../domain/benchmark-formats.js';
import { parseInstance } from '../../domain/instance.js';
import type { PePolicy } from '../../domain/model.js';
import { HOST_SCOPE, compileProblem, valueOf, type Problem } from '../../domain/problem.js';
import { buildFormulation } from './formulation.js';
import { createMipBackend, type MipBackend, type MipOutcome, type SubProblem } from './index.js';
import { SolverThread } from './solver-thread.js';

const DATA = join(REPO_ROOT, '../shared/bench-data');
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function problem(json: Record<string, unknown>, policy: Partial<PePolicy> = {}): Problem {
  const instance = parseInstance({ resources: ['cpu'], ...json });
  return compileProblem(instance, { ...instance.policy, ...policy });
}

/** Every host and every VM free, warm start = where VMs are now. */
function fullSub(p: Problem, over: Partial<SubProblem> = {}): SubProblem {
  return {
    hosts: all(p.nHosts),
    vms: all(p.nVms),
    assignment: Int32Array.from(p.current),
    migrationBudget: Infinity,
    allowUnplaced: false,
    ...over,
  };
}

/** First-fit decreasing over hosts in index order; -1 where nothing fits. */
function ffd(p: Problem): Int32Array {
  const { nRes } = p;
  const load = new Float64Array(p.nHosts * nRes);
  const out = new Int32Array(p.nVms).fill(-1);
  const order = [...all(p.nVms)].sort((a, b) => p.weight[b]! - p.weight[a]!);
  for (const v of order)
    for (let h = 0; h < p.nHosts; h++) {
      let fits = true;
      for (let r = 0; r < nRes; r++)
        if (load[h * nRes + r]! + p.demand[v * nRes + r]! > p.cap[h * nRes + r]! + 1e-9) fits = false;
      if (!fits) continue;
      for (let r = 0; r < nRes; r++) load[h * nRes + r]! += p.demand[v * nRes + r]!;
      out[v] = h;
      break;
    }
  return out;
}

/** The whole placement after applying an outcome: VM → host or -1. */
function finalOf(sub: SubProblem, out: MipOutcome): Int32Array {
  const final = Int32Array.from(sub.assignment);
  sub.vms.forEach((v, s) => (final[v] = out.assignment![s]!));
  return final;
}

/** Independent check of capacity and every hard constraint; returns what is violated. */
function violations(p: Problem, sub: SubProblem, out: MipOutcome): string[] {
  const bad: string[] = [];
  const final = finalOf(sub, out);
  const { nRes } = p;
  const inSub = new Set(sub.hosts);
  const mayUnplace = sub.allowUnplaced || p.policy.name === 'profit';
  for (const v of sub.vms) {
    const h = final[v]!;
    if (p.fixed[v] && h !== p.current[v]) bad.push(`pinned ${p.vmIds[v]} moved`);
    else if (h >= 0 && !inSub.has(h) && !p.fixed[v]) bad.push(`${p.vmIds[v]} left the sub hosts`);
    if (h < 0 && !mayUnplace) bad.push(`${p.vmIds[v]} unplaced`);
    if (h >= 0 && p.allowed[v] && !p.allowed[v][h]) bad.push(`${p.vmIds[v]} on disallowed ${p.hostIds[h]}`);
  }
  for (const h of sub.hosts)
    for (let r = 0; r < nRes; r++) {
      let used = p.base[h * nRes + r]!;
      final.forEach((at, v) => (used += at === h ? p.demand[v * nRes + r]! : 0));
      if (used > p.cap[h * nRes + r]! * (1 + 1e-9) + 1e-9) bad.push(`${p.hostIds[h]} over capacity in r${r}`);
    }
  const placedValues = (vms: Int32Array, scope: number) =>
    [...vms].filter((v) => final[v]! >= 0).map((v) => valueOf(p, scope, final[v]!));
  for (const g of p.groups) {
    if (!g.hard) continue;
    const values = placedValues(g.vms, g.scope);
    if (g.scope !== HOST_SCOPE && values.includes(-1)) bad.push(`group ${g.source} member lacks the tag`);
    if (g.kind === 'anti-affinity' && new Set(values).size !== values.length)
      bad.push(`anti-affinity ${g.source}`);
    if (g.kind === 'affinity' && new Set(values).size > 1) bad.push(`affinity ${g.source}`);
  }
  for (const s of p.spreads)
    if (new Set(placedValues(s.vms, s.scope).filter((x) => x >= 0)).size < s.min)
      bad.push(`spread ${s.source}`);
  for (const s of p.sets) {
    const placed = [...s.vms].filter((v) => final[v]! >= 0).length;
    if (placed !== 0 && placed !== s.vms.length) bad.push(`all-or-nothing ${s.source}`);
  }
  const moved = [...sub.vms].filter(
    (v) => !p.fixed[v] && p.current[v]! >= 0 && final[v] !== p.current[v],
  ).length;
  if (moved > sub.migrationBudget) bad.push(`${moved} migrations over a budget of ${sub.migrationBudget}`);
  return bad;
}

function hostsUsed(sub: SubProblem, out: MipOutcome): number {
  return new Set([...finalOf(sub, out)].filter((h) => h >= 0)).size;
}

const panigrahy = () =>
  compileProblem(
    parseVbp(readFileSync(join(DATA, 'vbp/panigrahy_d3/class1_20_3_0.vbp'), 'utf8'), 'class1_20_3_0')
      .instance,
  );

/** 60 hosts × 600 VMs filling about 95 % of the cpu: a model HiGHS and glpk cannot finish in 300 ms. */
function tightCluster(): Problem {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const vms = Array.from({ length: 600 }, (_, i) => ({
    id: `v${i}`,
    demand: [1 + Math.floor(rnd() * 11), 2 + Math.floor(rnd() * 40)],
  }));
  const hosts = Array.from({ length: 60 }, (_, i) => ({ id: `h${i}`, capacity: [64, 256] }));
  return problem({ resources: ['cpu', 'memory'], hosts, vms });
}

const zones = (caps: number[], zoneOf: string[]) =>
  caps.map((c, i) => ({ id: `h${i}`, capacity: [c], tags: { zone: zoneOf[i]! } }));

describe.each(['glpk', 'highs'] as const)('%s MIP back-end', (name) => {
  let mip: MipBackend;
  beforeAll(() => {
    mip = createMipBackend(name);
  });
  afterAll(async () => {
    await mip.close();
  });

  async function solved(p: Problem, sub: SubProblem): Promise<MipOutcome> {
    const out = await mip.solve(p, sub, { timeLimitMs: 5000 });
    expect(out.status, out.message).toBe('optimal');
    expect(violations(p, sub, out)).toEqual([]);
    return out;
  }
  const hostOf = (p: Problem, sub: SubProblem, out: MipOutcome, vm: string) =>
    p.hostIds[finalOf(sub, out)[p.vmIndex.get(vm)!]!] ?? 'unplaced';

  it('proves the optimum of 6 hosts on Panigrahy class1_20_3_0', async () => {
    const p = panigrahy();
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(hostsUsed(sub, out)).toBe(6);
    expect(out.bound).toBeCloseTo(out.objective!, 6);
  });

  it('separates anti-affine VMs per host, and per zone around a fixed member', async () => {
    const p = problem({
      hosts: zones([10, 10, 10, 10], ['a', 'a', 'b', 'b']),
      vms: [
        { id: 'x1', demand: [1] },
        { id: 'x2', demand: [1] },
        { id: 'x3', demand: [1] },
        { id: 'z0', demand: [1], host: 'h0', fixed: true },
        { id: 'z1', demand: [1] },
      ],
      constraints: [
        { type: 'anti-affinity', vms: ['x1', 'x2', 'x3'] },
        { type: 'anti-affinity', vms: ['z0', 'z1'], scope: 'zone' },
      ],
    });
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(new Set(['x1', 'x2', 'x3'].map((v) => hostOf(p, sub, out, v))).size).toBe(3);
    expect(['h2', 'h3']).toContain(hostOf(p, sub, out, 'z1'));
  });

  it('keeps affine VMs in one zone, the zone of a fixed member when there is one', async () => {
    // Splitting a1/a2 over h0 and h2 would keep 2 hosts on; the affinity costs a third host.
    const p = problem({
      hosts: zones([6, 6, 7], ['a', 'a', 'b']),
      vms: [
        { id: 'f0', demand: [1], host: 'h0', fixed: true },
        { id: 'b0', demand: [1], host: 'h2', fixed: true },
        { id: 'a1', demand: [5] },
        { id: 'a2', demand: [5] },
        { id: 'b1', demand: [1] },
      ],
      constraints: [
        { type: 'affinity', vms: ['a1', 'a2'], scope: 'zone' },
        { type: 'affinity', vms: ['b0', 'b1'], scope: 'zone' },
      ],
    });
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(['a1', 'a2'].map((v) => hostOf(p, sub, out, v)).sort()).toEqual(['h0', 'h1']);
    expect(hostOf(p, sub, out, 'b1')).toBe('h2');
    expect(hostsUsed(sub, out)).toBe(3);
  });

  it('spreads over at least min zones, counting fixed members', async () => {
    const p = problem({
      hosts: zones([10, 10, 10], ['a', 'b', 'c']),
      vms: [
        { id: 's0', demand: [1], host: 'h0', fixed: true },
        { id: 's1', demand: [1] },
        { id: 's2', demand: [1] },
      ],
      constraints: [{ type: 'spread', vms: ['s0', 's1', 's2'], tag: 'zone', min: 3 }],
    });
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(new Set(['s0', 's1', 's2'].map((v) => hostOf(p, sub, out, v))).size).toBe(3);
  });

  it('honours allowed and forbidden hosts over the cheaper choice', async () => {
    const p = problem({
      hosts: zones([10, 10, 10], ['a', 'a', 'b']),
      vms: [
        { id: 'on0', demand: [1], host: 'h0', fixed: true },
        { id: 'f', demand: [1] },
        { id: 'g', demand: [1] },
      ],
      constraints: [
        { type: 'forbidden', vms: ['f'], hosts: ['h0'] },
        { type: 'allowed', vms: ['g'], tags: { zone: ['b'] } },
      ],
    });
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(hostOf(p, sub, out, 'f')).not.toBe('h0');
    expect(hostOf(p, sub, out, 'g')).toBe('h2');
    expect(hostsUsed(sub, out)).toBe(2); // f joins g on h2 rather than opening h1
  });

  it('leaves an all-or-nothing set unplaced as a whole when it cannot fit', async () => {
    const p = problem({
      hosts: zones([10, 10], ['a', 'a']),
      vms: [
        { id: 'm1', demand: [8] },
        { id: 'm2', demand: [8] },
        { id: 'm3', demand: [8] },
        { id: 'solo', demand: [8] },
      ],
      constraints: [{ type: 'all-or-nothing', vms: ['m1', 'm2', 'm3'] }],
    });
    const sub = fullSub(p, { allowUnplaced: true });
    const out = await solved(p, sub);
    expect(['m1', 'm2', 'm3'].map((v) => hostOf(p, sub, out, v))).toEqual([
      'unplaced',
      'unplaced',
      'unplaced',
    ]);
    expect(hostOf(p, sub, out, 'solo')).not.toBe('unplaced');
  });

  it('keeps VMs home under a migration budget of 0, and moves at most the budget', async () => {
    const p = problem({
      hosts: zones([10, 10, 10], ['a', 'a', 'a']),
      vms: [
        { id: 'v0', demand: [2], host: 'h0' },
        { id: 'v1', demand: [2], host: 'h1' },
        { id: 'v2', demand: [2], host: 'h2' },
      ],
    });
    const stay = fullSub(p, { migrationBudget: 0 });
    const out = await solved(p, stay);
    expect([...finalOf(stay, out)]).toEqual([0, 1, 2]);
    const one = fullSub(p, { migrationBudget: 1 });
    const moved = await solved(p, one);
    expect(hostsUsed(one, moved)).toBe(2);
  });

  it('min-migrations moves the cheapest VM off an overloaded host; pinned VMs stay', async () => {
    const p = problem(
      {
        hosts: zones([10, 10], ['a', 'a']),
        vms: [
          { id: 'dear', demand: [6], host: 'h0', moveCost: 5 },
          { id: 'cheap', demand: [3], host: 'h0', moveCost: 1 },
          { id: 'big', demand: [3], host: 'h0', moveCost: 2 },
          { id: 'pin', demand: [1], host: 'h1', fixed: true },
        ],
      },
      { name: 'min-migrations' },
    );
    const sub = fullSub(p, { assignment: Int32Array.from([0, -1, -1, 1]) });
    const out = await solved(p, sub);
    expect(['dear', 'cheap', 'big', 'pin'].map((v) => hostOf(p, sub, out, v))).toEqual([
      'h0',
      'h1',
      'h0',
      'h1',
    ]);
    expect(out.objective).toBeCloseTo(1, 6);
  });

  it('balance minimises the peak utilisation', async () => {
    const p = problem(
      { hosts: zones([10, 10], ['a', 'a']), vms: [6, 4, 3, 3].map((d, i) => ({ id: `b${i}`, demand: [d] })) },
      { name: 'balance' },
    );
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(out.objective).toBeCloseTo(0.9, 6);
  });

  it('profit drops a VM whose benefit does not pay for the host it needs', async () => {
    const p = problem(
      {
        hosts: [
          { id: 'h0', capacity: [10], cost: 5 },
          { id: 'h1', capacity: [10], cost: 1 },
        ],
        vms: [
          { id: 'rich', demand: [8], benefit: 10 },
          { id: 'poor', demand: [8], benefit: 0.5 },
        ],
      },
      { name: 'profit' },
    );
    const sub = fullSub(p); // profit may unplace even though allowUnplaced is false
    const out = await solved(p, sub);
    expect(hostOf(p, sub, out, 'rich')).toBe('h1');
    expect(hostOf(p, sub, out, 'poor')).toBe('unplaced');
    expect(out.objective).toBeCloseTo(-9, 6);
  });

  it('solves a weighted objective within the hard constraints', async () => {
    const p = problem(
      {
        hosts: zones([10, 10, 10], ['a', 'a', 'b']),
        vms: [3, 3, 3].map((d, i) => ({ id: `w${i}`, demand: [d], host: `h${i}` })),
      },
      { name: 'weighted', weights: { consolidate: 1, 'min-migrations': 0.5, balance: 0.1 } },
    );
    const sub = fullSub(p);
    const out = await solved(p, sub);
    expect(hostsUsed(sub, out)).toBe(1);
  });

  it('reports infeasible sub-problems, found before or by the solver', async () => {
    const twoOnOne = problem({
      hosts: [{ id: 'h0', capacity: [10] }],
      vms: [
        { id: 'a', demand: [1] },
        { id: 'b', demand: [1] },
      ],
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'] }],
    });
    const early = await mip.solve(twoOnOne, fullSub(twoOnOne, { hosts: Int32Array.of() }), {
      timeLimitMs: 2000,
    });
    expect(early.status).toBe('infeasible');
    expect(early.message).toMatch(/fits no host/);
    expect((await mip.solve(twoOnOne, fullSub(twoOnOne), { timeLimitMs: 2000 })).status).toBe('infeasible');
    const threeOnTwo = problem({
      hosts: zones([10, 10], ['a', 'a']),
      vms: [6, 6, 6].map((d, i) => ({ id: `t${i}`, demand: [d] })),
    });
    const out = await mip.solve(threeOnTwo, fullSub(threeOnTwo), { timeLimitMs: 2000 });
    expect(out.status).toBe('infeasible');
    expect(out.message).toBeUndefined();
  });

  it('refuses malformed sub-problems with INVALID_ARGUMENT', async () => {
    const p = panigrahy();
    const err = await mip
      .solve(p, fullSub(p, { hosts: Int32Array.of(0, 99) }), { timeLimitMs: 100 })
      .catch((e) => e);
    expect(isReservoirError(err) && err.code === 'INVALID_ARGUMENT' && err.field).toBe('sub.hosts[1]');
    await expect(mip.solve(p, fullSub(p), { timeLimitMs: 0 })).rejects.toThrow(/timeLimitMs/);
  });

  it('stops a large solve at its time limit and keeps working', async () => {
    const p = tightCluster();
    const sub = fullSub(p, { allowUnplaced: true, assignment: ffd(p) });
    const t = performance.now();
    const out = await mip.solve(p, sub, { timeLimitMs: 300 });
    expect(performance.now() - t).toBeLessThan(1500);
    expect(['feasible', 'no-solution']).toContain(out.status);
    if (out.status === 'feasible') expect(violations(p, sub, out)).toEqual([]);
    const again = fullSub(panigrahy());
    expect(hostsUsed(again, await solved(panigrahy(), again))).toBe(6);
  });
});

describe('HiGHS with a warm start', () => {
  it('improves on or keeps an FFD start for OR-Library u120_00 in 5 s', async () => {
    const [u120] = parseOrLibraryBinPacking(readFileSync(join(DATA, 'bpp/binpack1.txt'), 'utf8'), 'binpack1');
    const p = compileProblem(u120!.instance);
    const start = ffd(p);
    const sub = fullSub(p, { assignment: start });
    const mip = createMipBackend('highs');
    try {
      const out = await mip.solve(p, sub, { timeLimitMs: 5000 });
      expect(['optimal', 'feasible']).toContain(out.status);
      expect(violations(p, sub, out)).toEqual([]);
      expect(hostsUsed(sub, out)).toBeLessThanOrEqual(new Set(start).size);
      expect(hostsUsed(sub, out)).toBeGreaterThanOrEqual(u120!.best!);
      expect(out.bound).toBeGreaterThan(47);
    } finally {
      await mip.close();
    }
  });
});

describe('solver worker watchdog', () => {
  it('kills a worker that overruns, then serves the next solve from a fresh one', async () => {
    const thread = new SolverThread('glpk');
    try {
      const p = tightCluster();
      const f = buildFormulation(p, fullSub(p, { allowUnplaced: true }));
      await thread.ready();
      const t = performance.now();
      // The solver is told it has a minute; the parent kills it after 200 ms.
      const killed = await thread.run(
        { type: 'solve', id: 1, model: f.model, deadline: Date.now() + 60_000 },
        Date.now() + 200,
      );
      expect(killed.kind).toBe('timeout');
      expect(performance.now() - t).toBeLessThan(1000);
      const q = panigrahy();
      const g = buildFormulation(q, fullSub(q));
      const next = await thread.run(
        { type: 'solve', id: 2, model: g.model, deadline: Date.now() + 5000 },
        Date.now() + 5500,
      );
      expect(next.kind === 'reply' && next.reply.status).toBe('optimal');
    } finally {
      await thread.close();
    }
  });
});
