import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { parseOrLibraryBinPacking, parseVbp } from '../domain/benchmark-formats.js';
import { parseInstance } from '../domain/instance.js';
import type { PePolicy } from '../domain/model.js';
import type { SolveResult } from '../domain/result.js';
import { hardViolations } from '../domain/verify.js';
import { siteInstance } from '../testing/site-instance.js';
import { solve, type SolveOptions } from './solve.js';

// One small hand-made instance per rule and per policy, the contradictory inputs, published
// benchmarks and the time limit. Every answer is also checked by the independent verifier.

const DATA = join(REPO_ROOT, '../shared/bench-data');

async function run(json: Record<string, unknown>, options: SolveOptions = {}): Promise<SolveResult> {
  const instance = parseInstance(json);
  const r = await solve(instance, { solver: 'heuristic', timeLimitMs: 200, ...options });
  expect(hardViolations(instance, r.assignment)).toEqual([]);
  return r;
}

/** Four hosts of 16 cpu / 64 GB: h1, h2 in zone z1, h3, h4 in zone z2, one rack each. */
const HOSTS = [1, 2, 3, 4].map((k) => ({
  id: `h${k}`,
  capacity: [16, 64],
  tags: { zone: k <= 2 ? 'z1' : 'z2', rack: `r${k}` },
}));
const zoneOf = (h: string | undefined) => HOSTS.find((x) => x.id === h)?.tags.zone;
const small = (...ids: string[]) => ids.map((id) => ({ id, demand: [2, 4] }));
const base = { resources: ['cpu', 'memory'], hosts: HOSTS };
const hostsOf = (r: SolveResult, ids: string[]) => new Set(ids.map((id) => r.assignment[id]));

describe('solve: each rule', () => {
  it('uses capacity × overcommit', async () => {
    const json = (overcommit: number) => ({
      resources: ['cpu', 'memory'],
      hosts: [
        { id: 'h1', capacity: [8, 64], overcommit: [overcommit, 1] },
        { id: 'h2', capacity: [8, 64] },
      ],
      vms: ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [4, 8] })),
    });
    const over = await run(json(2));
    expect(over.hostsUsed).toBe(1);
    expect(new Set(Object.values(over.assignment))).toEqual(new Set(['h1']));
    const plain = await run(json(1));
    expect(plain.hostsUsed).toBe(2);
    expect(Object.values(plain.assignment).filter((h) => h === 'h1')).toHaveLength(2);
  });

  it('counts reserved capacity as used, and a host with reserved capacity as on', async () => {
    const json = (cpu: number) => ({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10], reserved: [6] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [{ id: 'a', demand: [cpu] }],
    });
    const fits = await run(json(4));
    expect(fits.assignment).toEqual({ a: 'h1' });
    expect(fits.hostsUsed).toBe(1);
    const tooBig = await run(json(5));
    expect(tooBig.assignment).toEqual({ a: 'h2' });
    expect(tooBig.hostsUsed).toBe(2);
  });

  it('hard anti-affinity at host scope: one member per host, even when packing', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c', 'd'),
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b', 'c'] }],
    });
    expect(hostsOf(r, ['a', 'b', 'c']).size).toBe(3);
    expect(r.hostsUsed).toBe(3);
    expect(r.lowerBound).toBe(3);
    expect(r.status).toBe('optimal');
  });

  it('hard anti-affinity at zone scope: members in different zones', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c'),
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], scope: 'zone' }],
    });
    expect(zoneOf(r.assignment.a)).toBeDefined();
    expect(zoneOf(r.assignment.a)).not.toBe(zoneOf(r.assignment.b));
    expect(r.hostsUsed).toBe(2);
  });

  it('hard affinity at host scope keeps members together under balance', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c', 'd'),
      constraints: [{ type: 'affinity', vms: ['a', 'b', 'c'] }],
      policy: { name: 'balance' },
    });
    expect(hostsOf(r, ['a', 'b', 'c']).size).toBe(1);
    expect(r.assignment.d).not.toBe(r.assignment.a);
  });

  it('hard affinity at zone scope keeps members in one zone under balance', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c', 'd'),
      constraints: [{ type: 'affinity', vms: ['a', 'b', 'c', 'd'], scope: 'zone' }],
      policy: { name: 'balance' },
    });
    expect(new Set(['a', 'b', 'c', 'd'].map((v) => zoneOf(r.assignment[v]))).size).toBe(1);
    // Balanced within the zone: both of its hosts take two.
    expect(hostsOf(r, ['a', 'b', 'c', 'd']).size).toBe(2);
  });

  it('soft anti-affinity is broken when there is no other way, not leaving a VM out', async () => {
    const r = await run({
      resources: ['cpu', 'memory'],
      hosts: [HOSTS[0]],
      vms: small('a', 'b'),
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], hard: false }],
    });
    expect(r.assignment).toEqual({ a: 'h1', b: 'h1' });
    expect(r.unplaced).toEqual([]);
  });

  it('soft anti-affinity is honoured under balance', async () => {
    const r = await run({
      ...base,
      vms: [...small('a', 'b'), ...small('c', 'd', 'e', 'f').map((v) => ({ ...v, demand: [1, 1] }))],
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], scope: 'zone', hard: false }],
      policy: { name: 'balance' },
    });
    expect(zoneOf(r.assignment.a)).not.toBe(zoneOf(r.assignment.b));
  });

  // Four VMs of 6 cpu need two 16-cpu hosts whatever happens: keeping a and b apart is free.
  it('soft anti-affinity is honoured when it costs no host (consolidate)', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: [1, 2, 3, 4].map((k) => ({ id: `h${k}`, capacity: [16] })),
      vms: ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [6] })),
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], hard: false }],
    });
    expect(r.hostsUsed).toBe(2);
    expect(r.assignment.a).not.toBe(r.assignment.b);
  });

  it('claims no optimum while a soft violation is left', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: [1, 2, 3, 4].map((k) => ({ id: `h${k}`, capacity: [16] })),
      vms: ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [6] })),
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], hard: false }],
    });
    if (r.assignment.a === r.assignment.b) expect(r.status).toBe('feasible');
    else expect(r.status).toBe('optimal');
  });

  it('soft affinity is honoured when it costs nothing, and broken rather than leaving a VM out', async () => {
    // Two VMs of 10 cpu need two hosts either way: both in one zone is free.
    const zone = await run({
      ...base,
      vms: [
        { id: 'a', demand: [10, 4] },
        { id: 'b', demand: [10, 4] },
      ],
      constraints: [{ type: 'affinity', vms: ['a', 'b'], scope: 'zone', hard: false }],
    });
    expect(zone.assignment.a).not.toBe(zone.assignment.b);
    expect(zoneOf(zone.assignment.a)).toBe(zoneOf(zone.assignment.b));
    const host = await run({
      ...base,
      vms: [
        { id: 'a', demand: [10, 4] },
        { id: 'b', demand: [10, 4] },
      ],
      constraints: [{ type: 'affinity', vms: ['a', 'b'], hard: false }],
    });
    expect(host.unplaced).toEqual([]);
    expect(host.assignment.a).not.toBe(host.assignment.b);
  });

  it('keeps members of a hard zone-scoped rule off hosts without a zone tag; a soft one does not', async () => {
    const hosts = [
      { id: 'untagged', capacity: [64, 256] },
      { id: 'zoned', capacity: [8, 32], tags: { zone: 'z1' } },
    ];
    const json = (hard: boolean, cpu: number) => ({
      resources: ['cpu', 'memory'],
      hosts,
      vms: [
        { id: 'a', demand: [cpu, 4] },
        { id: 'b', demand: [cpu, 4] },
      ],
      constraints: [{ type: 'affinity', vms: ['a', 'b'], scope: 'zone', hard }],
    });
    const hard = await run(json(true, 2));
    expect(hard.assignment).toEqual({ a: 'zoned', b: 'zoned' });
    const soft = await run(json(false, 2));
    expect(soft.assignment).toEqual({ a: 'untagged', b: 'untagged' });
    // Room for one of them on the tagged host: one goes, and the other's reason says why.
    const one = await run(json(true, 6));
    expect(Object.values(one.assignment)).toEqual(['zoned']);
    expect(one.unplaced).toHaveLength(1);
    expect(one.unplaced[0]!.reasons).toEqual([
      '1 host excluded: no zone tag (affinity constraints[0])',
      '1 host lacks cpu',
    ]);
  });

  it('spreads members over at least min distinct values, fewer only with fewer members placed', async () => {
    const hosts = ['z1', 'z2', 'z3'].map((zone, i) => ({
      id: `h${i + 1}`,
      capacity: [16, 64],
      tags: { zone },
    }));
    const r = await run({
      resources: ['cpu', 'memory'],
      hosts,
      vms: small('a', 'b', 'c', 'd', 'e'),
      constraints: [{ type: 'spread', vms: ['a', 'b', 'c', 'd'], tag: 'zone', min: 3 }],
    });
    expect(r.unplaced).toEqual([]);
    expect(hostsOf(r, ['a', 'b', 'c', 'd']).size).toBe(3);
    expect(r.hostsUsed).toBe(3);
    const two = await run({
      resources: ['cpu', 'memory'],
      hosts,
      vms: small('a', 'b'),
      constraints: [{ type: 'spread', vms: ['a', 'b'], tag: 'zone', min: 3 }],
    });
    expect(two.unplaced).toEqual([]);
    expect(hostsOf(two, ['a', 'b']).size).toBe(2);
  });

  it('honours allowed and forbidden hosts and tag values', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c', 'd'),
      constraints: [
        { type: 'allowed', vms: ['a'], hosts: ['h4'] },
        { type: 'allowed', vms: ['b'], tags: { zone: ['z2'] } },
        { type: 'forbidden', vms: ['c'], hosts: ['h1', 'h2', 'h3'] },
        { type: 'forbidden', vms: ['d'], tags: { zone: ['z1'] } },
      ],
    });
    expect(r.assignment).toEqual({ a: 'h4', b: 'h4', c: 'h4', d: 'h4' });
    // Both parts of a filter must match.
    const both = await run({
      ...base,
      vms: small('a'),
      constraints: [{ type: 'allowed', vms: ['a'], hosts: ['h1', 'h3'], tags: { zone: ['z2'] } }],
    });
    expect(both.assignment).toEqual({ a: 'h3' });
  });

  it('places an all-or-nothing set whole when it fits', async () => {
    const r = await run({
      ...base,
      vms: [...small('a', 'b'), { id: 'c', demand: [16, 64] }],
      constraints: [{ type: 'all-or-nothing', vms: ['a', 'b', 'c'] }],
    });
    expect(Object.keys(r.assignment).sort()).toEqual(['a', 'b', 'c']);
  });

  it('moves at most maxMigrations VMs that have a host', async () => {
    const json = (maxMigrations?: number) => ({
      ...base,
      vms: [
        { id: 'a', demand: [2, 4], host: 'h1' },
        { id: 'b', demand: [2, 4], host: 'h2' },
        { id: 'c', demand: [2, 4], host: 'h3' },
        { id: 'n', demand: [2, 4] },
      ],
      policy: maxMigrations === undefined ? {} : { maxMigrations },
    });
    const free = await run(json());
    expect(free.hostsUsed).toBe(1);
    expect(free.migrations).toBe(2);
    const one = await run(json(1));
    expect(one.migrations).toBe(1);
    expect(one.hostsUsed).toBe(2);
    expect(one.unplaced).toEqual([]);
    const none = await run(json(0));
    expect(none.migrations).toBe(0);
    expect(none.assignment).toMatchObject({ a: 'h1', b: 'h2', c: 'h3' });
  });

  it('spends a migration budget on the fewest VMs: one big move rather than three small ones', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [
        { id: 'big', demand: [8], host: 'h1' },
        { id: 's1', demand: [3], host: 'h1' },
        { id: 's2', demand: [3], host: 'h1' },
        { id: 's3', demand: [3], host: 'h1' },
      ],
      policy: { maxMigrations: 1 },
    });
    expect(r.assignment).toEqual({ big: 'h2', s1: 'h1', s2: 'h1', s3: 'h1' });
    expect(r.unplaced).toEqual([]);
  });

  it('never moves a fixed VM, and packs the others around it', async () => {
    const r = await run({
      ...base,
      vms: [
        { id: 'pinned', demand: [2, 4], host: 'h3', fixed: true },
        { id: 'a', demand: [2, 4], host: 'h1' },
        { id: 'b', demand: [2, 4], host: 'h2' },
      ],
    });
    expect(r.assignment).toEqual({ pinned: 'h3', a: 'h3', b: 'h3' });
    expect(r.migrations).toBe(2);
  });
});

describe('solve: each policy', () => {
  it('consolidate packs four small VMs on one host, the one drawing least power', async () => {
    const hosts = HOSTS.map((h, i) => ({ ...h, power: { idle: i === 2 ? 80 : 150, peak: 300 } }));
    const r = await run({ ...base, hosts, vms: small('a', 'b', 'c', 'd') });
    expect(r.assignment).toEqual({ a: 'h3', b: 'h3', c: 'h3', d: 'h3' });
    expect(r).toMatchObject({
      status: 'optimal',
      hostsUsed: 1,
      lowerBound: 1,
      gap: 0,
      policy: 'consolidate',
    });
  });

  it('balance spreads four small VMs over four hosts', async () => {
    const r = await run({ ...base, vms: small('a', 'b', 'c', 'd'), policy: { name: 'balance' } });
    expect(hostsOf(r, ['a', 'b', 'c', 'd']).size).toBe(4);
    expect(r.hostsUsed).toBe(4);
    // Peak utilisation 2/16 (cpu), no spread between hosts.
    expect(r.objective).toBeCloseTo(0.125, 9);
    expect(r.policy).toBe('balance');
  });

  it('balance lowers the peak of an unbalanced current placement', async () => {
    const r = await run({
      ...base,
      vms: ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [4, 4], host: 'h1' })),
      policy: { name: 'balance' },
    });
    expect(hostsOf(r, ['a', 'b', 'c', 'd']).size).toBe(4);
  });

  it('min-migrations moves exactly the fewest VMs off an overloaded host', async () => {
    const json = (moveCost: [number, number, number]) => ({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
        { id: 'h3', capacity: [10] },
      ],
      vms: [
        { id: 'a', demand: [6], host: 'h1', moveCost: moveCost[0] },
        { id: 'b', demand: [3], host: 'h1', moveCost: moveCost[1] },
        { id: 'c', demand: [3], host: 'h1', moveCost: moveCost[2] },
        { id: 'd', demand: [5], host: 'h2' },
        { id: 'e', demand: [5], host: 'h3' },
      ],
      policy: { name: 'min-migrations' },
    });
    const r = await run(json([1, 1, 1]));
    expect(r.migrations).toBe(1);
    expect(r.objective).toBe(1);
    expect(r.assignment).toMatchObject({ d: 'h2', e: 'h3' });
    expect(r.unplaced).toEqual([]);
    expect(r.plan).toHaveLength(1);
    // Four VMs on one host: moving the big one alone beats moving the three small ones.
    const four = await run({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [
        { id: 'big', demand: [8], host: 'h1' },
        { id: 's1', demand: [3], host: 'h1' },
        { id: 's2', demand: [3], host: 'h1' },
        { id: 's3', demand: [3], host: 'h1' },
      ],
      policy: { name: 'min-migrations' },
    });
    expect(four.assignment).toEqual({ big: 'h2', s1: 'h1', s2: 'h1', s3: 'h1' });
    expect(four.migrations).toBe(1);
    // The cheapest move is the one made.
    const costly = await run(json([4, 1, 4]));
    expect(costly.migrations).toBe(1);
    expect(costly.assignment).toMatchObject({ a: 'h1', c: 'h1' });
    expect(costly.assignment.b).not.toBe('h1');
    expect(costly.objective).toBe(1);
  });

  it('profit leaves out a VM whose benefit is below the cost of the only host that could take it', async () => {
    const json = (name: string) => ({
      resources: ['cpu'],
      hosts: [
        { id: 'cheap', capacity: [10], cost: 1 },
        { id: 'dear', capacity: [10], cost: 5 },
      ],
      vms: [
        { id: 'a', demand: [6], benefit: 3 },
        { id: 'b', demand: [6], benefit: 2 },
      ],
      policy: { name },
    });
    const r = await run(json('profit'));
    expect(r.assignment).toEqual({ a: 'cheap' });
    expect(r.unplaced.map((u) => u.vm)).toEqual(['b']);
    expect(r.unplaced[0]!.reasons).toContain('1 host could take it, but the policy left it out');
    expect(r.objective).toBe(-(3 - 1));
    expect(r.status).toBe('feasible');
    // Any other policy places both.
    const all = await run(json('consolidate'));
    expect(all.assignment).toEqual({ a: 'cheap', b: 'dear' });
  });

  it('profit keeps a VM that pays for its host', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: [{ id: 'h1', capacity: [10], cost: 5 }],
      vms: [{ id: 'a', demand: [6], benefit: 7 }],
      policy: { name: 'profit' },
    });
    expect(r.assignment).toEqual({ a: 'h1' });
    expect(r.objective).toBe(-2);
  });

  it('weighted with consolidate 1 and balance 0 behaves like consolidate, balance 1 like balance', async () => {
    const vms = small('a', 'b', 'c', 'd');
    const consolidate = await run({ ...base, vms });
    const packed = await run({
      ...base,
      vms,
      policy: { name: 'weighted', weights: { consolidate: 1, balance: 0 } },
    });
    expect(packed.assignment).toEqual(consolidate.assignment);
    expect(packed.hostsUsed).toBe(1);
    expect(packed.policy).toBe('weighted');
    const spread = await run({
      ...base,
      vms,
      policy: { name: 'weighted', weights: { consolidate: 0, balance: 1 } },
    });
    expect(spread.hostsUsed).toBe(4);
  });

  it('takes the policy of the options over the instance one', async () => {
    const r = await run(
      { ...base, vms: small('a', 'b', 'c', 'd') },
      { policy: { name: 'balance', maxMigrations: Infinity, weights: {} } },
    );
    expect(r.policy).toBe('balance');
    expect(r.hostsUsed).toBe(4);
  });
});

describe('solve: infeasible and contradictory input', () => {
  it('a VM bigger than every host: infeasible, with the resource named', async () => {
    const r = await run({ ...base, vms: [...small('a', 'b'), { id: 'big', demand: [8, 100] }] });
    expect(r.status).toBe('infeasible');
    expect(Object.keys(r.assignment).sort()).toEqual(['a', 'b']);
    expect(r.unplaced).toEqual([{ vm: 'big', reasons: ['4 hosts lack memory'] }]);
  });

  it('hard affinity and anti-affinity on the same two VMs at host scope: infeasible, nothing violated', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c'),
      constraints: [
        { type: 'affinity', vms: ['a', 'b'] },
        { type: 'anti-affinity', vms: ['a', 'b'] },
      ],
    });
    expect(r.status).toBe('infeasible');
    expect(r.assignment.a !== undefined && r.assignment.b !== undefined).toBe(false);
    expect(r.assignment.c).toBeDefined();
    expect(r.unplaced.length).toBeGreaterThanOrEqual(1);
    for (const u of r.unplaced) expect(u.reasons.length).toBeGreaterThan(0);
  });

  it('hard zone affinity and host anti-affinity do not contradict', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b'),
      constraints: [
        { type: 'affinity', vms: ['a', 'b'], scope: 'zone' },
        { type: 'anti-affinity', vms: ['a', 'b'] },
      ],
    });
    expect(r.unplaced).toEqual([]);
    expect(r.assignment.a).not.toBe(r.assignment.b);
    expect(zoneOf(r.assignment.a)).toBe(zoneOf(r.assignment.b));
  });

  it('a spread minimum beyond the number of zones: infeasible, placed members still spread', async () => {
    const r = await run({
      ...base,
      vms: small('a', 'b', 'c'),
      constraints: [{ type: 'spread', vms: ['a', 'b', 'c'], tag: 'zone', min: 3 }],
    });
    expect(r.status).toBe('infeasible');
    const placed = ['a', 'b', 'c'].filter((v) => r.assignment[v] !== undefined);
    expect(placed).toHaveLength(2);
    expect(new Set(placed.map((v) => zoneOf(r.assignment[v])))).toEqual(new Set(['z1', 'z2']));
    expect(r.unplaced[0]!.reasons).toEqual([
      '4 hosts excluded by spread over 3 zone values (constraints[0])',
    ]);
  });

  it('an all-or-nothing set with a member that fits nowhere: the whole set is left out', async () => {
    const r = await run({
      ...base,
      vms: [...small('a', 'b', 'free'), { id: 'big', demand: [32, 4] }],
      constraints: [{ type: 'all-or-nothing', vms: ['a', 'b', 'big'] }],
    });
    expect(r.assignment).toEqual({ free: expect.any(String) });
    expect(r.unplaced.map((u) => u.vm).sort()).toEqual(['a', 'b', 'big']);
    for (const u of r.unplaced)
      expect(u.reasons[0]).toMatch(
        /^all-or-nothing \(constraints\[0\]\): the set of 3 VMs could not be placed together/,
      );
    expect(r.unplaced.find((u) => u.vm === 'big')!.reasons).toContain('4 hosts lack cpu');
    expect(r.status).toBe('infeasible');
  });

  it('an allowed constraint with its own reason: that text is the reason', async () => {
    const r = await run({
      ...base,
      vms: small('gpu-job', 'other'),
      constraints: [
        { type: 'allowed', vms: ['gpu-job'], tags: { gpu: ['a100'] }, reason: 'needs an A100 GPU' },
      ],
    });
    expect(r.assignment).toEqual({ other: expect.any(String) });
    expect(r.unplaced).toEqual([{ vm: 'gpu-job', reasons: ['4 hosts excluded (needs an A100 GPU)'] }]);
    expect(r.status).toBe('infeasible');
  });

  it('without a reason of its own, an exclusion names its constraint', async () => {
    const r = await run({
      ...base,
      vms: small('a'),
      constraints: [
        { type: 'forbidden', vms: ['a'], tags: { zone: ['z1'] } },
        { type: 'forbidden', vms: ['a'], hosts: ['h3', 'h4'] },
      ],
    });
    expect(r.unplaced).toEqual([
      {
        vm: 'a',
        reasons: [
          '2 hosts excluded by forbidden constraints[0]',
          '2 hosts excluded by forbidden constraints[1]',
        ],
      },
    ]);
  });

  it('names the VM an anti-affinity keeps a VM away from, and counts hosts per cause', async () => {
    const r = await run({
      ...base,
      hosts: [...HOSTS.slice(0, 2), ...HOSTS.slice(2).map((h) => ({ ...h, capacity: [16, 2] }))],
      vms: [
        { id: 'vm-7', demand: [8, 4], host: 'h1', fixed: true },
        { id: 'vm-8', demand: [2, 4] },
      ],
      constraints: [{ type: 'anti-affinity', vms: ['vm-7', 'vm-8'], scope: 'zone' }],
    });
    expect(r.assignment).toEqual({ 'vm-7': 'h1' });
    expect(r.unplaced).toEqual([
      { vm: 'vm-8', reasons: ['2 hosts excluded by anti-affinity with vm-7', '2 hosts lack memory'] },
    ]);
    expect(r.status).toBe('partial');
  });

  it('a migration budget of 0 with an overloaded host: nothing moves, the excess is left out', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [
        { id: 'a', demand: [6], host: 'h1' },
        { id: 'b', demand: [4], host: 'h1' },
        { id: 'c', demand: [3], host: 'h1' },
      ],
      policy: { name: 'min-migrations', maxMigrations: 0 },
    });
    expect(r.migrations).toBe(0);
    expect(r.plan).toEqual([]);
    expect(r.status).toBe('partial');
    // Two of the three stay home; the third has nowhere to go without a migration.
    expect(Object.values(r.assignment)).toEqual(['h1', 'h1']);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]!.reasons).toContain(
      '1 host excluded: moving the VM exceeds the migration budget of 0',
    );
    // With a budget of 1 the excess moves instead.
    const one = await run({
      resources: ['cpu'],
      hosts: [
        { id: 'h1', capacity: [10] },
        { id: 'h2', capacity: [10] },
      ],
      vms: [
        { id: 'a', demand: [6], host: 'h1' },
        { id: 'b', demand: [4], host: 'h1' },
        { id: 'c', demand: [3], host: 'h1' },
      ],
      policy: { name: 'min-migrations', maxMigrations: 1 },
    });
    expect(one.unplaced).toEqual([]);
    expect(one.migrations).toBe(1);
  });

  it('no hosts at all: every VM unplaced', async () => {
    const r = await run({ resources: ['cpu'], hosts: [], vms: [{ id: 'a', demand: [1] }] });
    expect(r.unplaced).toEqual([{ vm: 'a', reasons: ['no hosts'] }]);
    expect(r.status).toBe('infeasible');
  });
});

describe('solve: the answer', () => {
  it('reports solver, bounds, gap and timings', async () => {
    const r = await run({
      resources: ['cpu'],
      hosts: Array.from({ length: 4 }, (_, i) => ({ id: `h${i}`, capacity: [10] })),
      vms: [6, 6, 6].map((cpu, i) => ({ id: `v${i}`, demand: [cpu] })),
    });
    expect(r).toMatchObject({ status: 'optimal', hostsUsed: 3, lowerBound: 3, gap: 0, solver: 'heuristic' });
    expect(r.firstFeasibleMs).toBeLessThanOrEqual(r.ms);
    expect(r.ms).toBeLessThan(1000);
  });

  it('refuses an unknown solver and a time limit that is not positive', async () => {
    const instance = parseInstance({ resources: ['cpu'], hosts: [], vms: [] });
    await expect(solve(instance, { solver: 'cplex' as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'solver',
    });
    await expect(solve(instance, { timeLimitMs: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'timeLimit',
    });
  });
});

describe('solve on published benchmarks', () => {
  it('u120: the first five problems within one host of the optimum, nothing violated', async () => {
    const set = parseOrLibraryBinPacking(readFileSync(join(DATA, 'bpp/binpack1.txt'), 'utf8'), 'binpack1');
    for (const { name, instance, best } of set.slice(0, 5)) {
      const r = await solve(instance, { timeLimitMs: 1000 });
      expect(hardViolations(instance, r.assignment), name).toEqual([]);
      expect(r.unplaced, name).toEqual([]);
      expect(r.hostsUsed, name).toBeLessThanOrEqual(best! + 1);
      expect(r.hostsUsed, name).toBeGreaterThanOrEqual(best!);
      expect(r.lowerBound, name).toBeLessThanOrEqual(best!);
    }
  });

  it('Panigrahy class1_20_3_0: 6 hosts, proven optimal', async () => {
    const { instance } = parseVbp(
      readFileSync(join(DATA, 'vbp/panigrahy_d3/class1_20_3_0.vbp'), 'utf8'),
      'class1_20_3_0',
    );
    const r = await solve(instance, { timeLimitMs: 1000 });
    expect(hardViolations(instance, r.assignment)).toEqual([]);
    expect(r).toMatchObject({ hostsUsed: 6, status: 'optimal', gap: 0, unplaced: [] });
  });
});

describe('solve: time limit', () => {
  // 200 hosts × 3000 VMs of a synthetic site: most running (some hosts overloaded), rules over a
  // tenth of them, new all-or-nothing services waiting.
  const instance = siteInstance({ hosts: 200, vms: 3000 });
  const policies: PePolicy[] = [
    { name: 'consolidate', maxMigrations: Infinity, weights: {} },
    { name: 'weighted', maxMigrations: Infinity, weights: { consolidate: 1, balance: 1 } },
  ];

  for (const policy of policies) {
    it(`answers a 200 × 3000 ${policy.name} instance within 500 ms (+ overhead)`, async () => {
      const t0 = performance.now();
      const r = await solve(instance, { timeLimitMs: 500, policy });
      const wall = performance.now() - t0;
      expect(wall).toBeLessThan(1500);
      expect(r.ms).toBeLessThan(1500);
      expect(r.firstFeasibleMs).toBeLessThan(500);
      expect(hardViolations(instance, r.assignment)).toEqual([]);
      expect(Object.keys(r.assignment).length + r.unplaced.length).toBe(3000);
    });
  }
});
