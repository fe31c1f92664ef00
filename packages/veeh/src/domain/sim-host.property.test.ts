import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Domain, DomainState, Resources } from './driver.js';
import type { SimHost } from './sim-host.js';
import { simHost, spec } from '../testing/fixtures.js';

// The oracle: what a domain holds in each state, written independently of the driver.
function oracleHeld(d: Domain, priorOf: Map<string, DomainState>): Resources {
  const state = d.state === 'migrating' ? (priorOf.get(d.vmId) ?? 'running') : d.state;
  const r = d.spec.resources;
  const compute = state === 'running' || state === 'paused' || state === 'incoming';
  return { vcpus: compute ? r.vcpus : 0, memoryMib: compute ? r.memoryMib : 0, diskMib: r.diskMib };
}

const vm = fc.constantFrom('a', 'b', 'c');
const small = (max: number) => fc.integer({ min: 1, max });
const landing = fc.constantFrom<DomainState>('running', 'shutoff', 'suspended', 'defined', 'paused');

type Op = { name: string; run: (h: SimHost, prior: Map<string, DomainState>) => Promise<unknown> };

const create = fc.tuple(vm, small(4), small(6000), fc.integer({ min: 0, max: 9000 })).map(([v, c, m, d]) => ({
  name: `create ${v} ${c}/${m}/${d}`,
  run: (h: SimHost) => h.create(spec(v, c, m, d)),
}));
const start = vm.map((v) => ({ name: `start ${v}`, run: (h: SimHost) => h.start(v) }));

// Creates and starts come often, so that sequences reach the busy states where limits bite.
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: create, weight: 4 },
  { arbitrary: start, weight: 4 },
  fc.tuple(vm, small(4), small(6000)).map(([v, c, m]) => ({
    name: `prepareIncoming ${v} ${c}/${m}`,
    run: (h: SimHost) => h.prepareIncoming(spec(v, c, m, 1000), true),
  })),
  ...(['suspend', 'resume', 'reboot', 'destroy', 'abortIncoming'] as const).map((k) =>
    vm.map((v) => ({ name: `${k} ${v}`, run: (h: SimHost) => h[k](v) })),
  ),
  fc
    .tuple(vm, fc.boolean())
    .map(([v, hard]) => ({ name: `shutdown ${v} ${hard}`, run: (h: SimHost) => h.shutdown(v, hard) })),
  vm.map((v) => ({ name: `crash ${v}`, run: async (h: SimHost) => h.crashDomain(v) })),
  vm.map((v) => ({ name: `pause ${v}`, run: async (h: SimHost) => h.pauseDomain(v) })),
  fc.tuple(vm, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7000 })).map(([v, c, m]) => ({
    name: `resize ${v} ${c}/${m}`,
    run: (h: SimHost) => h.resize(v, { vcpus: c, memoryMib: m }),
  })),
  fc
    .tuple(vm, fc.constantFrom('s1', 's2'))
    .map(([v, s]) => ({ name: `snapshot ${v} ${s}`, run: (h: SimHost) => h.snapshot(v, s) })),
  fc
    .tuple(vm, fc.constantFrom('s1', 's2'))
    .map(([v, s]) => ({ name: `revert ${v} ${s}`, run: (h: SimHost) => h.revert(v, s) })),
  fc
    .tuple(vm, fc.constantFrom('s1', 's2'))
    .map(([v, s]) => ({ name: `deleteSnapshot ${v} ${s}`, run: (h: SimHost) => h.deleteSnapshot(v, s) })),
  fc.tuple(vm, fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 8000 })).map(([v, id, size]) => ({
    name: `attachDisk ${v} ${id} ${size}`,
    run: (h: SimHost) => h.attachDisk(v, { id, imageId: '', format: 'raw', sizeMib: size, target: '' }),
  })),
  fc
    .tuple(vm, fc.constantFrom('x', 'y'))
    .map(([v, id]) => ({ name: `detachDisk ${v} ${id}`, run: (h: SimHost) => h.detachDisk(v, id) })),
  fc.tuple(vm, landing).map(([v, s]) => ({
    name: `completeIncoming ${v} ${s}`,
    run: (h: SimHost) =>
      h.completeIncoming({
        vmId: v,
        live: s === 'running',
        sourceState: s,
        snapshots: ['m'],
        memoryImageMib: 0,
      }),
  })),
  fc.tuple(vm, fc.boolean()).map(([v, live]) => ({
    name: `beginOutgoing ${v} ${live}`,
    run: async (h: SimHost, prior: Map<string, DomainState>) => {
      const before = (await h.get(v).catch(() => undefined))?.state;
      const out = await h.beginOutgoing(v, live);
      if (before) prior.set(v, before);
      return out;
    },
  })),
  vm.map((v) => ({ name: `cancelOutgoing ${v}`, run: (h: SimHost) => h.cancelOutgoing(v) })),
  vm.map((v) => ({ name: `completeOutgoing ${v}`, run: (h: SimHost) => h.completeOutgoing(v) })),
  fc.constantFrom('start', 'create').map((o) => ({
    name: `fault on ${o}`,
    run: async (h: SimHost) => h.inject({ op: o as 'start' | 'create', count: 1 }),
  })),
);

// Counterexamples print as the operation names.
const printable = op.map((o) => Object.assign(o, { [fc.toStringMethod]: () => o.name }));

async function snapshotOf(h: SimHost) {
  return { domains: await h.list(), usage: h.usage() };
}

describe('sim host accounting (property)', () => {
  it('used always equals the sum of what each domain holds in its state, within limits; refused operations change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(printable, { minLength: 10, maxLength: 50 }), async (ops) => {
        const { host } = simHost({ cores: 2, memoryMib: 8192, diskMib: 20_000, overcommit: { cpu: 2 } });
        const prior = new Map<string, DomainState>();
        for (const o of ops) {
          const before = await snapshotOf(host);
          const failed = await o.run(host, prior).then(
            () => false,
            () => true,
          );
          const after = await snapshotOf(host);
          if (failed) expect(after, `refused ${o.name} changed the host`).toEqual(before);
          for (const d of after.domains) if (d.state !== 'migrating') prior.delete(d.vmId);

          const sum: Resources = { vcpus: 0, memoryMib: 0, diskMib: 0 };
          for (const d of after.domains) {
            const h = oracleHeld(d, prior);
            sum.vcpus += h.vcpus;
            sum.memoryMib += h.memoryMib;
            sum.diskMib += h.diskMib;
            const disks = d.spec.disks.reduce((s, x) => s + x.sizeMib, 0);
            expect(d.spec.resources.diskMib).toBeGreaterThanOrEqual(disks);
          }
          expect(after.usage.used, `after ${o.name}`).toEqual(sum);
          for (const k of ['vcpus', 'memoryMib', 'diskMib'] as const) {
            expect(after.usage.used[k]).toBeLessThanOrEqual(after.usage.limits[k]);
            expect(after.usage.used[k]).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 250 },
    );
  });
});
