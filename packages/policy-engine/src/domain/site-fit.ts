import {
  SITE_RESOURCES,
  VM_REQUIREMENTS,
  type DemandVm,
  type HostOffer,
  type HostProfile,
  type SiteConstraint,
  type SiteOffer,
  type SiteResources,
  type VmRequirement,
} from './site-choice-model.js';

// Whether a VM can run on a site's hosts: the hard filters of the hypervisor (family, disk format,
// per-VM limits, capabilities), then first-fit-decreasing onto each host's own free capacity, since
// a site whose free capacity is spread over many hosts may hold none of the larger VMs.

export interface Verdict {
  constraint: SiteConstraint;
  message: string;
}

const CAPABILITY_TEXT: Record<(typeof VM_REQUIREMENTS)[VmRequirement], string> = {
  liveMigration: 'live migration',
  cpuHotplug: 'CPU hot-plug',
  memoryHotplug: 'memory hot-plug',
};

const familyOk = (vm: DemandVm, p: HostProfile) => !vm.hypervisor || p.hypervisor === vm.hypervisor;
const formatOk = (vm: DemandVm, p: HostProfile) => !vm.diskFormat || p.diskFormats.includes(vm.diskFormat);
const vcpusOk = (vm: DemandVm, p: HostProfile) => p.maxVcpusPerVm === 0 || vm.vcpus <= p.maxVcpusPerVm;
const memoryOk = (vm: DemandVm, p: HostProfile) =>
  p.maxMemoryMibPerVm === 0 || vm.memoryMib <= p.maxMemoryMibPerVm;
const missing = (vm: DemandVm, p: HostProfile) =>
  (vm.requirements ?? []).filter((r) => !p[VM_REQUIREMENTS[r]]);

/** Whether the VM may run on a host of this profile, capacity aside. */
export function suits(vm: DemandVm, p: HostProfile): boolean {
  return (
    familyOk(vm, p) && formatOk(vm, p) && vcpusOk(vm, p) && memoryOk(vm, p) && missing(vm, p).length === 0
  );
}

export function offeredFamilies(offer: SiteOffer): string[] {
  return offer.hypervisors.length > 0
    ? offer.hypervisors
    : [...new Set(offer.hosts.map((h) => h.profile.hypervisor))].sort();
}

const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(', ') : 'none');

/** "hyperv allows at most 4 vCPUs and 65536 MiB of memory per VM", per family, on its most generous host. */
function limitText(vm: DemandVm, profiles: HostProfile[]): string {
  const families = [...new Set(profiles.map((p) => p.hypervisor))].sort();
  const parts = families.map((f) => {
    const of = profiles.filter((p) => p.hypervisor === f);
    const most = (k: 'maxVcpusPerVm' | 'maxMemoryMibPerVm') =>
      of.some((p) => p[k] === 0) ? Infinity : Math.max(...of.map((p) => p[k]));
    const limits: string[] = [];
    if (vm.vcpus > most('maxVcpusPerVm')) limits.push(`${most('maxVcpusPerVm')} vCPUs`);
    if (vm.memoryMib > most('maxMemoryMibPerVm')) limits.push(`${most('maxMemoryMibPerVm')} MiB of memory`);
    return limits.length > 0
      ? `${f} allows at most ${limits.join(' and ')} per VM`
      : `no ${f} host allows both its vCPUs and its memory`;
  });
  return `${vm.id} needs ${vm.vcpus} vCPUs and ${vm.memoryMib} MiB of memory; ${parts.join('; ')}`;
}

/**
 * Why no host of the site can ever run the VM, whatever its free capacity: the first filter that
 * leaves no host (family, disk format, per-VM limit, capability), or undefined.
 */
export function unsuitable(vm: DemandVm, offer: SiteOffer): Verdict | undefined {
  const families = offeredFamilies(offer);
  let profiles = offer.hosts.map((h) => h.profile).filter((p) => familyOk(vm, p));
  if (vm.hypervisor && (!families.includes(vm.hypervisor) || profiles.length === 0))
    return {
      constraint: 'hypervisor',
      message: families.includes(vm.hypervisor)
        ? `${vm.id} needs ${vm.hypervisor}; no host of the site offered runs it`
        : `${vm.id} needs ${vm.hypervisor}; the site offers ${list(families)}`,
    };
  const formats = [...new Set(profiles.flatMap((p) => p.diskFormats))].sort();
  profiles = profiles.filter((p) => formatOk(vm, p));
  if (profiles.length === 0)
    return {
      constraint: 'disk-format',
      message: `${vm.id} has a ${vm.diskFormat} disk; the site's hosts take ${list(formats)}`,
    };
  const within = profiles.filter((p) => vcpusOk(vm, p) && memoryOk(vm, p));
  if (within.length === 0) return { constraint: 'per-vm-limit', message: limitText(vm, profiles) };
  if (within.some((p) => missing(vm, p).length === 0)) return undefined;
  const wanted = (vm.requirements ?? []).map((r) => `${r} (${CAPABILITY_TEXT[VM_REQUIREMENTS[r]]})`);
  return {
    constraint: 'capability',
    message: `${vm.id} requires ${wanted.join(' and ')}; no host of the site that can run it offers ${
      wanted.length > 1 ? 'them all' : 'it'
    }`,
  };
}

/** One host with what is left of its free capacity while packing. */
export interface Bin {
  host: HostOffer;
  free: SiteResources;
}

/** The site's hosts as bins, a host class as `count` of them, in the order offered. */
export function binsOf(offer: SiteOffer): Bin[] {
  return offer.hosts.flatMap((host) =>
    Array.from({ length: host.count ?? 1 }, () => ({ host, free: { ...host.free } })),
  );
}

export function sum(items: readonly SiteResources[]): SiteResources {
  const total = { vcpus: 0, memoryMib: 0, diskMib: 0 };
  for (const x of items) for (const r of SITE_RESOURCES) total[r] += x[r];
  return total;
}

export function fitsIn(vm: SiteResources, free: SiteResources): boolean {
  return SITE_RESOURCES.every((r) => vm[r] <= free[r]);
}

export function describe(r: SiteResources): string {
  return `${r.vcpus} vCPUs, ${r.memoryMib} MiB memory, ${r.diskMib} MiB disk`;
}

/** Whether one suitable host has room for the VM on its own. */
export function fitsAlone(vm: DemandVm, bins: readonly Bin[]): boolean {
  return bins.some((b) => suits(vm, b.host.profile) && fitsIn(vm, b.free));
}

/** Largest share of the site's free capacity first (its dominant resource), ties by size, then id. */
export function ffdOrder(vms: readonly DemandVm[], total: SiteResources): DemandVm[] {
  const share = (vm: DemandVm) =>
    Math.max(...SITE_RESOURCES.map((r) => (total[r] > 0 ? vm[r] / total[r] : vm[r] > 0 ? Infinity : 0)));
  return [...vms].sort(
    (a, b) =>
      share(b) - share(a) ||
      b.memoryMib - a.memoryMib ||
      b.vcpus - a.vcpus ||
      b.diskMib - a.diskMib ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Puts the VM on the first suitable bin with room; false when there is none. */
export function firstFit(vm: DemandVm, bins: Bin[]): boolean {
  const bin = bins.find((b) => suits(vm, b.host.profile) && fitsIn(vm, b.free));
  if (!bin) return false;
  for (const r of SITE_RESOURCES) bin.free[r] -= vm[r];
  return true;
}
