import { errors } from '@reservoir/runtime';
import type { Host } from '../domain/host.js';
import type { Image } from '../domain/image.js';
import { formatIpv4, nextFree, parseCidr, parseIpv4 } from '../domain/ip-pool.js';
import type { Lease, Network } from '../domain/network.js';
import { groupKey, type PlacementGroup } from '../domain/placement.js';
import type { Quota, QuotaUsage } from '../domain/quota.js';
import { add, limit, sub, ZERO, type Resources } from '../domain/resources.js';
import type { HostView } from '../domain/scheduler.js';
import { heldHosts, type Vm } from '../domain/vm.js';
import type { VeemSnapshot } from './ports.js';

interface NetworkPool {
  network: Network;
  first: number;
  last: number;
  cursor: number;
  leased: Map<number, string>;
}

/**
 * The VEEM's working state, loaded from the store at start and kept in step with it: VMs,
 * hosts, images, networks with their leases, quotas, and the derived reservations per host and
 * usage per organization, updated incrementally on every VM change.
 */
export class Inventory {
  readonly vms = new Map<string, Vm>();
  readonly hosts = new Map<string, Host>();
  readonly images = new Map<string, Image>();
  readonly quotas = new Map<string, Quota>();
  private readonly pools = new Map<string, NetworkPool>();
  private readonly byRequest = new Map<string, string>();
  private readonly hostUsed = new Map<string, { used: Resources; vms: Set<string> }>();
  private readonly orgUsed = new Map<string, QuotaUsage>();
  /** Placement group (groupKey) → its definition and the VMs naming it. */
  private readonly groups = new Map<string, { group: PlacementGroup; vms: Set<string> }>();
  /** Set id → its VMs. */
  private readonly sets = new Map<string, Set<string>>();

  constructor(snapshot?: VeemSnapshot) {
    if (!snapshot) return;
    for (const h of snapshot.hosts) this.hosts.set(h.id, h);
    for (const i of snapshot.images) this.images.set(i.id, i);
    for (const q of snapshot.quotas) this.quotas.set(q.organization, q);
    for (const n of snapshot.networks) this.addNetwork(n);
    for (const l of snapshot.leases) {
      const pool = this.pools.get(l.networkId);
      if (pool) pool.leased.set(parseIpv4(l.ip, 'lease.ip'), l.vmId);
    }
    for (const vm of snapshot.vms) this.putVm(vm);
  }

  // --- VMs -------------------------------------------------------------------------------

  vm(id: string): Vm {
    const vm = this.vms.get(id);
    if (!vm) throw errors.notFound('VM', id);
    return vm;
  }

  vmByRequest(requestId: string): Vm | undefined {
    const id = this.byRequest.get(requestId);
    return id ? this.vms.get(id) : undefined;
  }

  /** Adds or replaces a VM, moving its reservations and organization usage. */
  putVm(vm: Vm): void {
    const old = this.vms.get(vm.id);
    if (old) this.unaccount(old);
    if (vm.state === 'done') {
      this.vms.delete(vm.id);
      if (vm.requestId) this.byRequest.delete(vm.requestId);
      this.releaseLeases(vm.id, vm.nics);
      return;
    }
    this.vms.set(vm.id, vm);
    if (vm.requestId) this.byRequest.set(vm.requestId, vm.id);
    this.account(vm);
  }

  /** Host → resources reserved by the VMs on it (both ends of a migration reserve). */
  reservations(vm: Vm): string[] {
    return heldHosts(vm);
  }

  private account(vm: Vm): void {
    for (const h of this.reservations(vm)) {
      const u = this.hostUsage(h);
      u.used = add(u.used, vm.resources);
      u.vms.add(vm.id);
    }
    const o = this.orgUsed.get(vm.organization) ?? { vms: 0, resources: ZERO };
    this.orgUsed.set(vm.organization, { vms: o.vms + 1, resources: add(o.resources, vm.resources) });
    if (vm.placement) this.join(vm);
  }

  private unaccount(vm: Vm): void {
    for (const h of this.reservations(vm)) {
      const u = this.hostUsage(h);
      u.used = sub(u.used, vm.resources);
      u.vms.delete(vm.id);
    }
    const o = this.orgUsed.get(vm.organization);
    if (o) this.orgUsed.set(vm.organization, { vms: o.vms - 1, resources: sub(o.resources, vm.resources) });
    if (vm.placement) this.leave(vm);
  }

  private join(vm: Vm): void {
    const p = vm.placement!;
    for (const g of p.groups) {
      const key = groupKey(vm.organization, g.name);
      const entry = this.groups.get(key);
      if (entry) entry.vms.add(vm.id);
      else this.groups.set(key, { group: g, vms: new Set([vm.id]) });
    }
    if (p.setId) {
      const members = this.sets.get(p.setId);
      if (members) members.add(vm.id);
      else this.sets.set(p.setId, new Set([vm.id]));
    }
  }

  private leave(vm: Vm): void {
    const p = vm.placement!;
    for (const g of p.groups) {
      const key = groupKey(vm.organization, g.name);
      const entry = this.groups.get(key);
      entry?.vms.delete(vm.id);
      // A group lives as long as one of its VMs: the last one gone, the name may be defined anew.
      if (entry?.vms.size === 0) this.groups.delete(key);
    }
    if (p.setId) {
      const members = this.sets.get(p.setId);
      members?.delete(vm.id);
      if (members?.size === 0) this.sets.delete(p.setId);
    }
  }

  private hostUsage(hostId: string): { used: Resources; vms: Set<string> } {
    let u = this.hostUsed.get(hostId);
    if (!u) {
      u = { used: ZERO, vms: new Set() };
      this.hostUsed.set(hostId, u);
    }
    return u;
  }

  // --- Placement groups and sets ---------------------------------------------------------

  /** The definition of an organization's placement group, while any VM names it. */
  group(organization: string, name: string): PlacementGroup | undefined {
    return this.groups.get(groupKey(organization, name))?.group;
  }

  /** The live VMs of a set. */
  setMembers(setId: string): Vm[] {
    return [...(this.sets.get(setId) ?? [])].map((id) => this.vms.get(id)).filter((v): v is Vm => !!v);
  }

  /** VMs holding a host that share a placement group or set with one of these VMs (not among them). */
  placementPeers(vms: readonly Vm[]): Vm[] {
    let ids: Set<string> | undefined;
    for (const vm of vms) {
      if (!vm.placement) continue;
      ids ??= new Set();
      for (const g of vm.placement.groups)
        for (const id of this.groups.get(groupKey(vm.organization, g.name))?.vms ?? []) ids.add(id);
      if (vm.placement.setId) for (const id of this.sets.get(vm.placement.setId) ?? []) ids.add(id);
    }
    if (!ids) return [];
    for (const vm of vms) ids.delete(vm.id);
    const out: Vm[] = [];
    for (const id of ids) {
      const vm = this.vms.get(id);
      if (vm && heldHosts(vm).length > 0) out.push(vm);
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // --- Hosts -----------------------------------------------------------------------------

  host(id: string): Host {
    const h = this.hosts.get(id) ?? [...this.hosts.values()].find((x) => x.name === id);
    if (!h) throw errors.notFound('host', id);
    return h;
  }

  /** An image by id or name. */
  image(idOrName: string): Image {
    const i = this.images.get(idOrName) ?? [...this.images.values()].find((x) => x.name === idOrName);
    if (!i) throw errors.notFound('image', idOrName);
    return i;
  }

  usedOn(hostId: string): Resources {
    return this.hostUsed.get(hostId)?.used ?? ZERO;
  }

  vmsOn(hostId: string): Vm[] {
    return [...(this.hostUsed.get(hostId)?.vms ?? [])]
      .map((id) => this.vms.get(id))
      .filter((v): v is Vm => !!v);
  }

  hostViews(): HostView[] {
    return [...this.hosts.values()].map((host) => {
      const u = this.hostUsed.get(host.id);
      return {
        host,
        used: u?.used ?? ZERO,
        runningVms: u?.vms.size ?? 0,
        limit: limit(host.capacity, host.overcommit),
      };
    });
  }

  orgUsage(org: string): QuotaUsage {
    return this.orgUsed.get(org) ?? { vms: 0, resources: ZERO };
  }

  // --- Networks and leases ---------------------------------------------------------------

  addNetwork(n: Network): void {
    const cidr = parseCidr(n.cidr, 'cidr');
    const first = n.rangeStart ? parseIpv4(n.rangeStart, 'rangeStart') : cidr.first;
    const last = n.rangeEnd ? parseIpv4(n.rangeEnd, 'rangeEnd') : cidr.last;
    const existing = this.pools.get(n.id);
    this.pools.set(n.id, {
      network: n,
      first,
      last,
      cursor: existing?.cursor ?? first,
      leased: existing?.leased ?? new Map(),
    });
  }

  removeNetwork(id: string): void {
    this.pools.delete(id);
  }

  network(id: string): Network {
    const p = this.pools.get(id) ?? [...this.pools.values()].find((x) => x.network.name === id);
    if (!p) throw errors.notFound('network', id);
    return p.network;
  }

  networks(): Network[] {
    return [...this.pools.values()].map((p) => p.network);
  }

  poolSize(id: string): { size: number; used: number } {
    const p = this.pools.get(id);
    return p ? { size: p.last - p.first + 1, used: p.leased.size } : { size: 0, used: 0 };
  }

  leases(networkId: string): Lease[] {
    const p = this.pools.get(networkId);
    if (!p) return [];
    return [...p.leased.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([ip, vmId]) => ({ networkId, ip: formatIpv4(ip), mac: '', vmId }));
  }

  /** Takes the next free address for a VM; the caller persists it (and undoes on failure). */
  takeAddress(networkId: string, vmId: string): number {
    const p = this.pools.get(networkId);
    if (!p) throw errors.notFound('network', networkId);
    const size = p.last - p.first + 1;
    const ip = nextFree(p.first, p.last, p.cursor, (x) => p.leased.has(x));
    if (ip !== undefined) {
      p.leased.set(ip, vmId);
      p.cursor = ip + 1 > p.last ? p.first : ip + 1;
      return ip;
    }
    throw errors.exhausted(`network ${p.network.name} has no free address (${size} of ${size} leased)`);
  }

  releaseLeases(vmId: string, nics: readonly { networkId: string; ip: string }[]): void {
    for (const nic of nics) {
      const p = this.pools.get(nic.networkId);
      if (!p) continue;
      const ip = parseIpv4(nic.ip, 'nic.ip');
      if (p.leased.get(ip) === vmId) p.leased.delete(ip);
    }
  }
}
