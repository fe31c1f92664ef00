import { errors } from '@reservoir/runtime';
import { ceilingRefusal, type Size } from './burst.js';
import type { Host } from './host.js';
import { unhonoured } from './operational.js';
import type { Resources } from './resources.js';
import { meetsRequirements } from './scheduler.js';

/** What a new VM asks of its hypervisor beyond room: the terms checked at creation. */
export interface VmTerms {
  resources: Resources;
  burst: Size | undefined;
  operationalRequirements: Record<string, string>;
  requirements: Record<string, string>;
  diskFormat: string;
  /** A host chosen by the request: the only candidate. */
  deployHost: string;
}

/** Why one host's hypervisor cannot keep the VM's terms: burst ceiling first, then requirements. */
export function termsRefusals(h: Host, t: VmTerms): { burst?: string; operational: string[] } {
  const ceiling = t.burst
    ? { vcpus: t.resources.vcpus + t.burst.vcpus, memoryMib: t.resources.memoryMib + t.burst.memoryMib }
    : undefined;
  const burst = ceiling ? ceilingRefusal(ceiling, h.profile) : undefined;
  const operational = unhonoured(h.profile, t.operationalRequirements).map(
    (n) => `${h.profile.hypervisor} ${n.why}, so it cannot honour ${n.requirement}=true`,
  );
  return { ...(burst ? { burst } : {}), operational };
}

/**
 * Refuses a VM whose terms no candidate host of the site can keep: the hosts that carry its
 * requirements and disk format (or the one it is pinned to). When some can, the scheduler
 * filters the others with the same reasons; with no candidate at all it waits for one.
 */
export function checkSiteHonours(hosts: Iterable<Host>, t: VmTerms, field = ''): void {
  if (!t.burst && Object.keys(t.operationalRequirements).length === 0) return;
  const f = (name: string) => (field ? `${field}.${name}` : name);
  const required = Object.entries(t.requirements);
  const burst = new Set<string>();
  const operational = new Set<string>();
  let candidates = 0;
  for (const h of hosts) {
    if (t.deployHost ? h.id !== t.deployHost : !meetsRequirements(h, required)) continue;
    if (t.diskFormat && !h.profile.diskFormats.includes(t.diskFormat)) continue;
    candidates++;
    const r = termsRefusals(h, t);
    if (!r.burst && r.operational.length === 0) return;
    if (r.burst) burst.add(r.burst);
    for (const o of r.operational) operational.add(o);
  }
  if (candidates === 0) return;
  const where = t.deployHost
    ? 'its host'
    : `any of the ${candidates} host${candidates === 1 ? '' : 's'} it may use`;
  if (burst.size > 0 && operational.size === 0)
    throw errors.invalid(f('burst'), `${[...burst].join('; ')} (on ${where})`);
  throw errors.precondition(
    `the VM's terms cannot be kept on ${where}: ${[...operational, ...burst].join('; ')}`,
  );
}
