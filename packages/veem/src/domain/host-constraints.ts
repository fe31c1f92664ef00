import type { Host } from './host.js';
import { groupKey, HOST_SCOPE, hostTag, namesHost } from './placement.js';
import { heldHosts, type Vm } from './vm.js';

// The placement constraints the VEEM checks on its own, host by host: allowed / forbidden hosts
// and labels, and affinity / anti-affinity over the host. Tag-scoped groups and spread need a
// view over many hosts at once; those are the Policy Engine's.

/** Per placement group (groupKey), how many of its VMs each host holds. */
export class GroupHosts {
  private readonly byGroup = new Map<string, Map<string, number>>();

  static of(vms: Iterable<Vm>): GroupHosts {
    const g = new GroupHosts();
    for (const vm of vms) for (const h of heldHosts(vm)) g.add(vm, h);
    return g;
  }

  add(vm: Vm, hostId: string): void {
    for (const grp of vm.placement?.groups ?? []) {
      const key = groupKey(vm.organization, grp.name);
      let hosts = this.byGroup.get(key);
      if (!hosts) this.byGroup.set(key, (hosts = new Map()));
      hosts.set(hostId, (hosts.get(hostId) ?? 0) + 1);
    }
  }

  remove(vm: Vm, hostId: string): void {
    for (const grp of vm.placement?.groups ?? []) {
      const hosts = this.byGroup.get(groupKey(vm.organization, grp.name));
      const n = hosts?.get(hostId) ?? 0;
      if (n > 1) hosts!.set(hostId, n - 1);
      else hosts?.delete(hostId);
    }
  }

  count(key: string, hostId: string): number {
    return this.byGroup.get(key)?.get(hostId) ?? 0;
  }

  /** Hosts holding at least one VM of the group. */
  hostCount(key: string): number {
    return this.byGroup.get(key)?.size ?? 0;
  }
}

type Rule = (h: Host) => string | undefined;

export interface HostRules {
  /**
   * Set when the VM names constraints only the Policy Engine can evaluate: why it must wait for
   * it. The rules below cover the rest.
   */
  unsupported?: string;
  /** Why a host breaks a hard constraint. */
  hard?: Rule;
  /** Hard and soft constraints together, tried first; absent when the VM has no soft ones. */
  preferred?: Rule;
}

function all(rules: Rule[]): Rule | undefined {
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return (h) => {
    for (const r of rules) {
      const why = r(h);
      if (why) return why;
    }
    return undefined;
  };
}

/**
 * The host-by-host rules of a VM's placement. `groups` is read when a rule runs, so VMs placed
 * earlier in the same pass count once the caller has added them.
 */
export function hostRules(vm: Vm, groups: GroupHosts): HostRules {
  const p = vm.placement;
  if (!p) return {};
  const hard: Rule[] = [];
  const soft: Rule[] = [];
  const needs = new Set<string>();
  if (p.allowedHosts.length > 0)
    hard.push((h) => (namesHost(p.allowedHosts, h) ? undefined : 'not in placement.allowed_hosts'));
  if (p.forbiddenHosts.length > 0)
    hard.push((h) => (namesHost(p.forbiddenHosts, h) ? 'in placement.forbidden_hosts' : undefined));
  for (const [label, values] of Object.entries(p.allowedLabels)) {
    hard.push((h) => {
      const v = hostTag(h, label);
      return v !== undefined && values.includes(v) ? undefined : `${label} not in placement.allowed_labels`;
    });
  }
  for (const g of p.groups) {
    if (g.type === 'spread') {
      needs.add('spread');
      continue;
    }
    if (g.scope !== HOST_SCOPE) {
      // A soft preference the VEEM cannot weigh is left out; a hard one must wait.
      if (g.hard) needs.add(`tag-scoped ${g.type}`);
      continue;
    }
    const key = groupKey(vm.organization, g.name);
    const rule: Rule =
      g.type === 'anti-affinity'
        ? (h) => (groups.count(key, h.id) > 0 ? `anti-affinity group "${g.name}" has a VM there` : undefined)
        : (h) =>
            groups.hostCount(key) > 0 && groups.count(key, h.id) === 0
              ? `affinity group "${g.name}" is on another host`
              : undefined;
    (g.hard ? hard : soft).push(rule);
  }
  const out: HostRules = {};
  if (needs.size > 0) {
    const kinds = [...needs];
    const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
    out.unsupported = `needs the policy engine for ${list} constraints`;
  }
  const h = all(hard);
  if (h) out.hard = h;
  if (soft.length > 0) out.preferred = all([...hard, ...soft])!;
  return out;
}
