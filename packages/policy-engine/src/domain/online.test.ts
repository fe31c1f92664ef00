import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstance } from './instance.js';
import type { PeInstance } from './model.js';
import { placeOnline } from './online.js';
import { hardViolations } from './verify.js';

// Online placement: VMs with a host are running and stay; new VMs (one, or an all-or-nothing
// request) are placed around them under the policy.

const host = (id: string, cpu: number, zone: string) => ({ id, capacity: [cpu, 64], tags: { zone } });

describe('placeOnline', () => {
  it('packs a new VM next to running ones under consolidate, and never moves a running VM', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 16, 'z1'), host('h2', 16, 'z1'), host('h3', 16, 'z2')],
      vms: [
        { id: 'run1', demand: [4, 8], host: 'h2' },
        { id: 'run2', demand: [4, 8], host: 'h3' },
        { id: 'new', demand: [4, 8] },
      ],
    });
    const r = placeOnline(instance);
    expect(Object.keys(r.assignment)).toEqual(['new']);
    expect(['h2', 'h3']).toContain(r.assignment.new);
    expect(r.unplaced).toEqual([]);
  });

  it('puts a new VM on the emptiest host under balance, even when one host is crowded', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 16, 'z1'), host('h2', 16, 'z1')],
      vms: [
        { id: 'run1', demand: [6, 8], host: 'h1' },
        { id: 'run2', demand: [6, 8], host: 'h1' },
        { id: 'new', demand: [2, 8] },
      ],
      policy: { name: 'balance' },
    });
    expect(placeOnline(instance).assignment).toEqual({ new: 'h2' });
  });

  it('uses the policy it is given over the instance one', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 16, 'z1'), host('h2', 16, 'z1')],
      vms: [
        { id: 'run', demand: [6, 8], host: 'h1' },
        { id: 'new', demand: [2, 8] },
      ],
      policy: { name: 'balance' },
    });
    expect(placeOnline(instance).assignment).toEqual({ new: 'h2' });
    expect(
      placeOnline(instance, { name: 'consolidate', maxMigrations: Infinity, weights: {} }).assignment,
    ).toEqual({
      new: 'h1',
    });
  });

  it('keeps a new VM away from a running one it must not share a zone with', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 16, 'z1'), host('h2', 16, 'z1'), host('h3', 4, 'z2')],
      vms: [
        { id: 'db1', demand: [2, 8], host: 'h1' },
        { id: 'db2', demand: [2, 8] },
      ],
      constraints: [{ type: 'anti-affinity', vms: ['db1', 'db2'], scope: 'zone' }],
    });
    expect(placeOnline(instance).assignment).toEqual({ db2: 'h3' });
  });

  it('names the running VM that excludes hosts when a new one cannot be placed', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 16, 'z1'), host('h2', 16, 'z1')],
      vms: [
        { id: 'vm-7', demand: [2, 8], host: 'h1' },
        { id: 'vm-8', demand: [2, 8], host: 'h2' },
        { id: 'new', demand: [2, 8] },
      ],
      constraints: [
        { type: 'anti-affinity', vms: ['vm-7', 'new'] },
        { type: 'anti-affinity', vms: ['vm-8', 'new'] },
      ],
    });
    const r = placeOnline(instance);
    expect(r.assignment).toEqual({});
    expect(r.unplaced).toEqual([
      {
        vm: 'new',
        reasons: ['1 host excluded by anti-affinity with vm-7', '1 host excluded by anti-affinity with vm-8'],
      },
    ]);
  });

  it('places an all-or-nothing request whole or not at all', () => {
    const json = (third: number) => ({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 8, 'z1'), host('h2', 8, 'z2')],
      vms: [
        { id: 'run', demand: [4, 8], host: 'h1' },
        { id: 'a', demand: [4, 8] },
        { id: 'b', demand: [4, 8] },
        { id: 'c', demand: [third, 8] },
      ],
      constraints: [{ type: 'all-or-nothing', vms: ['a', 'b', 'c'] }],
    });
    const fits = placeOnline(parseInstance(json(4)));
    expect(Object.keys(fits.assignment).sort()).toEqual(['a', 'b', 'c']);
    expect(fits.unplaced).toEqual([]);
    const tooBig = placeOnline(parseInstance(json(5)));
    expect(tooBig.assignment).toEqual({});
    expect(tooBig.unplaced.map((u) => u.vm).sort()).toEqual(['a', 'b', 'c']);
    for (const u of tooBig.unplaced)
      expect(u.reasons[0]).toMatch(
        /^all-or-nothing \(constraints\[0\]\): the set of 3 VMs could not be placed together/,
      );
  });

  it('lists only the new VMs, never the running ones, even on an overloaded host', () => {
    const instance = parseInstance({
      resources: ['cpu', 'memory'],
      hosts: [host('h1', 4, 'z1')],
      vms: [
        { id: 'run1', demand: [4, 8], host: 'h1' },
        { id: 'run2', demand: [4, 8], host: 'h1' },
        { id: 'new', demand: [1, 8] },
      ],
    });
    const r = placeOnline(instance);
    expect(r.assignment).toEqual({});
    expect(r.unplaced).toEqual([{ vm: 'new', reasons: ['1 host lacks cpu'] }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: placing requests one batch after another around what already runs never breaks a
// hard rule, and accounts for every new VM.

const memberIds = (nVms: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: nVms - 1 }), { minLength: 1, maxLength: Math.min(max, nVms) })
    .map((ix) => ix.map((i) => `v${i}`));

const onlineArb = fc
  .record({ nHosts: fc.integer({ min: 2, max: 8 }), nVms: fc.integer({ min: 1, max: 25 }) })
  .chain(({ nHosts, nVms }) =>
    fc.record({
      hosts: fc.array(
        fc.record({
          cpu: fc.constantFrom(8, 16, 32),
          mem: fc.constantFrom(16, 32, 64),
          zone: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 8 }),
          rack: fc.integer({ min: 0, max: 3 }),
          overcommit: fc.constantFrom(1, 2),
          reserved: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3 }),
        }),
        { minLength: nHosts, maxLength: nHosts },
      ),
      vms: fc.array(
        fc.record({
          cpu: fc.integer({ min: 0, max: 12 }),
          mem: fc.integer({ min: 1, max: 24 }),
          first: fc.boolean(),
        }),
        { minLength: nVms, maxLength: nVms },
      ),
      constraints: fc.array(
        fc.oneof(
          fc.record({
            type: fc.constantFrom('affinity', 'anti-affinity'),
            vms: memberIds(nVms, 4),
            scope: fc.constantFrom('host', 'zone', 'rack'),
            hard: fc.boolean(),
          }),
          fc.record({
            type: fc.constant('spread'),
            vms: memberIds(nVms, 5),
            tag: fc.constantFrom('zone', 'rack'),
            min: fc.integer({ min: 1, max: 4 }),
          }),
          fc.record({
            type: fc.constantFrom('allowed', 'forbidden'),
            vms: memberIds(nVms, 3),
            tags: fc.record({ zone: fc.subarray(['z0', 'z1', 'z2'], { minLength: 1 }) }),
          }),
          fc.record({
            type: fc.constantFrom('allowed', 'forbidden'),
            vms: memberIds(nVms, 3),
            hosts: fc
              .uniqueArray(fc.integer({ min: 0, max: nHosts - 1 }), { minLength: 1, maxLength: nHosts })
              .map((ix) => ix.map((i) => `h${i}`)),
          }),
          fc.record({ type: fc.constant('all-or-nothing'), vms: memberIds(nVms, 4) }),
        ),
        { maxLength: 6 },
      ),
      policy: fc.constantFrom('consolidate', 'balance', 'min-migrations', 'profit', 'weighted'),
    }),
  )
  .map((g) => {
    const first = new Set(g.vms.flatMap((v, i) => (v.first ? [`v${i}`] : [])));
    return {
      first,
      instance: parseInstance({
        resources: ['cpu', 'memory'],
        hosts: g.hosts.map((h, i) => ({
          id: `h${i}`,
          capacity: [h.cpu, h.mem],
          tags: { ...(h.zone !== null ? { zone: `z${h.zone}` } : {}), rack: `r${h.rack}` },
          overcommit: [h.overcommit, 1],
          ...(h.reserved !== null ? { reserved: [h.reserved, h.reserved] } : {}),
        })),
        vms: g.vms.map((v, i) => ({ id: `v${i}`, demand: [v.cpu, v.mem] })),
        // An all-or-nothing request is one batch: sets mixing both batches are left out.
        constraints: g.constraints.filter(
          (c) =>
            c.type !== 'all-or-nothing' ||
            c.vms.every((v) => first.has(v)) ||
            c.vms.every((v) => !first.has(v)),
        ),
        policy: { name: g.policy, weights: { consolidate: 1, balance: 1 } },
      }),
    };
  });

/** The instance with only the given VMs (constraints keep their members among them). */
function restrict(instance: PeInstance, keep: Set<string>): PeInstance {
  return {
    ...instance,
    vms: instance.vms.filter((v) => keep.has(v.id)),
    constraints: instance.constraints
      .map((c) => ({ ...c, vms: c.vms.filter((v) => keep.has(v)) }))
      .filter((c) => c.vms.length > 0),
  };
}

function expectAccounted(r: ReturnType<typeof placeOnline>, newVms: string[], hostIds: Set<string>): void {
  const unplaced = new Map(r.unplaced.map((u) => [u.vm, u.reasons]));
  expect(Object.keys(r.assignment).length + unplaced.size).toBe(newVms.length);
  for (const v of newVms) {
    const h = r.assignment[v];
    if (h !== undefined) expect(hostIds.has(h)).toBe(true);
    else expect(unplaced.get(v)?.length ?? 0, `reasons for ${v}`).toBeGreaterThan(0);
  }
}

describe('placeOnline on random instances', () => {
  it('places batch after batch without breaking a hard rule, accounting for every new VM', () => {
    fc.assert(
      fc.property(onlineArb, ({ first, instance }) => {
        const hostIds = new Set(instance.hosts.map((h) => h.id));
        // First batch onto empty hosts.
        const before = restrict(instance, first);
        const r1 = placeOnline(before);
        expect(hardViolations(before, r1.assignment)).toEqual([]);
        expectAccounted(r1, [...first], hostIds);
        // Second batch (and what the first left out) around the first, now running.
        const running: PeInstance = {
          ...instance,
          vms: instance.vms.map((v) => (r1.assignment[v.id] ? { ...v, host: r1.assignment[v.id] } : v)),
        };
        const r2 = placeOnline(running);
        const newVms = running.vms.filter((v) => v.host === undefined).map((v) => v.id);
        expectAccounted(r2, newVms, hostIds);
        for (const v of Object.keys(r2.assignment)) expect(r1.assignment[v]).toBeUndefined();
        expect(hardViolations(running, { ...r1.assignment, ...r2.assignment })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
