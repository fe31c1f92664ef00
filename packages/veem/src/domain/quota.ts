import { errors } from '@reservoir/runtime';
import type { Resources } from './resources.js';

/** Limits per organization; 0 means unlimited. */
export interface Quota {
  organization: string;
  maxVms: number;
  maxVcpus: number;
  maxMemoryMib: number;
  maxDiskMib: number;
}

export interface QuotaUsage {
  vms: number;
  resources: Resources;
}

/**
 * Refuses with RESOURCE_EXHAUSTED when adding `extra` to `used` would pass a limit. Only what
 * grows is checked: an organization over a lowered limit may still shrink or resize a VM.
 */
export function checkQuota(q: Quota | undefined, used: QuotaUsage, extraVms: number, extra: Resources): void {
  if (!q) return;
  const over = (name: string, max: number, now: number, add: number, unit = '') => {
    if (max > 0 && add > 0 && now + add > max) {
      throw errors.exhausted(
        `quota of organization ${q.organization}: ${name} would be ${now + add}${unit}, the limit is ${max}${unit}`,
      );
    }
  };
  over('VMs', q.maxVms, used.vms, extraVms);
  over('vCPUs', q.maxVcpus, used.resources.vcpus, extra.vcpus);
  over('memory', q.maxMemoryMib, used.resources.memoryMib, extra.memoryMib, ' MiB');
  over('disk', q.maxDiskMib, used.resources.diskMib, extra.diskMib, ' MiB');
}
