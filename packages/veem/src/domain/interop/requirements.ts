import { errors } from '@reservoir/runtime';
import type { HypervisorProfile } from './hypervisor-profile.js';

// The requirements a VM states about its platform (seed 000, usage scenario 3: "no reboot when CPU
// of VM has been increased"), read from its requirements map. A requirement the check does not
// know is kept apart so the check can refuse it: a promise nobody can verify is never made.

/** Boolean requirements and the capability of the target family each one needs. */
export const FEATURE_REQUIREMENTS = {
  'no-reboot-on-cpu-change': 'cpuHotplug',
  'no-reboot-on-memory-change': 'memoryHotplug',
  'live-migration': 'liveMigration',
  snapshots: 'snapshots',
} as const satisfies Record<string, keyof HypervisorProfile>;

export type FeatureRequirement = keyof typeof FEATURE_REQUIREMENTS;
export type Feature = (typeof FEATURE_REQUIREMENTS)[FeatureRequirement];

/**
 * Virtual hardware a VM can be built for, and the family that runs it. Such a VM moves to another
 * family only by a rebuild (level 3). Names follow OVF's VirtualSystemType where one exists
 * (vmx-NN for VMware hardware versions).
 */
export const VIRTUAL_HARDWARE: Readonly<Record<string, string>> = {
  vmx: 'vmware',
  'hyperv-gen1': 'hyperv',
  'hyperv-gen2': 'hyperv',
  'xen-pv': 'xen',
  'xen-hvm': 'xen',
  'pc-i440fx': 'kvm',
  'pc-q35': 'kvm',
};

/** The family that runs the virtual hardware, undefined when unknown. */
export function virtualHardwareFamily(hw: string): string | undefined {
  const key = /^vmx-\d+$/.test(hw) ? 'vmx' : hw;
  return Object.hasOwn(VIRTUAL_HARDWARE, key) ? VIRTUAL_HARDWARE[key] : undefined;
}

export interface Requirements {
  features: FeatureRequirement[];
  staticIp: boolean;
  licences: string[];
  /**
   * Upper-case ISO country codes the VM may run in, per requirement that names some ("country" or
   * "allowed-countries"); the VM must satisfy each.
   */
  countries: { key: string; countries: string[] }[];
  virtualHardware: string | undefined;
  /** "key=value" of every requirement the check does not know. */
  unknown: string[];
}

const LICENCE_KEYS = ['licence', 'license'];
const COUNTRY_KEYS = ['country', 'allowed-countries'];

/** Reads a VM's requirements; throws INVALID_ARGUMENT for a value of the wrong shape. */
export function parseRequirements(req: Readonly<Record<string, string>>): Requirements {
  const out: Requirements = {
    features: [],
    staticIp: false,
    licences: [],
    countries: [],
    virtualHardware: undefined,
    unknown: [],
  };
  for (const key of Object.keys(req).sort()) {
    const value = req[key] ?? '';
    const field = `vm.requirements.${key}`;
    if (isFeature(key)) {
      if (flag(value, field)) out.features.push(key);
    } else if (key === 'static-ip') {
      out.staticIp = flag(value, field);
    } else if (LICENCE_KEYS.includes(key)) {
      // Both spellings name the same thing; the British one is canonical here.
      out.licences.push(...list(value, field));
    } else if (COUNTRY_KEYS.includes(key)) {
      out.countries.push({ key, countries: list(value, field).map((c) => c.toUpperCase()) });
    } else if (key === 'virtual-hardware') {
      if (value.trim() === '') throw errors.invalid(field, 'names no virtual hardware');
      out.virtualHardware = value.trim();
    } else {
      out.unknown.push(`${key}=${value}`);
    }
  }
  out.licences = [...new Set(out.licences)].sort();
  return out;
}

function isFeature(key: string): key is FeatureRequirement {
  return Object.hasOwn(FEATURE_REQUIREMENTS, key);
}

function flag(value: string, field: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw errors.invalid(field, `"${value}" is neither true nor false`);
}

function list(value: string, field: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw errors.invalid(field, 'is an empty list');
  return items;
}
