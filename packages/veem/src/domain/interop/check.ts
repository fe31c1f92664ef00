import { errors } from '@reservoir/runtime';
import { familyFit, type FamilyFit } from './family-differences.js';
import type { Free, InteropInput, TargetHost } from './input.js';
import {
  hasBlocking,
  orderDifferences,
  type Difference,
  type InteropReport,
  type PortabilityLevel,
} from './report.js';
import { parseRequirements } from './requirements.js';
import { sameSubnets, siteDifferences } from './site-differences.js';

export type {
  Free,
  InteropInput,
  InteropNic,
  InteropSource,
  InteropTarget,
  InteropVm,
  TargetHost,
  TargetNetwork,
} from './input.js';

// Usage scenario 1 of seed 000: can this VM go to that site, how (live, cold, rebuild), and what
// differs. Every rule runs, so the answer lists every difference rather than the first.

/** States from which the VM's memory can travel: a running VM live, a suspended one by resume. */
const LIVE_STATES = new Set(['running', 'suspended']);

interface HostOption {
  host: TargetHost;
  fit: FamilyFit;
  hasRoom: boolean;
  level: PortabilityLevel | null;
  liveBlockers: string[];
}

export function checkInterop(input: InteropInput): InteropReport {
  validate(input);
  const { vm, source, target } = input;
  const req = parseRequirements(vm.requirements);
  const site = siteDifferences(input, req);

  const options = target.hosts.map((host): HostOption => {
    const fit = familyFit(vm, req, source.profile, host.profile);
    const liveBlockers = fit.tier === 'fits' ? whyNotLive(input, host) : [];
    const level = fit.tier === 'impossible' ? null : fit.tier === 'rebuild' ? 3 : liveBlockers.length ? 2 : 1;
    return { host, fit, hasRoom: hasRoom(host.free, vm), level, liveBlockers };
  });

  // Prefer the best level, then the most free memory, then the host id, so the choice is stable.
  const feasible = options
    .filter((o) => o.level !== null && o.hasRoom)
    .sort(
      (a, b) =>
        (a.level ?? 4) - (b.level ?? 4) ||
        b.host.free.memoryMib - a.host.free.memoryMib ||
        (a.host.hostId < b.host.hostId ? -1 : a.host.hostId > b.host.hostId ? 1 : 0),
    );
  const best = feasible[0];

  const ds: Difference[] = [...site];
  let considered: HostOption[];
  if (best) {
    considered = [best];
    ds.push(...best.fit.differences, ...cpuModel(input, best.host));
    if (vm.live && best.level !== 1) ds.push(notLive(best));
  } else {
    // Nothing can take the VM: explain with the hosts that came closest, all of them when none fits.
    const tier = options.some((o) => o.fit.tier === 'fits') ? 'fits' : 'rebuild';
    considered = options.filter((o) => o.fit.tier === tier);
    if (considered.length === 0) considered = options;
    for (const o of considered) ds.push(...o.fit.differences);
    if (!considered.some((o) => o.hasRoom)) ds.push(noRoom(input, considered));
  }

  const differences = orderDifferences(ds);
  const siteBlocked = hasBlocking(site);
  const level = best && !siteBlocked ? best.level : null;
  return {
    interoperable: !hasBlocking(differences),
    level,
    targetHost: level !== null && best ? best.host.hostId : '',
    targetFormat: considered[0]?.fit.format ?? '',
    differences,
  };
}

function hasRoom(free: Free, vm: Free): boolean {
  return free.vcpus >= vm.vcpus && free.memoryMib >= vm.memoryMib && free.diskMib >= vm.diskMib;
}

/** Seed 000 level 1 / seed 001 type 1: same family, live migration, same site or subnet, storage reachable. */
function whyNotLive(input: InteropInput, host: TargetHost): string[] {
  const { vm, source, target } = input;
  const why: string[] = [];
  const otherSite = source.site !== target.site;
  if (source.profile.hypervisor !== host.profile.hypervisor) {
    why.push(
      `live migration does not cross hypervisor families (${source.profile.hypervisor} to ${host.profile.hypervisor})`,
    );
  }
  if (!source.profile.liveMigration || !host.profile.liveMigration) {
    why.push(
      `${source.profile.liveMigration ? host.profile.hypervisor : source.profile.hypervisor} has no live migration`,
    );
  }
  if (!LIVE_STATES.has(vm.state)) why.push(`the VM is ${vm.state}, not running`);
  if (otherSite && !sameSubnets(input)) {
    why.push(`site ${target.site} is not site ${source.site} and does not share the VM's subnets`);
  }
  if (otherSite && source.profile.sharedStorageRequiredForLiveMigration) {
    why.push(
      `${source.profile.hypervisor} live migration needs storage shared by both hosts, which does not span sites`,
    );
  }
  return why;
}

function notLive(o: HostOption): Difference {
  const why = o.level === 3 ? ['the VM has to be rebuilt'] : o.liveBlockers;
  return {
    code: 'LIVE_MIGRATION_UNAVAILABLE',
    severity: 'warning',
    field: 'vm.live',
    message: `the move was asked live but can only be level ${o.level ?? '-'}: ${why.join('; ')}`,
    source: '1',
    target: String(o.level ?? ''),
  };
}

function cpuModel(input: InteropInput, host: TargetHost): Difference[] {
  const from = input.source.hostCpuModel;
  const to = host.cpuModel;
  if (!from || !to || from === to) return [];
  return [
    {
      code: 'CPU_MODEL_CHANGE',
      severity: 'warning',
      field: 'host.cpuModel',
      message: `the CPU model changes from ${from} to ${to} on host ${host.hostId}`,
      source: from,
      target: to,
    },
  ];
}

function noRoom(input: InteropInput, considered: HostOption[]): Difference {
  const { vm, target } = input;
  const need = `${vm.vcpus} vCPUs, ${vm.memoryMib} MiB memory, ${vm.diskMib} MiB disk`;
  if (considered.length === 0) {
    return {
      code: 'RESERVATION_IMPOSSIBLE',
      severity: 'blocking',
      field: 'target.hosts',
      message: `site ${target.site} has no host to reserve ${need} on`,
      source: need,
      target: '',
    };
  }
  const max = (k: keyof Free) => Math.max(...considered.map((o) => o.host.free[k]));
  const most = `${max('vcpus')} vCPUs, ${max('memoryMib')} MiB memory, ${max('diskMib')} MiB disk`;
  return {
    code: 'RESERVATION_IMPOSSIBLE',
    severity: 'blocking',
    field: 'target.hosts',
    message: `no host of ${[...new Set(considered.map((o) => o.host.profile.hypervisor))].sort().join(', ')} at site ${target.site} has ${need} free; the most any has is ${most}`,
    source: need,
    target: most,
  };
}

function validate(input: InteropInput): void {
  const { vm, target } = input;
  positiveInt(vm.vcpus, 'vm.vcpus');
  positiveInt(vm.memoryMib, 'vm.memoryMib');
  if (!Number.isFinite(vm.diskMib) || vm.diskMib < 0) throw errors.invalid('vm.diskMib', 'must be 0 or more');
  // '' is a VM without a disk image; blanks are a mistake.
  if (vm.diskFormat !== '' && vm.diskFormat.trim() === '') throw errors.invalid('vm.diskFormat', 'is blank');
  const ids = new Set<string>();
  target.hosts.forEach((h, i) => {
    if (ids.has(h.hostId)) throw errors.invalid(`target.hosts[${i}].hostId`, `"${h.hostId}" appears twice`);
    ids.add(h.hostId);
    for (const k of ['vcpus', 'memoryMib', 'diskMib'] as const) {
      if (!Number.isFinite(h.free[k]) || h.free[k] < 0) {
        throw errors.invalid(`target.hosts[${i}].free.${k}`, 'must be 0 or more');
      }
    }
  });
}

function positiveInt(n: number, field: string): void {
  if (!Number.isInteger(n) || n <= 0) throw errors.invalid(field, `${n} is not a positive integer`);
}
