import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstance } from './instance.js';
import {
  OK,
  Placement,
  REJECT_ALLOWED,
  REJECT_BUDGET,
  REJECT_CAPACITY,
  REJECT_FIXED,
  REJECT_GROUP,
  REJECT_SPREAD,
} from './placement.js';
import { compileProblem, valueOf, type Problem } from './problem.js';
import { hardViolations } from './verify.js';

// The incremental placement state: which rule keeps a VM off a host, and counters that must stay
// equal to what a recount from scratch gives, whatever the order of moves.

const HOSTS = [
  { id: 'h1', capacity: [8, 16], tags: { zone: 'z1' }, overcommit: [2, 1] },
  { id: 'h2', capacity: [8, 16], tags: { zone: 'z1' } },
  { id: 'h3', capacity: [8, 16], tags: { zone: 'z2' }, reserved: [6, 0] },
  { id: 'h4', capacity: [8, 16], tags: {} },
];

function setup(json: Record<string, unknown>): {
  p: Problem;
  pl: Placement;
  v: (id: string) => number;
  h: (id: string) => number;
} {
  const p = compileProblem(parseInstance({ resources: ['cpu', 'memory'], hosts: HOSTS, ...json }));
  return { p, pl: new Placement(p), v: (id) => p.vmIndex.get(id)!, h: (id) => p.hostIndex.get(id)! };
}

describe('Placement.rejection', () => {
  it('checks capacity × overcommit against what is used, reserved capacity included', () => {
    const { pl, v, h } = setup({
      vms: [
        { id: 'a', demand: [12, 1] },
        { id: 'b', demand: [3, 17] },
      ],
    });
    expect(pl.rejection(v('a'), h('h1'))).toBe(OK);
    expect(pl.rejection(v('a'), h('h2'))).toBe(REJECT_CAPACITY + 0);
    expect(pl.rejection(v('b'), h('h1'))).toBe(REJECT_CAPACITY + 1);
    pl.assign(v('a'), h('h1'));
    expect(pl.used[h('h1') * 2]).toBe(12);
    const { pl: pl2, v: v2, h: h2 } = setup({ vms: [{ id: 'c', demand: [3, 1] }] });
    expect(pl2.rejection(v2('c'), h2('h3'))).toBe(REJECT_CAPACITY + 0);
    expect(pl2.hostsUsed).toBe(1);
  });

  it('names the hard group that rules a host out, and never a soft one', () => {
    const { pl, v, h } = setup({
      vms: ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [1, 1] })),
      constraints: [
        { type: 'anti-affinity', vms: ['a', 'b'], scope: 'zone' },
        { type: 'affinity', vms: ['c', 'd'] },
        { type: 'anti-affinity', vms: ['a', 'c'], hard: false },
      ],
    });
    // Tag-scoped hard rule: a host without the tag is out at once.
    expect(pl.rejection(v('a'), h('h4'))).toBe(REJECT_GROUP + 0);
    pl.assign(v('a'), h('h1'));
    expect(pl.rejection(v('b'), h('h2'))).toBe(REJECT_GROUP + 0);
    expect(pl.rejection(v('b'), h('h3'))).toBe(OK);
    pl.assign(v('c'), h('h1'));
    expect(pl.rejection(v('d'), h('h2'))).toBe(REJECT_GROUP + 1);
    expect(pl.rejection(v('d'), h('h1'))).toBe(OK);
    expect(pl.soft).toBe(1);
    expect(pl.softDelta(v('d'), h('h2'))).toBe(0);
  });

  it('makes the first min members of a spread take distinct values', () => {
    const { pl, v, h } = setup({
      vms: ['a', 'b', 'c'].map((id) => ({ id, demand: [1, 1] })),
      constraints: [{ type: 'spread', vms: ['a', 'b', 'c'], tag: 'zone', min: 2 }],
    });
    expect(pl.rejection(v('a'), h('h4'))).toBe(REJECT_SPREAD + 0);
    pl.assign(v('a'), h('h1'));
    expect(pl.rejection(v('b'), h('h2'))).toBe(REJECT_SPREAD + 0);
    expect(pl.rejection(v('b'), h('h3'))).toBe(OK);
    pl.assign(v('b'), h('h3'));
    expect(pl.rejection(v('c'), h('h2'))).toBe(OK);
  });

  it('checks allowed hosts, pinned VMs and the migration budget', () => {
    const { pl, v, h } = setup({
      vms: [
        { id: 'a', demand: [1, 1] },
        { id: 'b', demand: [1, 1], host: 'h2', fixed: true },
        { id: 'c', demand: [1, 1], host: 'h2' },
        { id: 'd', demand: [1, 1], host: 'h2' },
      ],
      constraints: [{ type: 'allowed', vms: ['a'], tags: { zone: ['z2'] } }],
      policy: { maxMigrations: 1 },
    });
    expect(pl.rejection(v('a'), h('h1'))).toBe(REJECT_ALLOWED);
    expect(pl.rejection(v('a'), h('h3'))).toBe(OK);
    expect(pl.rejection(v('b'), h('h1'))).toBe(REJECT_FIXED);
    expect(pl.rejection(v('b'), h('h2'))).toBe(OK);
    pl.assign(v('c'), h('h1'));
    expect(pl.migrations).toBe(1);
    expect(pl.rejection(v('d'), h('h1'))).toBe(REJECT_BUDGET);
    expect(pl.rejection(v('d'), h('h2'))).toBe(OK);
    pl.unassign(v('c'));
    expect(pl.rejection(v('d'), h('h1'))).toBe(OK);
  });
});

// ---------------------------------------------------------------------------------------------

const N_VMS = 8;
const ids = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'];
const randomProblem = fc
  .record({
    demand: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 })), {
      minLength: N_VMS,
      maxLength: N_VMS,
    }),
    current: fc.array(fc.option(fc.constantFrom('h1', 'h2', 'h3', 'h4')), {
      minLength: N_VMS,
      maxLength: N_VMS,
    }),
    groups: fc.array(
      fc.record({
        type: fc.constantFrom('affinity', 'anti-affinity'),
        vms: fc.subarray(ids, { minLength: 1 }),
        scope: fc.constantFrom('host', 'zone'),
        hard: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    spreads: fc.array(
      fc.record({
        type: fc.constant('spread'),
        vms: fc.subarray(ids, { minLength: 1 }),
        tag: fc.constant('zone'),
        min: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 2 },
    ),
    budget: fc.option(fc.integer({ min: 0, max: 4 })),
  })
  .map((g) =>
    parseInstance({
      resources: ['cpu', 'memory'],
      hosts: HOSTS.map((h) => ({ ...h, power: { idle: 10, peak: 30 }, cost: 2 })),
      vms: g.demand.map(([cpu, mem], i) => ({
        id: ids[i],
        demand: [cpu, mem],
        benefit: i + 1,
        moveCost: 2,
        ...(g.current[i] ? { host: g.current[i] } : {}),
      })),
      constraints: [...g.groups, ...g.spreads],
      policy: g.budget === null ? {} : { maxMigrations: g.budget },
    }),
  );

/** Everything the counters hold, recounted from pl.host alone. */
function recount(pl: Placement) {
  const p = pl.p;
  const used = p.base.slice();
  const count = new Int32Array(p.nHosts);
  for (let h = 0; h < p.nHosts; h++)
    for (let r = 0; r < p.nRes; r++) if (p.base[h * p.nRes + r]! > 0) count[h] = 1;
  let placed = 0;
  let migrations = 0;
  let moveCostSum = 0;
  let benefitPlaced = 0;
  let loadPower = 0;
  for (let v = 0; v < p.nVms; v++) {
    const h = pl.host[v]!;
    if (h < 0) continue;
    placed++;
    benefitPlaced += p.benefit[v]!;
    count[h]!++;
    for (let r = 0; r < p.nRes; r++) used[h * p.nRes + r]! += p.demand[v * p.nRes + r]!;
    if (p.current[v]! >= 0 && p.current[v] !== h) {
      migrations++;
      moveCostSum += p.moveCost[v]!;
    }
    loadPower += ((p.peak[h]! - p.idle[h]!) * p.demand[v * p.nRes]!) / p.cap[h * p.nRes]!;
  }
  let hostsUsed = 0;
  let activeCost = 0;
  let idlePower = 0;
  for (let h = 0; h < p.nHosts; h++)
    if (count[h]! > 0) {
      hostsUsed++;
      activeCost += p.hostCost[h]!;
      idlePower += p.idle[h]!;
    }
  // Soft units: per soft anti-affinity group, members beyond the first on a tagged value; per
  // soft affinity group with members placed, every value beyond the first (a host without the
  // tag counts as a value of its own for each member on it).
  let soft = 0;
  for (const g of p.groups) {
    if (g.hard) continue;
    const members = [...g.vms].filter((v) => pl.host[v]! >= 0).map((v) => valueOf(p, g.scope, pl.host[v]!));
    if (members.length === 0) continue;
    const tagged = members.filter((x) => x >= 0);
    if (g.kind === 'anti-affinity') soft += tagged.length - new Set(tagged).size;
    else soft += new Set(tagged).size + (members.length - tagged.length) - 1;
  }
  // Distinct tag values a spread's members use (a host without the tag gives none).
  const spreadDistinct = p.spreads.map(
    (s) =>
      new Set(
        [...s.vms]
          .filter((v) => pl.host[v]! >= 0)
          .map((v) => valueOf(p, s.scope, pl.host[v]!))
          .filter((x) => x >= 0),
      ).size,
  );
  return {
    used: [...used],
    count: [...count],
    placed,
    migrations,
    moveCostSum,
    benefitPlaced,
    loadPower,
    hostsUsed,
    activeCost,
    idlePower,
    soft,
    spreadDistinct,
  };
}

function snapshot(pl: Placement) {
  return {
    used: [...pl.used],
    count: [...pl.count],
    placed: pl.placed,
    migrations: pl.migrations,
    moveCostSum: pl.moveCostSum,
    benefitPlaced: pl.benefitPlaced,
    loadPower: pl.loadPower,
    hostsUsed: pl.hostsUsed,
    activeCost: pl.activeCost,
    idlePower: pl.idlePower,
    soft: pl.soft,
    spreadDistinct: [...pl.spreadDistinct],
  };
}

const closeTo = (a: ReturnType<typeof recount>, b: ReturnType<typeof recount>) => {
  expect(a.used.map((x) => Math.round(x * 1e6))).toEqual(b.used.map((x) => Math.round(x * 1e6)));
  expect(a.loadPower).toBeCloseTo(b.loadPower, 6);
  expect({ ...a, used: 0, loadPower: 0 }).toEqual({ ...b, used: 0, loadPower: 0 });
};

const ops = fc.array(fc.tuple(fc.integer({ min: 0, max: N_VMS - 1 }), fc.integer({ min: 0, max: 3 })), {
  maxLength: 60,
});

describe('Placement counters', () => {
  it('equal a recount after any sequence of moves, and survive clone', () => {
    fc.assert(
      fc.property(randomProblem, ops, (instance, moves) => {
        const pl = new Placement(compileProblem(instance));
        for (const [v, h] of moves) {
          if (pl.host[v]! >= 0) pl.unassign(v);
          else pl.assign(v, h);
          closeTo(snapshot(pl), recount(pl));
        }
        closeTo(snapshot(pl.clone()), snapshot(pl));
      }),
      { numRuns: 200 },
    );
  });

  it('accept only moves the independent checker accepts', () => {
    fc.assert(
      fc.property(randomProblem, ops, (instance, moves) => {
        const p = compileProblem(instance);
        const pl = new Placement(p);
        for (const [v, h] of moves) if (pl.host[v]! < 0 && pl.canPlace(v, h)) pl.assign(v, h);
        const assignment: Record<string, string> = {};
        for (let v = 0; v < p.nVms; v++)
          if (pl.host[v]! >= 0) assignment[p.vmIds[v]!] = p.hostIds[pl.host[v]!]!;
        expect(hardViolations(instance, assignment)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
