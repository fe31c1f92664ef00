import type { reservoir } from '@reservoir/contracts';
import type {
  SiteChoiceInput,
  SiteHostInput,
  SiteOfferInput,
  SiteVmInput,
} from '../../app/site-choice-input.js';
import type { HostProfile, SiteChoice, SiteReason, SiteResources } from '../../domain/site-choice-model.js';

// ChooseSite messages ↔ the app's input and the domain's answer. Unset proto fields become ''
// or 0 here; the app decides what they mean and names a bad one by its proto path.

type Pb<T> = T | null | undefined;
type PbResources = Pb<reservoir.common.v1.Resources.$Properties>;

function resourcesFromPb(r: PbResources): SiteResources | undefined {
  return r ? { vcpus: r.vcpus ?? 0, memoryMib: r.memoryMib ?? 0, diskMib: r.diskMib ?? 0 } : undefined;
}

function profileFromPb(p: Pb<reservoir.common.v1.CapabilityProfile.$Properties>): HostProfile | undefined {
  if (!p) return undefined;
  return {
    hypervisor: p.hypervisor ?? '',
    maxVcpusPerVm: p.maxVcpusPerVm ?? 0,
    maxMemoryMibPerVm: p.maxMemoryMibPerVm ?? 0,
    diskFormats: p.diskFormats ?? [],
    liveMigration: p.liveMigration ?? false,
    cpuHotplug: p.cpuHotplug ?? false,
    memoryHotplug: p.memoryHotplug ?? false,
  };
}

function vmFromPb(v: reservoir.pe.v1.SiteVm.$Properties): SiteVmInput {
  const resources = resourcesFromPb(v.resources);
  return {
    id: v.id ?? '',
    ...(resources ? { resources } : {}),
    hypervisor: v.hypervisor ?? '',
    diskFormat: v.diskFormat ?? '',
    requirements: v.requirements ?? [],
  };
}

function hostFromPb(h: reservoir.pe.v1.SiteHostOffer.$Properties): SiteHostInput {
  const profile = profileFromPb(h.profile);
  const free = resourcesFromPb(h.free);
  return { id: h.id ?? '', ...(profile ? { profile } : {}), ...(free ? { free } : {}), count: h.count ?? 0 };
}

function offerFromPb(o: reservoir.pe.v1.SiteOffer.$Properties): SiteOfferInput {
  const cap = resourcesFromPb(o.agreementCap);
  const used = resourcesFromPb(o.agreementUsed);
  return {
    site: o.site ?? '',
    local: o.local ?? false,
    country: o.country ?? '',
    hypervisors: o.hypervisors ?? [],
    hosts: (o.hosts ?? []).map(hostFromPb),
    ...(o.price
      ? { price: { perVcpuHour: o.price.perVcpuHour ?? 0, perMemoryGibHour: o.price.perMemoryGibHour ?? 0 } }
      : {}),
    // proto3 `optional`: null when the caller did not set it.
    ...(o.utilization != null ? { utilization: o.utilization } : {}),
    ...(cap ? { agreementCap: cap } : {}),
    ...(used ? { agreementUsed: used } : {}),
  };
}

export function siteChoiceInputFromPb(req: reservoir.pe.v1.ChooseSiteRequest): SiteChoiceInput {
  const c = req.constraints;
  const w = req.weights;
  return {
    vms: req.vms.map(vmFromPb),
    ...(c
      ? {
          constraints: {
            allowedCountries: c.allowedCountries ?? [],
            forbiddenSites: c.forbiddenSites ?? [],
            requiredSites: c.requiredSites ?? [],
            ...(c.maxPricePerHour != null ? { maxPricePerHour: c.maxPricePerHour } : {}),
            allowSplit: c.allowSplit ?? false,
          },
        }
      : {}),
    offers: req.offers.map(offerFromPb),
    ...(w ? { weights: { cost: w.cost ?? 0, locality: w.locality ?? 0, balance: w.balance ?? 0 } } : {}),
  };
}

function reasonToPb(r: SiteReason): reservoir.pe.v1.SiteReason.$Properties {
  return { site: r.site, constraint: r.constraint, vm: r.vm ?? '', message: r.message };
}

export function siteChoiceToPb(c: SiteChoice): reservoir.pe.v1.ChooseSiteResponse.$Properties {
  return {
    site: c.site ?? '',
    ranking: c.ranking.map((s) => ({ ...s, shortfall: s.shortfall.map(reasonToPb) })),
    rejected: c.rejected.map((r) => ({ site: r.site, reasons: r.reasons.map(reasonToPb) })),
    assignment: c.assignment,
    parts: c.parts.map((p) => ({ ...p })),
    unassigned: c.unassigned.map((u) => ({ vm: u.vm, reasons: u.reasons.map(reasonToPb) })),
  };
}
