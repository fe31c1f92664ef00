import type { reservoir } from '@reservoir/contracts';
import type { PlacementOutcome, PlacementPass } from '../../app/ports.js';
import { acceptsVms } from '../../domain/host.js';
import { groupKey, hostTags, type PlacementGroup } from '../../domain/placement.js';
import type { Resources } from '../../domain/resources.js';
import { placementTerms, rejectionText, unsuitable } from '../../domain/scheduler.js';
import type { Vm } from '../../domain/vm.js';

// A pass as the Policy Engine's Place call takes it, and its answer back. Pure, so what the VEEM
// sends is tested without a server.

type PbPlaceRequest = reservoir.pe.v1.PlaceRequest.$Properties;
type PbPlaceVm = reservoir.pe.v1.PlaceVm.$Properties;
type PbConstraint = reservoir.pe.v1.Constraint.$Properties;
type PbPlaceResponse = reservoir.pe.v1.PlaceResponse.$Properties;

/** Vectors follow this order. */
export const PLACE_RESOURCES = ['vcpus', 'memoryMib', 'diskMib'] as const;

const vector = (r: Resources): number[] => [r.vcpus, r.memoryMib, r.diskMib];

export function placeRequest(pass: PlacementPass): PbPlaceRequest {
  const hosts = pass.hosts.filter((v) => acceptsVms(v.host));
  // Constraints name hosts by id or name; the Policy Engine knows them by id.
  const hostId = new Map<string, string>();
  for (const { host } of hosts) {
    hostId.set(host.name, host.id);
    hostId.set(host.id, host.id);
  }
  const toIds = (list: readonly string[]) => [
    ...new Set(list.map((h) => hostId.get(h)).filter((h): h is string => !!h)),
  ];

  const vms: PbPlaceVm[] = [];
  const constraints: PbConstraint[] = [];
  const groups = new Map<string, { group: PlacementGroup; vms: string[] }>();
  const sets = new Map<string, string[]>();
  /** Groups are those the VMs to place name; placed VMs only join them. */
  const joinGroups = (vm: Vm, define: boolean) => {
    for (const g of vm.placement?.groups ?? []) {
      const key = groupKey(vm.organization, g.name);
      const entry = groups.get(key);
      if (entry) entry.vms.push(vm.id);
      else if (define) groups.set(key, { group: g, vms: [vm.id] });
    }
  };

  for (const vm of pass.vms) {
    const required = Object.entries(vm.requirements);
    const excluded: { host: string; reason: string }[] = [];
    const p = vm.placement;
    const allowed = p && p.allowedHosts.length > 0 ? toIds(p.allowedHosts) : undefined;
    for (const { host } of hosts) {
      let reason: string | undefined;
      if (vm.deployHost && host.id !== vm.deployHost) reason = 'not the requested host';
      // Allowed hosts none of which accepts VMs: an empty list would allow every host.
      else if (allowed?.length === 0) reason = 'not in placement.allowed_hosts';
      else {
        const r = unsuitable(
          {
            demand: vm.resources,
            diskFormat: vm.diskFormat,
            requirements: vm.requirements,
            ...placementTerms(vm),
          },
          host,
          required,
        );
        if (r) reason = rejectionText(r);
      }
      if (reason) excluded.push({ host: host.id, reason });
    }
    vms.push({ id: vm.id, demand: vector(vm.resources), excluded });
    if (!p) continue;
    joinGroups(vm, true);
    if (allowed && allowed.length > 0) constraints.push({ type: 'allowed', vms: [vm.id], hosts: allowed });
    const forbidden = toIds(p.forbiddenHosts);
    if (forbidden.length > 0) constraints.push({ type: 'forbidden', vms: [vm.id], hosts: forbidden });
    if (Object.keys(p.allowedLabels).length > 0) {
      constraints.push({
        type: 'allowed',
        vms: [vm.id],
        tags: Object.fromEntries(Object.entries(p.allowedLabels).map(([k, values]) => [k, { values }])),
      });
    }
    if (p.setId) sets.set(p.setId, [...(sets.get(p.setId) ?? []), vm.id]);
  }

  const placed: PbPlaceVm[] = pass.peers.map((vm) => {
    joinGroups(vm, false);
    return { id: vm.id, demand: vector(vm.resources), host: vm.host };
  });

  for (const { group: g, vms: members } of groups.values()) {
    constraints.push(
      g.type === 'spread'
        ? { type: 'spread', vms: members, tag: g.scope, min: g.min }
        : { type: g.type, vms: members, scope: g.scope, hard: g.hard },
    );
  }
  for (const members of sets.values()) constraints.push({ type: 'all-or-nothing', vms: members });

  return {
    resources: [...PLACE_RESOURCES],
    hosts: hosts.map(({ host, used }) => ({
      id: host.id,
      capacity: vector(host.capacity),
      overcommit: [host.overcommit.cpu, host.overcommit.memory, host.overcommit.disk],
      used: vector(used),
      tags: hostTags(host),
    })),
    vms,
    placed,
    constraints,
  };
}

/** The Policy Engine's answer for the VMs of the pass. */
export function placeOutcome(pass: PlacementPass, res: PbPlaceResponse): PlacementOutcome {
  const asked = new Set(pass.vms.map((v) => v.id));
  const assignment = new Map<string, string>();
  const unplaced = new Map<string, string[]>();
  for (const [vm, host] of Object.entries(res.assignment ?? {}))
    if (asked.has(vm) && host) assignment.set(vm, host);
  for (const u of res.unplaced ?? []) {
    if (!u.vm || !asked.has(u.vm) || assignment.has(u.vm)) continue;
    unplaced.set(u.vm, u.reasons?.length ? u.reasons : ['the policy engine gave no reason']);
  }
  for (const vm of pass.vms)
    if (!assignment.has(vm.id) && !unplaced.has(vm.id))
      unplaced.set(vm.id, ['the policy engine did not place it']);
  return { assignment, unplaced };
}
