import { policyClient, type PolicyClient } from '@reservoir/policy-engine';
import type { AdmissionPort, AdmissionRequest } from '../../app/ports.js';

const RESOURCES = ['vcpus', 'memoryMib', 'diskMib'];
/** Hosts that take new VMs. */
const PLACEABLE = new Set(['monitored']);

/**
 * Admission through the Policy Engine: a dry-run Place of the whole initial deployment as one
 * all-or-nothing set on the site's hosts as they are now. Nothing is reserved; the VEEM's
 * scheduler places the VMs when they are created.
 */
export class PolicyEngineAdmission implements AdmissionPort {
  private readonly c: PolicyClient;

  constructor(address: string) {
    this.c = policyClient(address);
  }

  async check(req: AdmissionRequest): Promise<string[]> {
    const hosts = req.hosts.filter((h) => PLACEABLE.has(h.state));
    if (hosts.length === 0) return ['the site has no host that takes new VMs'];
    const r = await this.c.policy.place({
      resources: RESOURCES,
      hosts: hosts.map((h) => ({
        id: h.id,
        capacity: [h.capacity.vcpus, h.capacity.memoryMib, h.capacity.diskMib],
        overcommit: [1, 1, 1],
        used: [h.used.vcpus, h.used.memoryMib, h.used.diskMib],
        tags: h.labels,
      })),
      vms: req.vms.map((v) => ({ id: v.id, demand: [v.vcpus, v.memoryMib, v.diskMib] })),
      constraints: [
        { type: 'all-or-nothing', vms: req.vms.map((v) => v.id) },
        ...req.groups
          .filter((g) => g.vmIds.length > 1)
          .map((g) => ({ type: g.type, vms: g.vmIds, scope: 'host', hard: g.hard })),
      ],
    });
    const unplaced = r.unplaced ?? [];
    if (unplaced.length === 0) return [];
    // Every member of a refused set carries the same reasons; report them once.
    const reasons = new Set(unplaced.flatMap((u) => (u.reasons ?? []).map((x) => `${u.vm}: ${x}`)));
    return [...reasons].slice(0, 20);
  }

  close(): void {
    this.c.close();
  }
}
