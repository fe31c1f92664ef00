import { burstCeiling, hasBurst, type Size } from './burst.js';
import { acceptsVms, type Host } from './host.js';
import { NO_REBOOT_ON_CPU_CHANGE, unhonoured } from './operational.js';
import { limit, RESOURCE_NAMES, type Resources } from './resources.js';
import type { Vm } from './vm.js';

// Requirement filters then rank, as OpenNebula's scheduler does; pure, so it is tested alone.
// The built-in placer calls it; the Policy Engine replaces it behind the Placer port.

export type RankPolicy = 'packing' | 'striping' | 'load-aware';
export const RANK_POLICIES: readonly RankPolicy[] = ['packing', 'striping', 'load-aware'];

export interface PlacementRequest {
  vmId: string;
  demand: Resources;
  diskFormat: string;
  requirements: Record<string, string>;
  /** Hosts to leave out (e.g. the source of a migration). */
  exclude?: ReadonlySet<string>;
  /** Only this host (an administrator's explicit choice). */
  onlyHost?: string;
  /** Placement constraints checked on hosts that pass the filters: why a host is ruled out, or undefined. */
  constraint?: (h: Host) => string | undefined;
  /** Guarantee + burst, when the VM may burst: the hypervisor's limits per VM must admit it. */
  ceiling?: Size;
  /** Operational requirements the host's hypervisor must be able to keep. */
  operational?: Record<string, string>;
}

/** The VM's terms beyond its demand that every host must honour; spread into a PlacementRequest. */
export function placementTerms(vm: Vm): Pick<PlacementRequest, 'ceiling' | 'operational'> {
  return {
    ...(hasBurst(vm.burst) ? { ceiling: burstCeiling(vm) } : {}),
    ...(vm.operationalRequirements && Object.keys(vm.operationalRequirements).length > 0
      ? { operational: vm.operationalRequirements }
      : {}),
  };
}

export interface HostView {
  host: Host;
  used: Resources;
  runningVms: number;
  /** capacity × overcommit, when the caller has it at hand (it is the same for every VM of a pass). */
  limit?: Resources;
}

export type PlacementResult = { ok: true; hostId: string } | { ok: false; reason: string };

/** `other`: not the host an onlyHost request names (never reported, unlike `excluded`). */
export type Rejection =
  | 'other'
  | 'state'
  | 'excluded'
  | 'label'
  | 'vcpus-limit'
  | 'memory-limit'
  | 'burst-vcpus-limit'
  | 'burst-memory-limit'
  | 'cpu-hotplug'
  | 'memory-hotplug'
  | 'format'
  | 'vcpus'
  | 'memoryMib'
  | 'diskMib';

const REJECTION_TEXT: Record<Rejection, string> = {
  other: 'not the requested host',
  state: 'not enabled or not monitored',
  excluded: 'excluded',
  label: 'requirements not matched',
  'vcpus-limit': 'vCPUs above the hypervisor limit per VM',
  'memory-limit': 'memory above the hypervisor limit per VM',
  'burst-vcpus-limit': 'guarantee + burst vCPUs above the hypervisor limit per VM',
  'burst-memory-limit': 'guarantee + burst memory above the hypervisor limit per VM',
  'cpu-hotplug': 'cannot hot-plug CPUs (no-reboot-on-cpu-change)',
  'memory-hotplug': 'cannot hot-plug memory (no-reboot-on-memory-change)',
  format: 'disk format not supported',
  vcpus: `not enough free ${RESOURCE_NAMES.vcpus}`,
  memoryMib: `not enough free ${RESOURCE_NAMES.memoryMib}`,
  diskMib: `not enough free ${RESOURCE_NAMES.diskMib}`,
};

export function rejectionText(r: Rejection): string {
  return REJECTION_TEXT[r];
}

/** Whether a host carries the VM's requirements: label=value pairs, "hypervisor" and "host". */
export function meetsRequirements(h: Host, required: [string, string][]): boolean {
  for (const [k, want] of required) {
    const have = k === 'hypervisor' ? h.profile.hypervisor : k === 'host' ? h.name : h.labels[k];
    if (have !== want) return false;
  }
  return true;
}

/**
 * The VM's own filters on a host, capacity aside: requirements, the hypervisor's limits per VM
 * (for guarantee + burst too), operational requirements, disk format. What the Policy Engine is
 * told to leave out for this VM.
 */
export function unsuitable(
  req: Pick<PlacementRequest, 'demand' | 'diskFormat' | 'requirements' | 'ceiling' | 'operational'>,
  h: Host,
  required: [string, string][] = Object.entries(req.requirements),
): Rejection | undefined {
  if (!meetsRequirements(h, required)) return 'label';
  const p = h.profile;
  if (p.maxVcpusPerVm > 0 && req.demand.vcpus > p.maxVcpusPerVm) return 'vcpus-limit';
  if (p.maxMemoryMibPerVm > 0 && req.demand.memoryMib > p.maxMemoryMibPerVm) return 'memory-limit';
  const c = req.ceiling;
  if (c && p.maxVcpusPerVm > 0 && c.vcpus > p.maxVcpusPerVm) return 'burst-vcpus-limit';
  if (c && p.maxMemoryMibPerVm > 0 && c.memoryMib > p.maxMemoryMibPerVm) return 'burst-memory-limit';
  if (req.operational) {
    const bad = unhonoured(p, req.operational)[0];
    if (bad) return bad.requirement === NO_REBOOT_ON_CPU_CHANGE ? 'cpu-hotplug' : 'memory-hotplug';
  }
  if (req.diskFormat && !p.diskFormats.includes(req.diskFormat)) return 'format';
  return undefined;
}

/**
 * The first filter a host fails for this request, or undefined when it fits: a Rejection, or the
 * text of the placement constraint that rules it out.
 */
export function rejectHost(
  req: PlacementRequest,
  v: HostView,
  required: [string, string][] = Object.entries(req.requirements),
): Rejection | { constraint: string } | undefined {
  const h = v.host;
  if (req.onlyHost && h.id !== req.onlyHost && h.name !== req.onlyHost) return 'other';
  if (req.exclude?.has(h.id)) return 'excluded';
  if (!acceptsVms(h)) return 'state';
  const bad = unsuitable(req, h, required);
  if (bad) return bad;
  if (req.constraint) {
    const why = req.constraint(h);
    if (why) return { constraint: why };
  }
  const max = v.limit ?? limit(h.capacity, h.overcommit);
  // Unrolled: this runs once per host per VM, the scheduler's innermost loop.
  const u = v.used;
  const d = req.demand;
  if (u.vcpus + d.vcpus > max.vcpus) return 'vcpus';
  if (u.memoryMib + d.memoryMib > max.memoryMib) return 'memoryMib';
  if (u.diskMib + d.diskMib > max.diskMib) return 'diskMib';
  return undefined;
}

/** Higher is better. */
export function rank(policy: RankPolicy, v: HostView): number {
  switch (policy) {
    case 'packing': {
      // Fill the fullest host first (by its tightest resource), fewer hosts in use.
      const max = v.limit ?? limit(v.host.capacity, v.host.overcommit);
      return Math.max(v.used.vcpus / Math.max(1, max.vcpus), v.used.memoryMib / Math.max(1, max.memoryMib));
    }
    case 'striping':
      return -v.runningVms;
    case 'load-aware':
      // Measured free CPU, as ONE's RANK=FREE_CPU; allocation breaks ties between hosts never measured.
      return v.host.capacity.vcpus * 100 - v.host.cpuUsedPercent - v.used.vcpus / 1000;
  }
}

/** Chooses a host, or explains why none fits ("3 hosts lack memory; 2 are not enabled..."). */
export interface ScanOptions {
  /**
   * Stop after this many hosts that fit (0: score every host), as kube-scheduler scores a share of
   * a large cluster. Hosts are scanned in the order given; a VM that fits nowhere is still checked
   * against every host, so its reason counts them all.
   */
  maxCandidates?: number;
  /** Where in the host list the scan begins (it wraps), to spread work for the spreading policies. */
  start?: number;
}

export function placeVm(
  req: PlacementRequest,
  hosts: Iterable<HostView>,
  policy: RankPolicy,
  scan: ScanOptions = {},
): PlacementResult {
  let best: HostView | undefined;
  let bestRank = -Infinity;
  const rejections = new Map<Rejection, number>();
  const ruledOut = new Map<string, number>();
  let total = 0;
  let feasible = 0;
  const required = Object.entries(req.requirements);
  const list = Array.isArray(hosts) ? (hosts as HostView[]) : [...hosts];
  const n = list.length;
  const start = n > 0 && scan.start ? scan.start % n : 0;
  const cap = scan.maxCandidates && scan.maxCandidates > 0 ? scan.maxCandidates : Infinity;
  for (let i = 0; i < n && feasible < cap; i++) {
    const v = list[(start + i) % n]!;
    total++;
    const r = rejectHost(req, v, required);
    if (r) {
      if (typeof r === 'string') rejections.set(r, (rejections.get(r) ?? 0) + 1);
      else ruledOut.set(r.constraint, (ruledOut.get(r.constraint) ?? 0) + 1);
      continue;
    }
    feasible++;
    const score = rank(policy, v);
    // Ties go to the lowest id so placement is deterministic.
    if (score > bestRank || (score === bestRank && best && v.host.id < best.host.id)) {
      best = v;
      bestRank = score;
    }
  }
  if (best) return { ok: true, hostId: best.host.id };
  if (total === 0) return { ok: false, reason: 'no hosts are registered' };
  if (req.onlyHost && (rejections.get('other') ?? 0) === total)
    return { ok: false, reason: `host ${req.onlyHost} does not exist` };
  const parts = [
    ...[...rejections.entries()]
      .filter(([r]) => r !== 'other')
      .map(([r, n]): [string, number] => [REJECTION_TEXT[r], n]),
    ...ruledOut.entries(),
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => `${text} on ${n} host${n === 1 ? '' : 's'}`);
  return {
    ok: false,
    reason: `${req.onlyHost ? `host ${req.onlyHost} does not fit` : 'no host fits'}: ${parts.join('; ')}`,
  };
}
