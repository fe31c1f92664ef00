import { preferredFormat, type HypervisorProfile } from './hypervisor-profile.js';
import type { Difference } from './report.js';
import {
  FEATURE_REQUIREMENTS,
  virtualHardwareFamily,
  type Feature,
  type FeatureRequirement,
  type Requirements,
} from './requirements.js';

// What a VM meets on a host of one hypervisor family, whichever host of that family it lands on:
// hard per-VM limits, disk format, the features its requirements need, and what the family change
// costs. Site-wide matters (geography, licences, addresses) are site-differences.ts.

/** The formats qemu-img converts between, so a conversion among them is routine. */
const CONVERTIBLE = new Set(['raw', 'qcow2', 'vmdk', 'vpc', 'vhdx']);

const FEATURE_WORDS: Record<Feature, { code: string; what: string; without: string }> = {
  cpuHotplug: {
    code: 'CPU_HOTPLUG_UNAVAILABLE',
    what: 'CPU hot-plug',
    without: 'adding vCPUs there needs a reboot',
  },
  memoryHotplug: {
    code: 'MEMORY_HOTPLUG_UNAVAILABLE',
    what: 'memory hot-plug',
    without: 'adding memory there needs a reboot',
  },
  liveMigration: {
    code: 'LIVE_MIGRATION_UNAVAILABLE',
    what: 'live migration',
    without: 'moving the VM from there needs a shutdown',
  },
  snapshots: {
    code: 'SNAPSHOTS_UNAVAILABLE',
    what: 'snapshots',
    without: 'the VM cannot be snapshotted there',
  },
};

export interface FamilyVm {
  vcpus: number;
  memoryMib: number;
  diskFormat: string;
}

/** How far a family can take the VM: as it is, only rebuilt (level 3), or not at all. */
export type FamilyTier = 'fits' | 'rebuild' | 'impossible';

export interface FamilyFit {
  tier: FamilyTier;
  /** The format the VM's disk has there. */
  format: string;
  differences: Difference[];
}

function name(p: HypervisorProfile): string {
  return `${p.hypervisor} (${p.hypervisorVersion})`;
}

export function familyFit(
  vm: FamilyVm,
  req: Requirements,
  source: HypervisorProfile,
  target: HypervisorProfile,
): FamilyFit {
  const ds: Difference[] = [...limits(vm, target), ...features(req, source, target)];
  let rebuild = false;

  const hwFamily = req.virtualHardware === undefined ? undefined : virtualHardwareFamily(req.virtualHardware);
  if (hwFamily !== undefined && hwFamily !== target.hypervisor) {
    rebuild = true;
    ds.push({
      code: 'VIRTUAL_HARDWARE',
      severity: 'blocking',
      field: 'vm.requirements.virtual-hardware',
      message: `the VM is built for ${req.virtualHardware} virtual hardware of ${hwFamily}; on ${target.hypervisor} it has to be rebuilt (level 3)`,
      source: req.virtualHardware,
      target: target.hypervisor,
    });
  }

  // A VM without a disk image (diskFormat '') has nothing to convert.
  const takes = vm.diskFormat === '' || target.diskFormats.includes(vm.diskFormat);
  const format = takes ? vm.diskFormat : preferredFormat(target);
  if (!takes) {
    const routine = CONVERTIBLE.has(vm.diskFormat) && CONVERTIBLE.has(format);
    ds.push({
      code: 'DISK_CONVERSION',
      severity: routine ? 'info' : 'warning',
      field: 'vm.diskFormat',
      message:
        `the ${vm.diskFormat} disk is converted to ${format}, the format ${target.hypervisor} prefers ` +
        `(it takes ${target.diskFormats.join(', ')})` +
        (routine ? '' : `; no routine converter is known from ${vm.diskFormat}`),
      source: vm.diskFormat,
      target: format,
    });
  }

  if (source.hypervisor !== target.hypervisor) {
    ds.push({
      code: 'FAMILY_CHANGE',
      severity: 'info',
      field: 'host.hypervisor',
      message: `the hypervisor changes from ${name(source)} to ${name(target)}: the VM shuts down and reboots on the target's virtual devices`,
      source: source.hypervisor,
      target: target.hypervisor,
    });
  }

  // Virtual hardware is the one blocking problem a rebuild solves; any other rules the family out.
  const hard = ds.some((d) => d.severity === 'blocking' && d.code !== 'VIRTUAL_HARDWARE');
  return { tier: hard ? 'impossible' : rebuild ? 'rebuild' : 'fits', format, differences: ds };
}

function limits(vm: FamilyVm, p: HypervisorProfile): Difference[] {
  const ds: Difference[] = [];
  if (vm.vcpus > p.maxVcpusPerVm) {
    ds.push({
      code: 'VCPU_LIMIT',
      severity: 'blocking',
      field: 'vm.vcpus',
      message: `${vm.vcpus} vCPUs exceed the hard limit of ${p.maxVcpusPerVm} vCPUs per VM of ${name(p)}`,
      source: String(vm.vcpus),
      target: String(p.maxVcpusPerVm),
    });
  }
  if (vm.memoryMib > p.maxMemoryMibPerVm) {
    ds.push({
      code: 'MEMORY_LIMIT',
      severity: 'blocking',
      field: 'vm.memoryMib',
      message: `${vm.memoryMib} MiB of memory exceed the hard limit of ${p.maxMemoryMibPerVm} MiB per VM of ${name(p)}`,
      source: String(vm.memoryMib),
      target: String(p.maxMemoryMibPerVm),
    });
  }
  return ds;
}

/**
 * A required feature the family lacks blocks (seed 000, scenario 3: never an unexpected reboot); one
 * the VM has at the source without requiring it is a warning, since its operations change.
 */
function features(req: Requirements, source: HypervisorProfile, target: HypervisorProfile): Difference[] {
  const ds: Difference[] = [];
  const required = new Set<Feature>(req.features.map((r) => FEATURE_REQUIREMENTS[r]));
  for (const [r, feature] of Object.entries(FEATURE_REQUIREMENTS) as [FeatureRequirement, Feature][]) {
    if (target[feature]) continue;
    const w = FEATURE_WORDS[feature];
    if (required.has(feature)) {
      ds.push({
        code: 'REQUIREMENT_UNSUPPORTED',
        severity: 'blocking',
        field: `vm.requirements.${r}`,
        message: `requirement ${r} needs ${w.what}, which ${name(target)} does not offer: ${w.without}`,
        source: 'true',
        target: 'false',
      });
    } else if (source[feature]) {
      ds.push({
        code: w.code,
        severity: 'warning',
        field: `host.${feature}`,
        message: `${source.hypervisor} offers ${w.what} and ${target.hypervisor} does not: ${w.without}`,
        source: 'true',
        target: 'false',
      });
    }
  }
  return ds;
}
