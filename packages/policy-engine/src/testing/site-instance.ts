import { construct } from '../domain/greedy.js';
import type { PeConstraint, PeHost, PeInstance, PeVm } from '../domain/model.js';
import { compileProblem } from '../domain/problem.js';
import { mulberry32 } from '../solvers/random.js';

// A synthetic site for benchmarks and scale tests: three host generations tagged by site, zone
// and rack; VMs from cloud flavours, running where a spreading scheduler put them, then a 20 %
// load change (resized VMs, some hosts now overloaded) and new all-or-nothing services waiting;
// about 10 % of VMs under affinity, anti-affinity, spread, site and host constraints.

export interface SiteOptions {
  hosts: number;
  vms: number;
  seed?: number;
  /** Share of VMs whose flavour changes after the initial placement. */
  loadChange?: number;
}

const HOST_TYPES = [
  { share: 0.5, capacity: [64, 262_144, 4_000], power: { idle: 120, peak: 300 } },
  { share: 0.25, capacity: [96, 393_216, 6_000], power: { idle: 160, peak: 420 } },
  { share: 0.25, capacity: [48, 196_608, 3_000], power: { idle: 100, peak: 250 } },
];

/** vCPUs, MiB, GB, and how common the flavour is. */
const FLAVOURS: [number, number, number, number][] = [
  [1, 2_048, 20, 20],
  [2, 4_096, 40, 25],
  [4, 8_192, 80, 20],
  [8, 16_384, 120, 12],
  [16, 32_768, 160, 6],
  [4, 32_768, 80, 7],
  [16, 16_384, 80, 6],
  [32, 65_536, 320, 4],
];

export function siteInstance(o: SiteOptions): PeInstance {
  const rng = mulberry32(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const flavour = () => {
    let x = rng() * 100;
    for (const f of FLAVOURS) if ((x -= f[3]) < 0) return [f[0], f[1], f[2]];
    return FLAVOURS[0]!.slice(0, 3);
  };
  const hosts: PeHost[] = [];
  for (let i = 0; i < o.hosts; i++) {
    const u = i / o.hosts;
    const type = u < HOST_TYPES[0]!.share ? HOST_TYPES[0]! : u < 0.75 ? HOST_TYPES[1]! : HOST_TYPES[2]!;
    const site = i % 2 === 0 ? 's1' : 's2';
    const zone = `${site}-z${1 + (Math.floor(i / 2) % 4)}`;
    hosts.push({
      id: `h${String(i + 1).padStart(4, '0')}`,
      capacity: type.capacity,
      tags: { site, zone, rack: `${zone}-r${1 + (Math.floor(i / 8) % 10)}` },
      overcommit: [2, 1, 1],
      power: type.power,
      cost: type.power.idle / 100,
    });
  }
  const newVms = Math.max(4, Math.floor(o.vms / 100));
  const vms: PeVm[] = [];
  for (let i = 0; i < o.vms; i++)
    vms.push({ id: `v${String(i + 1).padStart(5, '0')}`, demand: flavour(), benefit: 1, moveCost: 1 });

  // Constraints over about 10 % of the running VMs, in disjoint groups.
  const constraints: PeConstraint[] = [];
  const running = o.vms - newVms;
  let next = 0;
  const take = (n: number) => {
    const ids = vms.slice(next, next + n).map((v) => v.id);
    next += n;
    return ids;
  };
  const zones = [...new Set(hosts.map((h) => h.tags.zone!))];
  const budget = Math.floor(running * 0.1);
  while (next + 40 <= budget) {
    constraints.push({ type: 'anti-affinity', vms: take(3), scope: 'host', hard: true });
    constraints.push({ type: 'anti-affinity', vms: take(2), scope: 'zone', hard: true });
    constraints.push({ type: 'affinity', vms: take(2), scope: 'host', hard: true });
    constraints.push({ type: 'affinity', vms: take(3), scope: 'rack', hard: false });
    constraints.push({ type: 'spread', vms: take(4), tag: 'zone', min: 3 });
    constraints.push({ type: 'allowed', vms: take(20), tags: { site: [pick(['s1', 's2'])] } });
    constraints.push({ type: 'forbidden', vms: take(6), tags: { zone: [pick(zones)] } });
  }
  // Every VM runs somewhere first: a spreading placement of the instance without the new ones.
  const base: PeInstance = {
    resources: ['cpu', 'memory', 'disk'],
    hosts,
    vms: vms.slice(0, running),
    constraints,
    policy: { name: 'balance', maxMigrations: Infinity, weights: {} },
  };
  const placed = construct(compileProblem(base), { keepCurrent: false });
  for (let v = 0; v < running; v++) {
    const h = placed.host[v]!;
    if (h >= 0) vms[v]!.host = hosts[h]!.id;
  }
  // The load change: some VMs take another flavour where they run (hosts may now be overloaded).
  const change = o.loadChange ?? 0.2;
  for (let v = 0; v < running; v++) if (rng() < change) vms[v]!.demand = flavour();
  // New services, each all-or-nothing, two of its members kept apart.
  for (let at = running; at + 4 <= o.vms; at += 4) {
    const ids = vms.slice(at, at + 4).map((v) => v.id);
    constraints.push({ type: 'all-or-nothing', vms: ids });
    constraints.push({ type: 'anti-affinity', vms: ids.slice(0, 2), scope: 'host', hard: true });
  }
  return {
    resources: base.resources,
    hosts,
    vms,
    constraints,
    policy: { name: 'consolidate', maxMigrations: Infinity, weights: {} },
  };
}
