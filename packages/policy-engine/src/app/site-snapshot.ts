import type { PeConstraint, PeHost, PeInstance, PePolicy, PeVm } from '../domain/model.js';
import type { Amounts, SiteHost, SiteVm } from './ports.js';

// The site as the optimizer sees it: the hosts that take VMs, the running VMs on them where
// they are now, and the constraints those VMs carry. Hosts and VMs are named as the VMI names
// them (host names), so a plan's steps are MigrateVm calls as they stand.

export const SITE_RESOURCES = ['cpu', 'memory', 'disk'];

const amounts = (a: Amounts) => [a.vcpus, a.memoryMib, a.diskMib];

/** A numeric host label (power.idle, power.peak, cost), or the fallback when absent or not a number ≥ 0. */
function numericLabel(labels: Record<string, string>, key: string, fallback: number): number {
  const raw = labels[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

function hostOf(h: SiteHost, running: SiteVm[]): PeHost {
  // What the host holds beyond its running VMs (powered-off, suspended, migrating ones) stays put.
  const reserved = amounts(h.used);
  for (const vm of running) amounts(vm.resources).forEach((d, r) => (reserved[r] = reserved[r]! - d));
  return {
    id: h.name,
    capacity: amounts(h.capacity),
    tags: { ...h.labels, hypervisor: h.hypervisor },
    overcommit: [h.overcommit.cpu || 1, h.overcommit.memory || 1, h.overcommit.disk || 1],
    power: { idle: numericLabel(h.labels, 'power.idle', 0), peak: numericLabel(h.labels, 'power.peak', 0) },
    cost: numericLabel(h.labels, 'cost', 1),
    reserved: reserved.map((x) => Math.max(0, x)),
  };
}

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), t]);
  }
  return out;
}

/** Live migration keeps a VM on hosts of its own hypervisor. */
function hypervisorConstraints(movable: SiteVm[], hypervisorOf: Map<string, string>): PeConstraint[] {
  if (new Set(hypervisorOf.values()).size < 2) return [];
  return [...groupBy(movable, (v) => hypervisorOf.get(v.host))].map(([kind, vms]) => ({
    type: 'allowed',
    vms: vms.map((v) => v.id),
    tags: { hypervisor: [kind] },
    reason: `live migration keeps the VM on ${kind} hosts`,
  }));
}

/** A VM's requirements, one constraint per distinct set ("host" pins the VM instead). */
function requirementConstraints(movable: SiteVm[]): PeConstraint[] {
  const signature = (v: SiteVm) => {
    const req = Object.entries(v.requirements).filter(([k]) => k !== 'host');
    return req.length ? JSON.stringify(req.sort(([a], [b]) => a.localeCompare(b))) : undefined;
  };
  return [...groupBy(movable, signature)].map(([sig, vms]) => {
    const req = JSON.parse(sig) as [string, string][];
    return {
      type: 'allowed',
      vms: vms.map((v) => v.id),
      tags: Object.fromEntries(req.map(([k, v]) => [k, [v]])),
      reason: `requirements ${req.map(([k, v]) => `${k}=${v}`).join(', ')} not matched`,
    };
  });
}

/** Placement groups (shared by VMs of one organization naming the same group) and all-or-nothing sets. */
function groupConstraints(vms: SiteVm[]): PeConstraint[] {
  const out: PeConstraint[] = [];
  const members = new Map<string, { group: SiteVm['placement']['groups'][number]; vms: string[] }>();
  for (const vm of vms)
    for (const g of vm.placement.groups) {
      const key = `${vm.organization}/${g.name}`;
      const m = members.get(key) ?? { group: g, vms: [] };
      m.vms.push(vm.id);
      members.set(key, m);
    }
  for (const { group: g, vms: ids } of members.values()) {
    if (ids.length < 2) continue;
    if (g.type === 'affinity' || g.type === 'anti-affinity')
      out.push({ type: g.type, vms: ids, scope: g.scope || 'host', hard: g.hard });
    else if (g.type === 'spread' && g.scope)
      // A spread over fewer running members than its minimum asks each to take a distinct value.
      out.push({ type: 'spread', vms: ids, tag: g.scope, min: Math.max(1, Math.min(g.min, ids.length)) });
  }
  for (const [, set] of groupBy(vms, (v) => v.placement.setId || undefined))
    if (set.length > 1) out.push({ type: 'all-or-nothing', vms: set.map((v) => v.id) });
  return out;
}

/** Allowed and forbidden hosts and labels of each VM; hosts may be named by id or name. */
function assignmentConstraints(vms: SiteVm[], nameOf: Map<string, string>): PeConstraint[] {
  const out: PeConstraint[] = [];
  const names = (list: string[]) => [...new Set(list.flatMap((h) => nameOf.get(h) ?? []))];
  for (const vm of vms) {
    const p = vm.placement;
    // An allowed list naming only hosts outside the snapshot leaves the VM where it is.
    if (p.allowedHosts.length > 0) out.push({ type: 'allowed', vms: [vm.id], hosts: names(p.allowedHosts) });
    const forbidden = names(p.forbiddenHosts);
    if (forbidden.length > 0) out.push({ type: 'forbidden', vms: [vm.id], hosts: forbidden });
    const labels = Object.entries(p.allowedLabels).filter(([, values]) => values.length > 0);
    if (labels.length > 0) out.push({ type: 'allowed', vms: [vm.id], tags: Object.fromEntries(labels) });
  }
  return out;
}

/** The site as an instance: every running VM on a host that takes VMs, at its current host. */
export function siteInstance(hosts: SiteHost[], vms: SiteVm[], policy: PePolicy): PeInstance {
  const accepting = hosts.filter((h) => h.state === 'monitored');
  const byName = new Map(accepting.map((h) => [h.name, h]));
  const nameOf = new Map<string, string>();
  for (const h of accepting) nameOf.set(h.id, h.name).set(h.name, h.name);
  const running = vms.filter((v) => v.state === 'running' && byName.has(v.host));
  const onHost = groupBy(running, (v) => v.host);
  const fixed = (v: SiteVm) => !!v.taskId || !!v.requirements.host || !byName.get(v.host)!.liveMigration;
  const peVms: PeVm[] = running.map((v) => ({
    id: v.id,
    demand: amounts(v.resources),
    host: v.host,
    benefit: 1,
    moveCost: 1,
    ...(fixed(v) ? { fixed: true } : {}),
  }));
  const movable = running.filter((v) => !fixed(v));
  const hypervisorOf = new Map(accepting.map((h) => [h.name, h.hypervisor]));
  return {
    resources: SITE_RESOURCES,
    hosts: accepting.map((h) => hostOf(h, onHost.get(h.name) ?? [])),
    vms: peVms,
    constraints: [
      ...hypervisorConstraints(movable, hypervisorOf),
      ...requirementConstraints(movable),
      ...groupConstraints(running),
      ...assignmentConstraints(running, nameOf),
    ],
    policy,
  };
}
