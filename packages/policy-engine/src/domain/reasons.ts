import { filterMatches } from './host-filter.js';
import type { Unplaced } from './result.js';
import {
  OK,
  REJECT_ALLOWED,
  REJECT_BUDGET,
  REJECT_CAPACITY,
  REJECT_FIXED,
  REJECT_GROUP,
  REJECT_SPREAD,
  type Placement,
} from './placement.js';
import { scopeName, valueOf, type Problem } from './problem.js';

// Why a VM is left unplaced, one line per cause with the number of hosts it rules out, most
// common first: "3 hosts lack memory", "2 hosts excluded by anti-affinity with vm-7".

function names(p: Problem, vms: number[], max = 3): string {
  const shown = vms.slice(0, max).map((v) => p.vmIds[v]!);
  return vms.length > max ? `${shown.join(', ')} and ${vms.length - max} more` : shown.join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The allowed/forbidden constraint of v that rules out h, as text. */
function exclusionText(p: Problem, v: number, h: number): string {
  const id = p.vmIds[v]!;
  const host = p.instance.hosts[h]!;
  for (let i = 0; i < p.instance.constraints.length; i++) {
    const c = p.instance.constraints[i]!;
    if ((c.type !== 'allowed' && c.type !== 'forbidden') || !c.vms.includes(id)) continue;
    if ((c.type === 'allowed') !== filterMatches(c, host))
      return c.reason ? `excluded (${c.reason})` : `excluded by ${c.type} constraints[${i}]`;
  }
  return 'excluded';
}

/** Members of group g that keep v off host h (anti-affinity) or hold it elsewhere (affinity). */
function groupCause(pl: Placement, v: number, g: number, h: number): { key: string; members: number[] } {
  const p = pl.p;
  const group = p.groups[g]!;
  const scope = scopeName(p, group.scope);
  const val = valueOf(p, group.scope, h);
  if (val < 0)
    return { key: `excluded: no ${scope} tag (${group.kind} constraints[${group.source}])`, members: [] };
  const others = [...group.vms].filter((m) => m !== v && pl.host[m]! >= 0);
  if (group.kind === 'anti-affinity')
    return {
      key: `anti:${g}`,
      members: others.filter((m) => valueOf(p, group.scope, pl.host[m]!) === val),
    };
  return { key: `affinity:${g}`, members: others };
}

function groupText(p: Problem, g: number, members: number[], pl: Placement): string {
  const group = p.groups[g]!;
  if (group.kind === 'anti-affinity') return `excluded by anti-affinity with ${names(p, members)}`;
  const scope = scopeName(p, group.scope);
  const where = valueOf(p, group.scope, pl.host[members[0]!]!);
  const label = scope === 'host' ? p.hostIds[where] : p.scopeValues[group.scope]![where];
  return `excluded by affinity with ${names(p, members)} (on ${scope} ${label})`;
}

function spreadText(p: Problem, s: number, h: number): string {
  const sp = p.spreads[s]!;
  const tag = scopeName(p, sp.scope);
  if (valueOf(p, sp.scope, h) < 0) return `excluded: no ${tag} tag (spread constraints[${sp.source}])`;
  return `excluded by spread over ${sp.min} ${tag} values (constraints[${sp.source}])`;
}

/** Reasons for one unplaced VM against the final placement. */
export function reasonsFor(pl: Placement, v: number): string[] {
  const p = pl.p;
  if (p.nHosts === 0) return ['no hosts'];
  const counts = new Map<string, number>();
  const groupMembers = new Map<string, { g: number; members: Set<number> }>();
  let fitting = 0;
  for (let h = 0; h < p.nHosts; h++) {
    const code = pl.rejection(v, h);
    let text: string;
    if (code === OK) {
      fitting++;
      continue;
    } else if (code === REJECT_ALLOWED) text = exclusionText(p, v, h);
    else if (code === REJECT_FIXED) text = `excluded: the VM is fixed on ${p.hostIds[p.current[v]!]}`;
    else if (code === REJECT_BUDGET)
      text = `excluded: moving the VM exceeds the migration budget of ${p.policy.maxMigrations}`;
    else if (code >= REJECT_SPREAD) text = spreadText(p, code - REJECT_SPREAD, h);
    else if (code >= REJECT_GROUP) {
      const g = code - REJECT_GROUP;
      const cause = groupCause(pl, v, g, h);
      text = cause.key;
      const entry = groupMembers.get(text) ?? { g, members: new Set<number>() };
      for (const m of cause.members) entry.members.add(m);
      if (cause.members.length > 0 || !text.startsWith('excluded')) groupMembers.set(text, entry);
    } else text = `lack ${p.instance.resources[code - REJECT_CAPACITY]}`;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const lines = [...counts.entries()]
    .map(([key, n]): [string, number] => {
      const grouped = groupMembers.get(key);
      return [grouped ? groupText(p, grouped.g, [...grouped.members], pl) : key, n];
    })
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(
      ([text, n]) =>
        `${plural(n, 'host')} ${text.startsWith('lack') && n === 1 ? text.replace('lack', 'lacks') : text}`,
    );
  const set = p.vmSet[v]!;
  if (set >= 0) {
    const members = [...p.sets[set]!.vms];
    const stuck = members.filter((m) => m !== v && pl.host[m]! < 0);
    lines.unshift(
      `all-or-nothing (constraints[${p.sets[set]!.source}]): the set of ${members.length} VMs could not be placed together` +
        (stuck.length > 0 ? ` (also unplaced: ${names(p, stuck)})` : ''),
    );
  } else if (fitting > 0)
    lines.unshift(`${plural(fitting, 'host')} could take it, but the policy left it out`);
  return lines;
}

export function unplacedOf(pl: Placement, only?: ArrayLike<number>): Unplaced[] {
  const out: Unplaced[] = [];
  const p = pl.p;
  const vms = only ?? Int32Array.from({ length: p.nVms }, (_, v) => v);
  for (let i = 0; i < vms.length; i++) {
    const v = vms[i]!;
    if (pl.host[v]! < 0) out.push({ vm: p.vmIds[v]!, reasons: reasonsFor(pl, v) });
  }
  return out;
}
