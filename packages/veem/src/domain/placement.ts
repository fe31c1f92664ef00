import type { Host } from './host.js';

// Where a VM may go beyond its requirements. Groups are shared by name within an organization:
// every VM naming a group takes part in one constraint, so their definitions must agree.

export type GroupType = 'affinity' | 'anti-affinity' | 'spread';
export const GROUP_TYPES: readonly GroupType[] = ['affinity', 'anti-affinity', 'spread'];

/** The scope that means "the host itself" rather than one of its labels. */
export const HOST_SCOPE = 'host';

export interface PlacementGroup {
  name: string;
  type: GroupType;
  /** affinity / anti-affinity: "host" or a host label; spread: the label to spread over. */
  scope: string;
  hard: boolean;
  /** spread: the least number of distinct label values (0 for the other types). */
  min: number;
}

export interface Placement {
  groups: PlacementGroup[];
  /** Host ids or names; empty allows every host. */
  allowedHosts: string[];
  forbiddenHosts: string[];
  /** Label → accepted values; every listed label must match. */
  allowedLabels: Record<string, string[]>;
  /** All-or-nothing: the VMs admitted together by one CreateVmSet. */
  setId: string;
}

export function isEmptyPlacement(p: Placement): boolean {
  return (
    p.groups.length === 0 &&
    p.allowedHosts.length === 0 &&
    p.forbiddenHosts.length === 0 &&
    Object.keys(p.allowedLabels).length === 0 &&
    !p.setId
  );
}

/** Groups are keyed by organization and name: two organizations may both have a group "web". */
export function groupKey(organization: string, name: string): string {
  return `${organization}\u0000${name}`;
}

export function sameGroup(a: PlacementGroup, b: PlacementGroup): boolean {
  return a.type === b.type && a.scope === b.scope && a.hard === b.hard && a.min === b.min;
}

/** "hard anti-affinity over host", "spread over zone (min 3)": for error messages. */
export function describeGroup(g: PlacementGroup): string {
  if (g.type === 'spread') return `spread over ${g.scope} (min ${g.min})`;
  return `${g.hard ? 'hard' : 'soft'} ${g.type} over ${g.scope}`;
}

/**
 * The tags a host shows to placement: its labels, plus `site` and `host` (its name), which
 * win over labels of the same name.
 */
export function hostTag(h: Host, tag: string): string | undefined {
  if (tag === 'site') return h.site;
  if (tag === HOST_SCOPE) return h.name;
  return h.labels[tag];
}

export function hostTags(h: Host): Record<string, string> {
  return { ...h.labels, site: h.site, [HOST_SCOPE]: h.name };
}

/** Whether a list of host ids or names names this host. */
export function namesHost(list: readonly string[], h: Host): boolean {
  return list.includes(h.id) || list.includes(h.name);
}
