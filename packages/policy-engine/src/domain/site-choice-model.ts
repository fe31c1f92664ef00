// Federation heuristics (PE-7): which site of a federation takes a demand of VMs. The chosen
// site's own engine then places the VMs on its hosts. Money is in integer minor units of one
// currency, memory and disk in MiB. Pure data: chooseSite reads it, never changes it.

export interface SiteResources {
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

export const SITE_RESOURCES = [
  'vcpus',
  'memoryMib',
  'diskMib',
] as const satisfies readonly (keyof SiteResources)[];

/** What a VM may ask for that only some hypervisors honour, and the host capability it needs. */
export const VM_REQUIREMENTS = {
  'live-migration': 'liveMigration',
  'no-reboot-on-cpu-change': 'cpuHotplug',
  'no-reboot-on-memory-change': 'memoryHotplug',
} as const satisfies Record<string, keyof HostProfile>;
export type VmRequirement = keyof typeof VM_REQUIREMENTS;

export interface DemandVm extends SiteResources {
  id: string;
  /** The hypervisor family the VM needs (its image's); any when absent. */
  hypervisor?: string;
  /** The format of its disk image; any when absent. */
  diskFormat?: string;
  requirements?: VmRequirement[];
}

/** What a host's hypervisor can do (the part of the VEEH capability profile that placement reads). */
export interface HostProfile {
  hypervisor: string;
  /** 0: no limit. */
  maxVcpusPerVm: number;
  /** 0: no limit. */
  maxMemoryMibPerVm: number;
  diskFormats: string[];
  liveMigration: boolean;
  cpuHotplug: boolean;
  memoryHotplug: boolean;
}

/** A host, or a class of `count` identical hosts, with the free capacity of one. */
export interface HostOffer {
  id: string;
  profile: HostProfile;
  free: SiteResources;
  count?: number;
}

export interface SitePrice {
  perVcpuHour: number;
  perMemoryGibHour: number;
}

export interface SiteOffer {
  site: string;
  /** The site this engine serves: locality prefers it. */
  local: boolean;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Families the site offers; a VM needing another one cannot go there. */
  hypervisors: string[];
  hosts: HostOffer[];
  price: SitePrice;
  /** Share of the site's capacity in use now, 0..1 (0 when unknown). */
  utilization?: number;
  /** What the federation agreement lets us hold there in total; an absent resource has no cap. */
  agreementCap?: Partial<SiteResources>;
  /** What we already hold there under the agreement. */
  agreementUsed?: Partial<SiteResources>;
}

export interface SiteConstraints {
  /** Empty or absent: any country. */
  allowedCountries?: string[];
  forbiddenSites?: string[];
  /** When non-empty, only these sites may take the VMs. */
  requiredSites?: string[];
  /** For the whole demand; absent: no cap. */
  maxPricePerHour?: number;
  /** Let the VMs go to several sites; by default (keep together) they all go to one. */
  allowSplit?: boolean;
}

export interface SiteWeights {
  cost: number;
  /** Preference for the local site. */
  locality: number;
  /** Preference for the site least loaded after placement. */
  balance: number;
}

/**
 * Locality outweighs cost and balance together (both at most 1), so the local site wins whenever
 * it can take the demand; then the cheapest partner; equal costs go to the lower load.
 */
export const DEFAULT_SITE_WEIGHTS: Readonly<SiteWeights> = Object.freeze({
  cost: 1,
  locality: 2,
  balance: 0,
});

export interface SiteChoiceRequest {
  vms: DemandVm[];
  constraints: SiteConstraints;
  offers: SiteOffer[];
  weights?: SiteWeights;
}

export const SITE_CONSTRAINTS = [
  'required-sites',
  'forbidden-sites',
  'country',
  'price',
  'hypervisor',
  'disk-format',
  'per-vm-limit',
  'capability',
  'capacity',
  'agreement-cap',
] as const;
export type SiteConstraint = (typeof SITE_CONSTRAINTS)[number];

export interface SiteReason {
  site: string;
  constraint: SiteConstraint;
  /** The VM it is about; absent for the site or the whole demand. */
  vm?: string;
  message: string;
}

export interface SiteScore {
  site: string;
  local: boolean;
  /** locality × w.locality + costScore × w.cost + balanceScore × w.balance; higher is better. */
  score: number;
  /** The whole demand at the site's prices, rounded up. */
  costPerHour: number;
  /** Cheapest costPerHour among the ranked sites / this one (1 when free). */
  costScore: number;
  /** Share of the site in use once the demand is there, at most 1. */
  loadAfter: number;
  /** 1 − loadAfter. */
  balanceScore: number;
  /** 1 for the local site, else 0. */
  locality: number;
  /** With allowSplit: why the site cannot take the whole demand. */
  shortfall: SiteReason[];
}

export interface SiteRejection {
  site: string;
  reasons: SiteReason[];
}

export interface SitePart {
  site: string;
  vms: string[];
  costPerHour: number;
  loadAfter: number;
}

export interface UnassignedVm {
  vm: string;
  reasons: SiteReason[];
}

export interface SiteChoice {
  /** The site that takes the whole demand; absent when none does. */
  site?: string;
  /** Sites that can take the demand (with allowSplit: part of it), best first. */
  ranking: SiteScore[];
  /** The other sites, by site id, each with every reason. */
  rejected: SiteRejection[];
  /** VM id → site. */
  assignment: Record<string, string>;
  /** What goes where, in the order the sites were filled. */
  parts: SitePart[];
  /** With allowSplit: the VMs no site could take, with each site's reason. */
  unassigned: UnassignedVm[];
}
