import { errors } from '@reservoir/runtime';
import type { PeConstraint, PeHost, PeInstance, PePolicy, PeVm } from '../domain/model.js';

// A placement request (the VEEM asking where new VMs go) as an instance for the online placer:
// hosts carry what is already used as reserved capacity, placed VMs are pinned, and each host a
// caller ruled out becomes a forbidden constraint that keeps the caller's reason.

export interface PlaceHostInput {
  id: string;
  capacity: number[];
  /** Empty: no overcommit; a 0 entry means 1. */
  overcommit: number[];
  /** What the VMs already on the host use; empty means nothing. */
  used: number[];
  tags: Record<string, string>;
  powerIdle: number;
  powerPeak: number;
  /** 0 means the default, 1. */
  cost: number;
}

export interface PlaceVmInput {
  id: string;
  demand: number[];
  /** For a placed VM: its host. */
  host: string;
  excluded: { host: string; reason: string }[];
}

export interface PlaceConstraintInput {
  type: string;
  vms: string[];
  scope: string;
  hard: boolean;
  tag: string;
  min: number;
  hosts: string[];
  tags: Record<string, { values: string[] }>;
}

export interface PlaceInput {
  resources: string[];
  hosts: PlaceHostInput[];
  vms: PlaceVmInput[];
  placed: PlaceVmInput[];
  constraints: PlaceConstraintInput[];
}

function vector(field: string, values: number[], n: number, min = 0): number[] {
  if (values.length !== n) throw errors.invalid(field, `has ${values.length} values for ${n} resources`);
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v < min)
      throw errors.invalid(`${field}[${i}]`, `${v} must be a number ≥ ${min}`);
  });
  return values;
}

function optionalVector(field: string, values: number[], n: number, empty: number): number[] {
  return values.length === 0 ? new Array<number>(n).fill(empty) : vector(field, values, n);
}

function hostOf(h: PlaceHostInput, i: number, n: number): PeHost {
  const at = `hosts[${i}]`;
  if (!h.id) throw errors.invalid(`${at}.id`, 'must not be empty');
  const capacity = vector(`${at}.capacity`, h.capacity, n);
  const overcommit = optionalVector(`${at}.overcommit`, h.overcommit, n, 1).map((x) => x || 1);
  const used = optionalVector(`${at}.used`, h.used, n, 0);
  for (const [k, v] of Object.entries({ power_idle: h.powerIdle, power_peak: h.powerPeak, cost: h.cost }))
    if (!Number.isFinite(v) || v < 0) throw errors.invalid(`${at}.${k}`, `${v} must be a number ≥ 0`);
  return {
    id: h.id,
    capacity,
    tags: { ...h.tags },
    overcommit,
    power: { idle: h.powerIdle, peak: h.powerPeak },
    cost: h.cost || 1,
    reserved: used,
  };
}

function constraintOf(
  c: PlaceConstraintInput,
  i: number,
  known: (vm: string) => boolean,
  hosts: Set<string>,
) {
  const at = `constraints[${i}]`;
  if (c.vms.length === 0) throw errors.invalid(`${at}.vms`, 'must name at least one VM');
  c.vms.forEach((vm, k) => {
    if (!known(vm)) throw errors.invalid(`${at}.vms[${k}]`, `unknown VM "${vm}"`);
  });
  const vms = [...c.vms];
  switch (c.type) {
    case 'affinity':
    case 'anti-affinity':
      return { type: c.type, vms, scope: c.scope || 'host', hard: c.hard } satisfies PeConstraint;
    case 'spread':
      if (!c.tag) throw errors.invalid(`${at}.tag`, 'a spread needs the host tag to spread across');
      if (c.min < 1) throw errors.invalid(`${at}.min`, `${c.min} must be at least 1`);
      return { type: 'spread', vms, tag: c.tag, min: c.min } satisfies PeConstraint;
    case 'allowed':
    case 'forbidden': {
      const tags = Object.entries(c.tags);
      if (c.hosts.length === 0 && tags.length === 0)
        throw errors.invalid(at, `an ${c.type} constraint needs hosts or tags`);
      c.hosts.forEach((h, k) => {
        if (!hosts.has(h)) throw errors.invalid(`${at}.hosts[${k}]`, `unknown host "${h}"`);
      });
      for (const [tag, v] of tags)
        if (v.values.length === 0) throw errors.invalid(`${at}.tags.${tag}`, 'must list at least one value');
      return {
        type: c.type,
        vms,
        ...(c.hosts.length > 0 ? { hosts: [...c.hosts] } : {}),
        ...(tags.length > 0 ? { tags: Object.fromEntries(tags.map(([t, v]) => [t, [...v.values]])) } : {}),
      } satisfies PeConstraint;
    }
    case 'all-or-nothing':
      return { type: 'all-or-nothing', vms } satisfies PeConstraint;
    default:
      throw errors.invalid(
        `${at}.type`,
        `"${c.type}" is not a constraint; use affinity, anti-affinity, spread, allowed, forbidden or all-or-nothing`,
      );
  }
}

/** The instance the online placer reads; throws INVALID_ARGUMENT naming the field, e.g. `hosts[3].used`. */
export function placeInstance(input: PlaceInput, policy: PePolicy): PeInstance {
  const n = input.resources.length;
  if (n === 0) throw errors.invalid('resources', 'must name at least one resource');
  const hosts = input.hosts.map((h, i) => hostOf(h, i, n));
  const byId = new Map<string, PeHost>();
  hosts.forEach((h, i) => {
    if (byId.has(h.id)) throw errors.invalid(`hosts[${i}].id`, `duplicate host id "${h.id}"`);
    byId.set(h.id, h);
  });
  const ids = new Set<string>();
  const claim = (field: string, id: string) => {
    if (!id) throw errors.invalid(field, 'must not be empty');
    if (ids.has(id)) throw errors.invalid(field, `duplicate VM id "${id}"`);
    ids.add(id);
  };
  const vms: PeVm[] = [];
  const constraints: PeConstraint[] = [];
  input.vms.forEach((v, i) => {
    claim(`vms[${i}].id`, v.id);
    vms.push({ id: v.id, demand: vector(`vms[${i}].demand`, v.demand, n), benefit: 1, moveCost: 1 });
  });
  input.placed.forEach((v, i) => {
    const at = `placed[${i}]`;
    claim(`${at}.id`, v.id);
    const host = byId.get(v.host);
    if (!host)
      throw errors.invalid(`${at}.host`, v.host ? `unknown host "${v.host}"` : 'a placed VM needs its host');
    // Its use is already in the host's `used`: it is counted once, as the VM's own demand.
    const demand = optionalVector(`${at}.demand`, v.demand, n, 0);
    host.reserved = host.reserved!.map((u, r) => Math.max(0, u - demand[r]!));
    vms.push({ id: v.id, demand, host: v.host, benefit: 1, moveCost: 1, fixed: true });
  });
  input.constraints.forEach((c, i) =>
    constraints.push(constraintOf(c, i, (vm) => ids.has(vm), new Set(byId.keys()))),
  );
  for (const v of input.vms) {
    // One forbidden constraint per reason; a host the request does not offer is no candidate anyway.
    const byReason = new Map<string, string[]>();
    for (const x of v.excluded) {
      if (!byId.has(x.host)) continue;
      byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), x.host]);
    }
    for (const [reason, hosts] of byReason)
      constraints.push({ type: 'forbidden', vms: [v.id], hosts, ...(reason ? { reason } : {}) });
  }
  return { resources: [...input.resources], hosts, vms, constraints, policy };
}
