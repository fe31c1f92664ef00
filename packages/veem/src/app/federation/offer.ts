import { acceptsVms } from '../../domain/host.js';
import { add, sub, ZERO, type Resources } from '../../domain/resources.js';
import type { VeemContext } from '../context.js';
import { PARTNER_LABEL } from '../scheduler-loop.js';
import type { FederationSettings } from './settings.js';
import type { Incoming, SiteOffer } from './types.js';

const clamp = (r: Resources): Resources => ({
  vcpus: Math.max(0, r.vcpus),
  memoryMib: Math.max(0, r.memoryMib),
  diskMib: Math.max(0, r.diskMib),
});

/** Incoming VMs that still hold something here (reserved, initialized or running). */
export function holding(i: Incoming): boolean {
  return i.step === 'reserved' || i.step === 'initialized' || i.step === 'started';
}

/**
 * What this site offers a partner now: every host that takes VMs with its profile and free
 * capacity (capacity × overcommit − what placed and reserved VMs hold), and the agreement's use.
 */
export function siteOffer(
  ctx: VeemContext,
  settings: FederationSettings,
  partner: string,
  incomings: readonly Incoming[],
): SiteOffer {
  const hosts = ctx.inv
    .hostViews()
    // A site offers its own hosts only, never the partners it bursts to (no chains, no loops).
    .filter((v) => acceptsVms(v.host) && !(PARTNER_LABEL in v.host.labels))
    .map((v) => ({
      id: v.host.id,
      name: v.host.name,
      profile: v.host.profile,
      free: clamp(sub(v.limit ?? v.host.capacity, v.used)),
      capacity: v.host.capacity,
      cpuModel: v.host.labels['cpu-model'] ?? '',
      labels: { ...v.host.labels },
    }));
  const agreement = settings.partners.find((p) => p.site === partner);
  const used = incomings
    .filter((i) => i.fromSite === partner && holding(i))
    .reduce((sum, i) => add(sum, i.vm.resources), ZERO);
  return {
    site: ctx.settings.site,
    country: settings.country,
    currency: settings.currency,
    pricePerVcpuHour: settings.pricePerVcpuHour,
    pricePerGibHour: settings.pricePerGibHour,
    hosts,
    networks: ctx.inv.networks().map((n) => ({ name: n.name, cidr: n.cidr })),
    licences: [...settings.licences],
    allowedCountries: [...settings.allowedCountries],
    agreementCap: agreement?.cap ?? ZERO,
    agreementUsed: used,
  };
}
