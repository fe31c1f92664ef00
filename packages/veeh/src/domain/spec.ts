import { errors, ReservoirError } from '@reservoir/runtime';
import type { CapabilityProfile, DiskSpec, DomainSpec, NicSpec, Resources } from './driver.js';
import { fnv1a } from './prng.js';

function nonNegativeInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw errors.invalid(field, `must be a non-negative integer, got ${value}`);
}

function positiveInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1)
    throw errors.invalid(field, `must be a positive integer, got ${value}`);
}

/** Per-VM maxima are hard limits of the hypervisor family: INVALID_ARGUMENT, not a capacity problem. */
export function checkFamilyLimits(
  vcpus: number,
  memoryMib: number,
  profile: CapabilityProfile,
  prefix: string,
): void {
  positiveInt(vcpus, `${prefix}vcpus`);
  positiveInt(memoryMib, `${prefix}memoryMib`);
  if (vcpus > profile.maxVcpusPerVm) {
    throw errors.invalid(
      `${prefix}vcpus`,
      `${profile.hypervisor} allows at most ${profile.maxVcpusPerVm} vCPUs per VM, asked ${vcpus}`,
    );
  }
  if (memoryMib > profile.maxMemoryMibPerVm) {
    throw errors.invalid(
      `${prefix}memoryMib`,
      `${profile.hypervisor} allows at most ${profile.maxMemoryMibPerVm} MiB of memory per VM, asked ${memoryMib}`,
    );
  }
}

/** A disk with its format checked against the family; an empty format means the family's native one. */
export function normaliseDisk(disk: DiskSpec, profile: CapabilityProfile, field: string): DiskSpec {
  if (!disk.id) throw errors.invalid(`${field}.id`, 'required');
  nonNegativeInt(disk.sizeMib, `${field}.sizeMib`);
  const format = disk.format || profile.diskFormats[0] || '';
  if (!profile.diskFormats.includes(format)) {
    throw new ReservoirError(
      'FAILED_PRECONDITION',
      `${profile.hypervisor} does not support disk format ${format} (supports ${profile.diskFormats.join(', ')})`,
      { field: `${field}.format` },
    );
  }
  return Object.freeze({
    id: disk.id,
    imageId: disk.imageId,
    format,
    sizeMib: disk.sizeMib,
    target: disk.target,
  });
}

/** A NIC with a MAC; an empty one gets a stable locally administered address from the vm and NIC ids. */
export function normaliseNic(nic: NicSpec, vmId: string, field: string): NicSpec {
  if (!nic.id) throw errors.invalid(`${field}.id`, 'required');
  return Object.freeze({
    id: nic.id,
    networkId: nic.networkId,
    ip: nic.ip,
    mac: nic.mac || macFor(vmId, nic.id),
  });
}

function macFor(vmId: string, nicId: string): string {
  const h = fnv1a(`${vmId}/${nicId}`);
  const bytes = [0x52, 0x54, 0x00, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function withUniqueIds<T extends { id: string }>(items: readonly T[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw errors.invalid(`${field}[${i}].id`, `duplicate id ${item.id}`);
    seen.add(item.id);
  });
}

export function sumDiskMib(disks: readonly DiskSpec[]): number {
  let sum = 0;
  for (const d of disks) sum += d.sizeMib;
  return sum;
}

/**
 * Validates a spec against a host's profile and returns it normalised and frozen: name defaults to
 * the vm id, resources.diskMib is at least the sum of the disks, NICs have MACs.
 */
export function normaliseSpec(spec: DomainSpec, profile: CapabilityProfile): DomainSpec {
  if (!spec.vmId) throw errors.invalid('spec.vmId', 'required');
  checkFamilyLimits(spec.resources.vcpus, spec.resources.memoryMib, profile, 'spec.resources.');
  nonNegativeInt(spec.resources.diskMib, 'spec.resources.diskMib');
  const disks = Object.freeze(spec.disks.map((d, i) => normaliseDisk(d, profile, `spec.disks[${i}]`)));
  const nics = Object.freeze(spec.nics.map((n, i) => normaliseNic(n, spec.vmId, `spec.nics[${i}]`)));
  withUniqueIds(disks, 'spec.disks');
  withUniqueIds(nics, 'spec.nics');
  const resources: Resources = Object.freeze({
    vcpus: spec.resources.vcpus,
    memoryMib: spec.resources.memoryMib,
    diskMib: Math.max(spec.resources.diskMib, sumDiskMib(disks)),
  });
  return Object.freeze({
    vmId: spec.vmId,
    name: spec.name || spec.vmId,
    resources,
    disks,
    nics,
    context: Object.freeze({ ...spec.context }),
  });
}

/** A spec with some fields replaced, frozen like the original. */
export function reviseSpec(
  spec: DomainSpec,
  change: Partial<Pick<DomainSpec, 'resources' | 'disks' | 'nics'>>,
): DomainSpec {
  return Object.freeze({
    ...spec,
    resources: Object.freeze({ ...(change.resources ?? spec.resources) }),
    disks: Object.freeze([...(change.disks ?? spec.disks)]),
    nics: Object.freeze([...(change.nics ?? spec.nics)]),
  });
}

/** A canonical text of a normalised spec: equal specs give equal keys, whatever the key order of context. */
export function specKey(spec: DomainSpec): string {
  const r = spec.resources;
  return JSON.stringify([
    spec.vmId,
    spec.name,
    [r.vcpus, r.memoryMib, r.diskMib],
    spec.disks.map((d) => [d.id, d.imageId, d.format, d.sizeMib, d.target]),
    spec.nics.map((n) => [n.id, n.networkId, n.ip, n.mac]),
    Object.entries(spec.context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
}

export function sameDisk(a: DiskSpec, b: DiskSpec): boolean {
  return (
    a.id === b.id &&
    a.imageId === b.imageId &&
    a.format === b.format &&
    a.sizeMib === b.sizeMib &&
    a.target === b.target
  );
}

export function sameNic(a: NicSpec, b: NicSpec): boolean {
  return a.id === b.id && a.networkId === b.networkId && a.ip === b.ip && a.mac === b.mac;
}
