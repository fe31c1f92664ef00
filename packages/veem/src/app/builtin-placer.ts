import { GroupHosts, hostRules } from '../domain/host-constraints.js';
import { add } from '../domain/resources.js';
import {
  placementTerms,
  placeVm,
  type HostView,
  type PlacementResult,
  type RankPolicy,
} from '../domain/scheduler.js';
import type { Vm } from '../domain/vm.js';
import type { PlacementOutcome, PlacementPass, Placer } from './ports.js';

export interface BuiltinPlacerOptions {
  policy: RankPolicy;
  maxCandidates: number;
}

/**
 * The VEEM's own scheduler behind the Placer port: filters then rank for each VM in turn, with
 * the host-by-host placement constraints (soft ones are tried first, then dropped). A set is
 * tried member by member on tentative reservations and rolled back whole when one member does
 * not fit. Constraints it cannot evaluate leave the VM pending with the reason.
 */
export class BuiltinPlacer implements Placer {
  readonly maxBatch = Infinity;
  /** Where the spreading policies start their next scan. */
  private cursor = 0;

  constructor(private readonly options: () => BuiltinPlacerOptions) {}

  place(pass: PlacementPass): Promise<PlacementOutcome> {
    return Promise.resolve(this.placeNow(pass));
  }

  close(): void {}

  placeNow(pass: PlacementPass): PlacementOutcome {
    const { policy, maxCandidates } = this.options();
    // Reservations made during the pass go into a copy of the views, never into the caller's.
    const views = pass.hosts.slice();
    const index = new Map<string, number>(views.map((v, i) => [v.host.id, i]));
    const assignment = new Map<string, string>();
    const unplaced = new Map<string, string[]>();
    let groups: GroupHosts | undefined;

    const reserve = (vm: Vm, hostId: string): HostView | undefined => {
      const i = index.get(hostId);
      const v = i === undefined ? undefined : views[i];
      if (i === undefined || !v) return undefined;
      views[i] = { ...v, used: add(v.used, vm.resources), runningVms: v.runningVms + 1 };
      groups?.add(vm, hostId);
      return v;
    };
    const release = (vm: Vm, hostId: string, before: HostView | undefined) => {
      const i = index.get(hostId);
      if (i !== undefined && before) views[i] = before;
      groups?.remove(vm, hostId);
    };
    const tryOne = (vm: Vm): PlacementResult => {
      const rules = vm.placement ? hostRules(vm, (groups ??= GroupHosts.of(pass.peers))) : undefined;
      // A pinned VM's host was chosen by an administrator or at the admission of its set, by
      // whoever could weigh those constraints; its own host rules still hold.
      if (rules?.unsupported && !vm.deployHost) return { ok: false, reason: rules.unsupported };
      const req = {
        vmId: vm.id,
        demand: vm.resources,
        diskFormat: vm.diskFormat,
        requirements: vm.requirements,
        ...placementTerms(vm),
        ...(vm.deployHost ? { onlyHost: vm.deployHost } : {}),
      };
      // Packing scans from the first host so it keeps filling the same ones; the spreading
      // policies start where the last placement left off.
      const scan = { maxCandidates, start: policy === 'packing' ? 0 : this.cursor++ };
      if (rules?.preferred) {
        const r = placeVm({ ...req, constraint: rules.preferred }, views, policy, scan);
        if (r.ok) return r;
      }
      return placeVm(rules?.hard ? { ...req, constraint: rules.hard } : req, views, policy, scan);
    };

    const done = new Set<string>();
    for (const vm of pass.vms) {
      if (done.has(vm.id)) continue;
      const setId = vm.placement?.setId;
      if (!setId) {
        const r = tryOne(vm);
        if (r.ok) {
          reserve(vm, r.hostId);
          assignment.set(vm.id, r.hostId);
        } else unplaced.set(vm.id, [r.reason]);
        continue;
      }
      const members = pass.vms.filter((m) => m.placement?.setId === setId);
      const held: { vm: Vm; hostId: string; before: HostView | undefined }[] = [];
      const failed: Vm[] = [];
      for (const m of members) {
        done.add(m.id);
        const r = tryOne(m);
        if (r.ok) held.push({ vm: m, hostId: r.hostId, before: reserve(m, r.hostId) });
        else {
          failed.push(m);
          unplaced.set(m.id, [r.reason]);
        }
      }
      if (failed.length === 0) {
        for (const x of held) assignment.set(x.vm.id, x.hostId);
        continue;
      }
      for (const x of held.reverse()) release(x.vm, x.hostId, x.before);
      const names = failed.map((m) => m.name).join(', ');
      for (const x of held)
        unplaced.set(x.vm.id, [`its set is placed whole or not at all, and ${names} cannot be placed`]);
    }
    return { assignment, unplaced };
  }
}
