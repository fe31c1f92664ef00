import { filterMatches } from './host-filter.js';
import type { PeInstance, PePolicy } from './model.js';

// An instance compiled to dense indices and typed arrays: solvers run inner loops over hosts and
// VMs thousands of times, so ids, tag lookups and allowed-host lists are resolved once here.

/** Scope -1 is the host itself; any other scope is an index into Problem.scopes (a tag name). */
export const HOST_SCOPE = -1;

export interface Group {
  kind: 'affinity' | 'anti-affinity';
  vms: Int32Array;
  scope: number;
  hard: boolean;
  /** Index of the constraint in the instance, for reasons. */
  source: number;
}

export interface Spread {
  vms: Int32Array;
  scope: number;
  min: number;
  source: number;
}

export interface VmSet {
  vms: Int32Array;
  source: number;
}

export interface Problem {
  instance: PeInstance;
  policy: PePolicy;
  nRes: number;
  nHosts: number;
  nVms: number;
  hostIds: string[];
  vmIds: string[];
  hostIndex: Map<string, number>;
  vmIndex: Map<string, number>;
  /** capacity × overcommit, row-major [host * nRes + r]. */
  cap: Float64Array;
  /** Capacity taken by workloads outside the instance, [host * nRes + r]. */
  base: Float64Array;
  /** [vm * nRes + r]. */
  demand: Float64Array;
  /** Current host of each VM, or -1. */
  current: Int32Array;
  /** 1 for a VM pinned to its current host. */
  fixed: Uint8Array;
  idle: Float64Array;
  peak: Float64Array;
  hostCost: Float64Array;
  benefit: Float64Array;
  moveCost: Float64Array;
  /** The resource power is drawn by (cpu when named, else the first). */
  powerResource: number;
  /** Tag names constraints scope to. */
  scopes: string[];
  /** Per scope: host → index of its tag value, or -1 when the host lacks the tag. */
  scopeValue: Int32Array[];
  /** Per scope: the distinct tag values, by index. */
  scopeValues: string[][];
  /** Per VM: hosts it may use (1) after allowed/forbidden, or undefined for all. */
  allowed: (Uint8Array | undefined)[];
  groups: Group[];
  spreads: Spread[];
  sets: VmSet[];
  /** VM → indices into groups / spreads it belongs to. */
  vmGroups: number[][];
  vmSpreads: number[][];
  /** VM → index into sets, or -1. */
  vmSet: Int32Array;
  /** Size of a VM relative to the largest effective host capacity, summed over resources (ordering key). */
  weight: Float64Array;
}

function scopeIndexer(instance: PeInstance) {
  const scopes: string[] = [];
  const scopeValue: Int32Array[] = [];
  const scopeValues: string[][] = [];
  const byName = new Map<string, number>();
  return {
    scopes,
    scopeValue,
    scopeValues,
    index(tag: string): number {
      if (tag === 'host') return HOST_SCOPE;
      const known = byName.get(tag);
      if (known !== undefined) return known;
      const values = new Map<string, number>();
      const col = new Int32Array(instance.hosts.length);
      instance.hosts.forEach((h, i) => {
        const v = h.tags[tag];
        if (v === undefined) col[i] = -1;
        else {
          let k = values.get(v);
          if (k === undefined) values.set(v, (k = values.size));
          col[i] = k;
        }
      });
      const s = scopes.length;
      scopes.push(tag);
      scopeValue.push(col);
      scopeValues.push([...values.keys()]);
      byName.set(tag, s);
      return s;
    },
  };
}

/** Compiles a parsed instance (see parseInstance); the policy may be overridden. */
export function compileProblem(instance: PeInstance, policy: PePolicy = instance.policy): Problem {
  const nRes = instance.resources.length;
  const nHosts = instance.hosts.length;
  const nVms = instance.vms.length;
  const hostIndex = new Map(instance.hosts.map((h, i) => [h.id, i]));
  const vmIndex = new Map(instance.vms.map((v, i) => [v.id, i]));
  const cap = new Float64Array(nHosts * nRes);
  const base = new Float64Array(nHosts * nRes);
  const idle = new Float64Array(nHosts);
  const peak = new Float64Array(nHosts);
  const hostCost = new Float64Array(nHosts);
  instance.hosts.forEach((h, i) => {
    for (let r = 0; r < nRes; r++) {
      cap[i * nRes + r] = h.capacity[r]! * (h.overcommit[r] ?? 1);
      base[i * nRes + r] = h.reserved?.[r] ?? 0;
    }
    idle[i] = h.power.idle;
    peak[i] = h.power.peak;
    hostCost[i] = h.cost;
  });
  const maxCap = new Float64Array(nRes);
  for (let i = 0; i < nHosts; i++)
    for (let r = 0; r < nRes; r++) maxCap[r] = Math.max(maxCap[r]!, cap[i * nRes + r]!);
  const demand = new Float64Array(nVms * nRes);
  const current = new Int32Array(nVms).fill(-1);
  const fixed = new Uint8Array(nVms);
  const benefit = new Float64Array(nVms);
  const moveCost = new Float64Array(nVms);
  const weight = new Float64Array(nVms);
  instance.vms.forEach((v, i) => {
    let w = 0;
    for (let r = 0; r < nRes; r++) {
      const d = v.demand[r]!;
      demand[i * nRes + r] = d;
      w += maxCap[r]! > 0 ? d / maxCap[r]! : d > 0 ? Infinity : 0;
    }
    weight[i] = w;
    if (v.host !== undefined) current[i] = hostIndex.get(v.host) ?? -1;
    if (v.fixed && current[i]! >= 0) fixed[i] = 1;
    benefit[i] = v.benefit;
    moveCost[i] = v.moveCost;
  });

  const scopes = scopeIndexer(instance);
  const allowed: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(nVms).fill(undefined);
  const groups: Group[] = [];
  const spreads: Spread[] = [];
  const sets: VmSet[] = [];
  const vmGroups: number[][] = Array.from({ length: nVms }, () => []);
  const vmSpreads: number[][] = Array.from({ length: nVms }, () => []);
  const vmSet = new Int32Array(nVms).fill(-1);
  const vmsOf = (names: string[]) => Int32Array.from(new Set(names), (n) => vmIndex.get(n)!);

  instance.constraints.forEach((c, source) => {
    if (c.type === 'affinity' || c.type === 'anti-affinity') {
      const g = groups.length;
      const vms = vmsOf(c.vms);
      groups.push({ kind: c.type, vms, scope: scopes.index(c.scope), hard: c.hard, source });
      for (const v of vms) vmGroups[v]!.push(g);
    } else if (c.type === 'spread') {
      const s = spreads.length;
      const vms = vmsOf(c.vms);
      spreads.push({ vms, scope: scopes.index(c.tag), min: c.min, source });
      for (const v of vms) vmSpreads[v]!.push(s);
    } else if (c.type === 'all-or-nothing') {
      // A VM in two sets joins them: both must be placed together, so they are one set.
      const members = vmsOf(c.vms);
      const joined = new Set<number>();
      for (const v of members) if (vmSet[v] !== -1) joined.add(vmSet[v]!);
      const all = new Set<number>(members);
      for (const j of joined) for (const v of sets[j]!.vms) all.add(v);
      const k = sets.length;
      sets.push({ vms: Int32Array.from(all), source });
      for (const j of joined) sets[j] = { vms: new Int32Array(0), source: sets[j]!.source };
      for (const v of all) vmSet[v] = k;
    } else if (c.type === 'allowed' || c.type === 'forbidden') {
      const mask = new Uint8Array(nHosts);
      const allow = c.type === 'allowed';
      instance.hosts.forEach((h, k) => {
        mask[k] = allow === filterMatches(c, h) ? 1 : 0;
      });
      for (const name of new Set(c.vms)) {
        const v = vmIndex.get(name)!;
        const prev = allowed[v];
        if (!prev) allowed[v] = mask.slice();
        else for (let i = 0; i < nHosts; i++) prev[i]! &= mask[i]!;
      }
    }
  });

  const cpu = instance.resources.findIndex((r) => /^(cpu|vcpus?|cores?)$/i.test(r));
  return {
    instance,
    policy,
    nRes,
    nHosts,
    nVms,
    hostIds: instance.hosts.map((h) => h.id),
    vmIds: instance.vms.map((v) => v.id),
    hostIndex,
    vmIndex,
    cap,
    base,
    demand,
    current,
    fixed,
    idle,
    peak,
    hostCost,
    benefit,
    moveCost,
    powerResource: cpu >= 0 ? cpu : 0,
    scopes: scopes.scopes,
    scopeValue: scopes.scopeValue,
    scopeValues: scopes.scopeValues,
    allowed,
    groups,
    spreads,
    sets: sets.filter((s) => s.vms.length > 0),
    vmGroups,
    vmSpreads,
    vmSet: remapSets(vmSet, sets),
    weight,
  };
}

/** Sets emptied by a join are dropped; VM → set indices follow. */
function remapSets(vmSet: Int32Array, sets: VmSet[]): Int32Array {
  const map = new Int32Array(sets.length).fill(-1);
  let k = 0;
  sets.forEach((s, i) => {
    if (s.vms.length > 0) map[i] = k++;
  });
  return vmSet.map((s) => (s < 0 ? -1 : map[s]!));
}

/** The scope value of a host (for HOST_SCOPE, the host itself); -1 when the host lacks the tag. */
export function valueOf(p: Problem, scope: number, host: number): number {
  return scope === HOST_SCOPE ? host : p.scopeValue[scope]![host]!;
}

/** Number of values a scope can take. */
export function valueCount(p: Problem, scope: number): number {
  return scope === HOST_SCOPE ? p.nHosts : p.scopeValues[scope]!.length;
}

export function scopeName(p: Problem, scope: number): string {
  return scope === HOST_SCOPE ? 'host' : p.scopes[scope]!;
}
