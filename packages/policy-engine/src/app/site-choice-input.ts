import { errors } from '@reservoir/runtime';
import {
  VM_REQUIREMENTS,
  type DemandVm,
  type HostOffer,
  type HostProfile,
  type SiteChoiceRequest,
  type SiteOffer,
  type SitePrice,
  type SiteResources,
  type SiteWeights,
} from '../domain/site-choice-model.js';

// A ChooseSite request as it arrives (proto3: '' and 0 mean unset) checked and turned into the
// domain's request. Errors name the field by its proto path, e.g. `offers[2].country`.

export interface SiteVmInput {
  id: string;
  resources?: SiteResources;
  hypervisor: string;
  diskFormat: string;
  requirements: string[];
}

export interface SiteHostInput {
  id: string;
  profile?: HostProfile;
  free?: SiteResources;
  /** 0 means 1. */
  count: number;
}

export interface SiteOfferInput {
  site: string;
  local: boolean;
  country: string;
  hypervisors: string[];
  hosts: SiteHostInput[];
  price?: SitePrice;
  utilization?: number;
  /** A 0 field has no cap. */
  agreementCap?: SiteResources;
  agreementUsed?: SiteResources;
}

export interface SiteChoiceInput {
  vms: SiteVmInput[];
  constraints?: {
    allowedCountries: string[];
    forbiddenSites: string[];
    requiredSites: string[];
    maxPricePerHour?: number;
    allowSplit: boolean;
  };
  offers: SiteOfferInput[];
  weights?: SiteWeights;
}

/** Bounds the packing work of one request (VMs × hosts per site). */
const MAX_VMS = 10_000;
const MAX_HOSTS_PER_SITE = 10_000;
const MAX_PRICE = 1e9;
const COUNTRY = /^[A-Za-z]{2}$/;

function count(field: string, v: number, min = 0, max = 2 ** 32 - 1): number {
  if (!Number.isInteger(v) || v < min || v > max)
    throw errors.invalid(field, `${v} must be an integer from ${min} to ${max}`);
  return v;
}

function required<T>(field: string, v: T | undefined): T {
  if (v === undefined) throw errors.invalid(field, 'must be given');
  return v;
}

function names(field: string, xs: string[]): string[] {
  xs.forEach((x, i) => {
    if (!x) throw errors.invalid(`${field}[${i}]`, 'must not be empty');
  });
  return [...xs];
}

function unique(field: string, ids: string[], what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!id) throw errors.invalid(`${field}[${i}].${what}`, 'must not be empty');
    if (seen.has(id)) throw errors.invalid(`${field}[${i}].${what}`, `duplicate ${what} "${id}"`);
    seen.add(id);
  });
}

function resources(field: string, r: SiteResources, minVm = 0): SiteResources {
  return {
    vcpus: count(`${field}.vcpus`, r.vcpus, minVm),
    memoryMib: count(`${field}.memory_mib`, r.memoryMib, minVm),
    diskMib: count(`${field}.disk_mib`, r.diskMib),
  };
}

/** Zero fields carry no cap, as in the VEEM's offers. */
function capOf(field: string, r: SiteResources | undefined): Partial<SiteResources> | undefined {
  if (!r) return undefined;
  const checked = resources(field, r);
  return Object.fromEntries(Object.entries(checked).filter(([, v]) => v > 0));
}

function vmOf(v: SiteVmInput, i: number): DemandVm {
  const at = `vms[${i}]`;
  const requirements = v.requirements.map((r, k) => {
    if (!Object.hasOwn(VM_REQUIREMENTS, r))
      throw errors.invalid(
        `${at}.requirements[${k}]`,
        `unknown requirement "${r}"; use ${Object.keys(VM_REQUIREMENTS).join(', ')}`,
      );
    return r as keyof typeof VM_REQUIREMENTS;
  });
  return {
    id: v.id,
    ...resources(`${at}.resources`, required(`${at}.resources`, v.resources), 1),
    ...(v.hypervisor ? { hypervisor: v.hypervisor } : {}),
    ...(v.diskFormat ? { diskFormat: v.diskFormat } : {}),
    ...(requirements.length > 0 ? { requirements } : {}),
  };
}

function hostOf(h: SiteHostInput, at: string, families: string[]): HostOffer {
  const p = required(`${at}.profile`, h.profile);
  if (!p.hypervisor) throw errors.invalid(`${at}.profile.hypervisor`, 'must not be empty');
  if (families.length > 0 && !families.includes(p.hypervisor))
    throw errors.invalid(
      `${at}.profile.hypervisor`,
      `${p.hypervisor} is not among the site's hypervisors (${families.join(', ')})`,
    );
  return {
    id: h.id,
    profile: {
      hypervisor: p.hypervisor,
      maxVcpusPerVm: count(`${at}.profile.max_vcpus_per_vm`, p.maxVcpusPerVm),
      maxMemoryMibPerVm: count(`${at}.profile.max_memory_mib_per_vm`, p.maxMemoryMibPerVm),
      diskFormats: names(`${at}.profile.disk_formats`, p.diskFormats),
      liveMigration: p.liveMigration,
      cpuHotplug: p.cpuHotplug,
      memoryHotplug: p.memoryHotplug,
    },
    free: resources(`${at}.free`, required(`${at}.free`, h.free)),
    count: count(`${at}.count`, h.count || 1, 1, MAX_HOSTS_PER_SITE),
  };
}

function offerOf(o: SiteOfferInput, i: number): SiteOffer {
  const at = `offers[${i}]`;
  if (!COUNTRY.test(o.country))
    throw errors.invalid(`${at}.country`, `"${o.country}" must be an ISO 3166-1 alpha-2 code such as DE`);
  unique(
    `${at}.hosts`,
    o.hosts.map((h) => h.id),
    'id',
  );
  const hypervisors = names(`${at}.hypervisors`, o.hypervisors);
  const hosts = o.hosts.map((h, j) => hostOf(h, `${at}.hosts[${j}]`, hypervisors));
  if (hosts.reduce((n, h) => n + (h.count ?? 1), 0) > MAX_HOSTS_PER_SITE)
    throw errors.invalid(`${at}.hosts`, `offers more than ${MAX_HOSTS_PER_SITE} hosts`);
  const u = o.utilization;
  if (u !== undefined && !(Number.isFinite(u) && u >= 0 && u <= 1))
    throw errors.invalid(`${at}.utilization`, `${u} must be a number from 0 to 1`);
  const cap = capOf(`${at}.agreement_cap`, o.agreementCap);
  const used = capOf(`${at}.agreement_used`, o.agreementUsed);
  return {
    site: o.site,
    local: o.local,
    country: o.country.toUpperCase(),
    hypervisors,
    hosts,
    price: {
      perVcpuHour: count(`${at}.price.per_vcpu_hour`, o.price?.perVcpuHour ?? 0, 0, MAX_PRICE),
      perMemoryGibHour: count(
        `${at}.price.per_memory_gib_hour`,
        o.price?.perMemoryGibHour ?? 0,
        0,
        MAX_PRICE,
      ),
    },
    ...(u !== undefined ? { utilization: u } : {}),
    ...(cap ? { agreementCap: cap } : {}),
    ...(used ? { agreementUsed: used } : {}),
  };
}

function weightsOf(w: SiteWeights | undefined): SiteWeights | undefined {
  if (!w) return undefined;
  for (const [k, v] of Object.entries(w))
    if (!Number.isFinite(v) || v < 0) throw errors.invalid(`weights.${k}`, `${v} must be a number ≥ 0`);
  return { cost: w.cost, locality: w.locality, balance: w.balance };
}

export function siteChoiceRequestOf(input: SiteChoiceInput): SiteChoiceRequest {
  if (input.vms.length === 0) throw errors.invalid('vms', 'must list at least one VM');
  if (input.vms.length > MAX_VMS) throw errors.invalid('vms', `lists more than ${MAX_VMS} VMs`);
  unique(
    'vms',
    input.vms.map((v) => v.id),
    'id',
  );
  if (input.offers.length === 0) throw errors.invalid('offers', 'must list at least one site offer');
  unique(
    'offers',
    input.offers.map((o) => o.site),
    'site',
  );
  const locals = input.offers.flatMap((o, i) => (o.local ? [i] : []));
  if (locals.length > 1)
    throw errors.invalid(`offers[${locals[1]}].local`, `only one site is local, and offers[${locals[0]}] is`);
  const c = input.constraints;
  const allowed = names('constraints.allowed_countries', c?.allowedCountries ?? []);
  allowed.forEach((x, i) => {
    if (!COUNTRY.test(x))
      throw errors.invalid(
        `constraints.allowed_countries[${i}]`,
        `"${x}" must be an ISO 3166-1 alpha-2 code`,
      );
  });
  const weights = weightsOf(input.weights);
  return {
    vms: input.vms.map(vmOf),
    constraints: {
      allowedCountries: allowed.map((x) => x.toUpperCase()),
      forbiddenSites: names('constraints.forbidden_sites', c?.forbiddenSites ?? []),
      requiredSites: names('constraints.required_sites', c?.requiredSites ?? []),
      ...(c?.maxPricePerHour !== undefined
        ? {
            maxPricePerHour: count(
              'constraints.max_price_per_hour',
              c.maxPricePerHour,
              0,
              Number.MAX_SAFE_INTEGER,
            ),
          }
        : {}),
      allowSplit: c?.allowSplit ?? false,
    },
    offers: input.offers.map(offerOf),
    ...(weights ? { weights } : {}),
  };
}
