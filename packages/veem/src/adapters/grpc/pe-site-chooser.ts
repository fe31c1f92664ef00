import { PolicyServiceDefinition } from '@reservoir/contracts';
import { createClient } from '@reservoir/runtime';
import type { SiteChooser } from '../../app/federation/federation.js';

/**
 * The Policy Engine's federation heuristic (PE-7) as the site chooser: the demand, each partner's
 * offer (hosts with their free capacity and profiles, price, country, the agreement's cap and
 * use) and the VMs' country constraints go to ChooseSite; the ranking comes back best first.
 */
export function policyEngineSiteChooser(address: string, site: string, timeoutMs: number): SiteChooser {
  const client = createClient(PolicyServiceDefinition, address, { deadlineMs: timeoutMs });
  return async (vms, offers) => {
    const countries = new Set<string>();
    for (const vm of vms) {
      const allowed = vm.operationalRequirements?.['allowed-countries'];
      if (allowed) for (const c of allowed.split(',')) countries.add(c.trim());
    }
    const r = await client.chooseSite({
      vms: vms.map((vm) => ({
        id: vm.id,
        resources: vm.resources,
        diskFormat: '',
        requirements: Object.entries(vm.operationalRequirements ?? {})
          .filter(
            ([k, v]) =>
              v === 'true' &&
              ['live-migration', 'no-reboot-on-cpu-change', 'no-reboot-on-memory-change'].includes(k),
          )
          .map(([k]) => k),
      })),
      constraints: { allowedCountries: [...countries], forbiddenSites: [site], allowSplit: false },
      offers: offers.map((o) => ({
        site: o.site,
        local: false,
        country: o.country,
        hosts: o.hosts.map((h) => ({ id: h.id, profile: h.profile, free: h.free, count: 1 })),
        price: { perVcpuHour: o.pricePerVcpuHour, perMemoryGibHour: o.pricePerGibHour },
        agreementCap: o.agreementCap,
        agreementUsed: o.agreementUsed,
      })),
    });
    return {
      ranked: (r.ranking ?? []).map((s) => s.site ?? ''),
      rejected: (r.rejected ?? []).map((x) => ({
        site: x.site ?? '',
        reasons: (x.reasons ?? []).map((m) => `${m.constraint}: ${m.message}`),
      })),
    };
  };
}
