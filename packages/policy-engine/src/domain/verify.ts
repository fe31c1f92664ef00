import { filterMatches } from './host-filter.js';
import type { PeInstance } from './model.js';

// An independent check of an answer against the instance, written from the definitions rather
// than the solvers' incremental counters: tests and benchmarks use it to count hard violations.

const EPS = 1e-9;

export function hardViolations(instance: PeInstance, assignment: Record<string, string>): string[] {
  const out: string[] = [];
  const hosts = new Map(instance.hosts.map((h) => [h.id, h]));
  const vms = new Map(instance.vms.map((v) => [v.id, v]));
  const used = new Map<string, number[]>();
  for (const [vmId, hostId] of Object.entries(assignment)) {
    const vm = vms.get(vmId);
    const host = hosts.get(hostId);
    if (!vm || !host) {
      out.push(`${vmId} → ${hostId}: unknown VM or host`);
      continue;
    }
    const u = used.get(hostId) ?? host.reserved?.slice() ?? instance.resources.map(() => 0);
    vm.demand.forEach((d, r) => (u[r]! += d));
    used.set(hostId, u);
  }
  for (const v of instance.vms)
    if (v.fixed && assignment[v.id] !== v.host)
      out.push(`${v.id}: fixed on ${v.host}, answer ${assignment[v.id]}`);
  for (const [hostId, u] of used) {
    const h = hosts.get(hostId)!;
    u.forEach((x, r) => {
      const limit = h.capacity[r]! * (h.overcommit[r] ?? 1);
      if (x > limit * (1 + EPS) + EPS) out.push(`${hostId}: ${instance.resources[r]} ${x} > ${limit}`);
    });
  }
  const where = (vm: string, scope: string): string | undefined => {
    const h = assignment[vm];
    if (h === undefined) return undefined;
    return scope === 'host' ? h : (hosts.get(h)?.tags[scope] ?? '\0missing');
  };
  instance.constraints.forEach((c, i) => {
    // A VM named twice in a constraint is one member (as the solvers read it).
    const members = [...new Set(c.vms)];
    const placed = members.filter((v) => assignment[v] !== undefined);
    if (c.type === 'anti-affinity' || c.type === 'affinity') {
      if (!c.hard) return;
      const vals = placed.map((v) => where(v, c.scope)!);
      if (vals.includes('\0missing'))
        out.push(`constraints[${i}]: a member is on a host without tag ${c.scope}`);
      const distinct = new Set(vals).size;
      if (c.type === 'anti-affinity' && distinct < vals.length)
        out.push(`constraints[${i}]: anti-affinity members share a ${c.scope}`);
      if (c.type === 'affinity' && distinct > 1)
        out.push(`constraints[${i}]: affinity members on ${distinct} ${c.scope}s`);
    } else if (c.type === 'spread') {
      const vals = placed.map((v) => where(v, c.tag)!);
      if (vals.includes('\0missing'))
        out.push(`constraints[${i}]: a member is on a host without tag ${c.tag}`);
      const distinct = new Set(vals).size;
      if (distinct < Math.min(c.min, placed.length))
        out.push(
          `constraints[${i}]: spread over ${distinct} ${c.tag} values, needs ${Math.min(c.min, placed.length)}`,
        );
    } else if (c.type === 'all-or-nothing') {
      if (placed.length > 0 && placed.length < members.length)
        out.push(`constraints[${i}]: ${placed.length} of ${members.length} members placed`);
    } else if (c.type === 'allowed' || c.type === 'forbidden') {
      for (const v of placed) {
        const h = hosts.get(assignment[v]!);
        if (h && (c.type === 'allowed') !== filterMatches(c, h))
          out.push(`constraints[${i}]: ${v} on ${h.id} (${c.type})`);
      }
    }
  });
  if (Number.isFinite(instance.policy.maxMigrations)) {
    const moved = instance.vms.filter(
      (v) => v.host !== undefined && assignment[v.id] !== undefined && assignment[v.id] !== v.host,
    ).length;
    if (moved > instance.policy.maxMigrations)
      out.push(`policy.maxMigrations: ${moved} moves > ${instance.policy.maxMigrations}`);
  }
  return out;
}
