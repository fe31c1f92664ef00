import {
  SITE_RESOURCES,
  type DemandVm,
  type SiteChoiceRequest,
  type SiteOffer,
  type SitePrice,
  type SiteReason,
  type SiteResources,
} from './site-choice-model.js';
import {
  binsOf,
  describe,
  ffdOrder,
  firstFit,
  fitsAlone,
  fitsIn,
  sum,
  unsuitable,
  type Bin,
} from './site-fit.js';

// One site against the whole demand: what keeps the site out, why it cannot take every VM, what
// the demand would cost there and how loaded the site would be.

export interface SiteEvaluation {
  offer: SiteOffer;
  /** What keeps the site itself out: required sites, forbidden sites, country. */
  siteReasons: SiteReason[];
  /** Why it cannot take the whole demand. */
  demandReasons: SiteReason[];
  /** VM id → why no host of the site can ever run it (family, disk format, limit, capability). */
  unsuitable: Map<string, SiteReason>;
  /** Some VM fits there on its own, within the agreement cap and the price cap. */
  takesSome: boolean;
  /** The whole demand at the site's prices, exact (fractions of a minor unit included). */
  cost: number;
  loadAfter: number;
  /** The site's free capacity, all hosts together. */
  free: SiteResources;
}

/** Per hour; memory is charged per MiB, so the sum stays exact until rounded up once. */
export function vmCost(vm: SiteResources, price: SitePrice): number {
  return vm.vcpus * price.perVcpuHour + (vm.memoryMib * price.perMemoryGibHour) / 1024;
}

function amount(r: (typeof SITE_RESOURCES)[number], n: number): string {
  return r === 'vcpus' ? `${n} vCPUs` : `${n} MiB ${r === 'memoryMib' ? 'memory' : 'disk'}`;
}

/** What the agreement still lets us take, per capped resource. */
export function capRoom(offer: SiteOffer): Partial<SiteResources> {
  const room: Partial<SiteResources> = {};
  for (const r of SITE_RESOURCES) {
    const cap = offer.agreementCap?.[r];
    if (cap !== undefined) room[r] = Math.max(0, cap - (offer.agreementUsed?.[r] ?? 0));
  }
  return room;
}

/** "needs 48 vCPUs; the agreement leaves 32 vCPUs", over the resources it exceeds, or undefined. */
export function overCap(need: SiteResources, room: Partial<SiteResources>): string | undefined {
  const over = SITE_RESOURCES.filter((r) => room[r] !== undefined && need[r] > room[r]!);
  if (over.length === 0) return undefined;
  const needs = over.map((r) => amount(r, need[r])).join(', ');
  return `needs ${needs}; the federation agreement leaves ${over.map((r) => amount(r, room[r]!)).join(', ')}`;
}

/**
 * The site's load once `demand` is there: what was used (utilization) plus the demand's share of
 * the free capacity on its dominant resource, capped at 1 (full).
 */
export function loadAfter(offer: SiteOffer, free: SiteResources, demand: SiteResources): number {
  const u = offer.utilization ?? 0;
  const share = Math.max(
    0,
    ...SITE_RESOURCES.map((r) => (free[r] > 0 ? demand[r] / free[r] : demand[r] > 0 ? 1 : 0)),
  );
  return u + (1 - u) * Math.min(1, share);
}

function siteReasons(offer: SiteOffer, req: SiteChoiceRequest): SiteReason[] {
  const { site } = offer;
  const c = req.constraints;
  const out: SiteReason[] = [];
  const required = c.requiredSites ?? [];
  if (required.length > 0 && !required.includes(site))
    out.push({
      site,
      constraint: 'required-sites',
      message: `${site} is not among the required sites (${required.join(', ')})`,
    });
  if (c.forbiddenSites?.includes(site))
    out.push({ site, constraint: 'forbidden-sites', message: `${site} is a forbidden site` });
  const allowed = (c.allowedCountries ?? []).map((x) => x.toUpperCase());
  if (allowed.length > 0 && !allowed.includes(offer.country.toUpperCase()))
    out.push({
      site,
      constraint: 'country',
      message: `country ${offer.country} is outside the allowed countries (${allowed.join(', ')})`,
    });
  return out;
}

/** Why the VM does not fit the hosts' free capacity: on no host alone, or not after the larger ones. */
export function capacityText(vm: DemandVm, fresh: readonly Bin[]): string {
  return fitsAlone(vm, fresh)
    ? `${vm.id} (${describe(vm)}) fits on no host after first-fit-decreasing packing of the larger VMs`
    : `${vm.id} (${describe(vm)}) fits on no host: no host that can run it has that much free`;
}

/** Packs the VMs no filter rules out, largest first, and explains each one left over. */
function capacityReasons(offer: SiteOffer, vms: DemandVm[], free: SiteResources): SiteReason[] {
  const fresh = binsOf(offer);
  const bins = binsOf(offer);
  const aggregate = fitsIn(sum(vms), free)
    ? `; the site's total free capacity (${describe(free)}) would hold the demand, but not host by host`
    : '';
  return ffdOrder(vms, free)
    .filter((vm) => !firstFit(vm, bins))
    .map((vm) => ({
      site: offer.site,
      constraint: 'capacity' as const,
      vm: vm.id,
      message: capacityText(vm, fresh) + aggregate,
    }));
}

export function evaluateSite(offer: SiteOffer, req: SiteChoiceRequest): SiteEvaluation {
  const { site } = offer;
  const free = sum(binsOf(offer).map((b) => b.free));
  const bad = new Map<string, SiteReason>();
  for (const vm of req.vms) {
    const v = unsuitable(vm, offer);
    if (v) bad.set(vm.id, { site, vm: vm.id, ...v });
  }
  const runnable = req.vms.filter((vm) => !bad.has(vm.id));
  const demand = sum(req.vms);
  const cost = req.vms.reduce((s, vm) => s + vmCost(vm, offer.price), 0);
  const room = capRoom(offer);
  const max = req.constraints.maxPricePerHour;
  const demandReasons: SiteReason[] = [...bad.values(), ...capacityReasons(offer, runnable, free)];
  const capped = overCap(demand, room);
  if (capped) demandReasons.push({ site, constraint: 'agreement-cap', message: `the demand ${capped}` });
  if (max !== undefined && cost > max)
    demandReasons.push({
      site,
      constraint: 'price',
      message: `the demand costs ${Math.ceil(cost)} per hour here, above the cap of ${max}`,
    });
  const fresh = binsOf(offer);
  const takesSome = runnable.some(
    (vm) =>
      fitsAlone(vm, fresh) && !overCap(vm, room) && (max === undefined || vmCost(vm, offer.price) <= max),
  );
  return {
    offer,
    siteReasons: siteReasons(offer, req),
    demandReasons,
    unsuitable: bad,
    takesSome,
    cost,
    loadAfter: loadAfter(offer, free, demand),
    free,
  };
}
