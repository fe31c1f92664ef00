import {
  DEFAULT_SITE_WEIGHTS,
  SITE_RESOURCES,
  type DemandVm,
  type SiteChoice,
  type SiteChoiceRequest,
  type SitePart,
  type SiteReason,
  type SiteScore,
  type SiteWeights,
} from './site-choice-model.js';
import {
  capacityText,
  capRoom,
  evaluateSite,
  loadAfter,
  overCap,
  vmCost,
  type SiteEvaluation,
} from './site-evaluation.js';
import { binsOf, ffdOrder, firstFit, sum } from './site-fit.js';

// Federation heuristics (PE-7, docs/policy-engine-site-choice.md): score every site that can take
// the demand, keep it together on the best one or, when splitting is allowed, fill the sites in
// score order. Deterministic: sites are considered by id and ties end on the id.

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Scores differing by less than this are a tie: float noise must not decide. */
const EPSILON = 1e-9;

interface Ranked {
  score: SiteScore;
  e: SiteEvaluation;
}

function rank(evals: SiteEvaluation[], w: SiteWeights): Ranked[] {
  const cheapest = Math.min(...evals.map((e) => e.cost));
  return evals
    .map((e): Ranked => {
      const costScore = e.cost === 0 ? 1 : cheapest / e.cost;
      const locality = e.offer.local ? 1 : 0;
      const balanceScore = 1 - e.loadAfter;
      return {
        e,
        score: {
          site: e.offer.site,
          local: e.offer.local,
          score: w.locality * locality + w.cost * costScore + w.balance * balanceScore,
          costPerHour: Math.ceil(e.cost),
          costScore,
          loadAfter: e.loadAfter,
          balanceScore,
          locality,
          shortfall: [],
        },
      };
    })
    .sort(
      (a, b) =>
        (Math.abs(a.score.score - b.score.score) > EPSILON ? b.score.score - a.score.score : 0) ||
        a.e.cost - b.e.cost ||
        a.e.loadAfter - b.e.loadAfter ||
        byId(a.score.site, b.score.site),
    );
}

interface Fill {
  parts: SitePart[];
  /** VM id → why each ranked site left it out. */
  skipped: Map<string, SiteReason[]>;
}

/** Greedy split: each site in rank order takes what it can of the VMs left, largest first. */
function fillInOrder(ranked: Ranked[], vms: DemandVm[], maxPrice: number | undefined): Fill {
  let left = vms;
  let spent = 0;
  const parts: SitePart[] = [];
  const skipped = new Map<string, SiteReason[]>();
  const skip = (vm: DemandVm, reason: SiteReason) =>
    skipped.set(vm.id, [...(skipped.get(vm.id) ?? []), reason]);
  for (const { e } of ranked) {
    const { offer } = e;
    const site = offer.site;
    const bins = binsOf(offer);
    const fresh = binsOf(offer);
    const room = capRoom(offer);
    const taken: DemandVm[] = [];
    let cost = 0;
    for (const vm of ffdOrder(left, e.free)) {
      const c = vmCost(vm, offer.price);
      const capped = overCap(vm, room);
      const unsuitable = e.unsuitable.get(vm.id);
      if (unsuitable) skip(vm, unsuitable);
      else if (maxPrice !== undefined && spent + c > maxPrice)
        skip(vm, {
          site,
          constraint: 'price',
          vm: vm.id,
          message: `${vm.id} would bring the demand to ${Math.ceil(spent + c)} per hour, above the cap of ${maxPrice}`,
        });
      else if (capped)
        skip(vm, { site, constraint: 'agreement-cap', vm: vm.id, message: `${vm.id} ${capped}` });
      else if (!firstFit(vm, bins))
        skip(vm, { site, constraint: 'capacity', vm: vm.id, message: capacityText(vm, fresh) });
      else {
        taken.push(vm);
        spent += c;
        cost += c;
        for (const r of SITE_RESOURCES) if (room[r] !== undefined) room[r] -= vm[r];
      }
    }
    if (taken.length === 0) continue;
    const ids = new Set(taken.map((vm) => vm.id));
    parts.push({
      site,
      vms: vms.filter((vm) => ids.has(vm.id)).map((vm) => vm.id),
      costPerHour: Math.ceil(cost),
      loadAfter: loadAfter(offer, e.free, sum(taken)),
    });
    left = left.filter((vm) => !ids.has(vm.id));
  }
  return { parts, skipped };
}

export function chooseSite(req: SiteChoiceRequest): SiteChoice {
  const weights = req.weights ?? DEFAULT_SITE_WEIGHTS;
  const split = req.constraints.allowSplit === true;
  const evals = [...req.offers].sort((a, b) => byId(a.site, b.site)).map((o) => evaluateSite(o, req));
  // Keeping together needs a site for the whole demand; a split only one that takes some of it.
  const feasible = (e: SiteEvaluation) =>
    e.siteReasons.length === 0 && (split ? e.takesSome : e.demandReasons.length === 0);
  const ranked = rank(evals.filter(feasible), weights);
  const rejected = evals
    .filter((e) => !feasible(e))
    .map((e) => ({ site: e.offer.site, reasons: [...e.siteReasons, ...e.demandReasons] }));
  const ranking = ranked.map(({ score, e }) => ({ ...score, shortfall: split ? e.demandReasons : [] }));

  if (!split) {
    const best = ranked[0];
    if (!best) return { ranking, rejected, assignment: {}, parts: [], unassigned: [] };
    const site = best.score.site;
    return {
      site,
      ranking,
      rejected,
      assignment: Object.fromEntries(req.vms.map((vm) => [vm.id, site])),
      parts: [
        {
          site,
          vms: req.vms.map((vm) => vm.id),
          costPerHour: best.score.costPerHour,
          loadAfter: best.e.loadAfter,
        },
      ],
      unassigned: [],
    };
  }

  const { parts, skipped } = fillInOrder(ranked, req.vms, req.constraints.maxPricePerHour);
  const assignment = Object.fromEntries(parts.flatMap((p) => p.vms.map((vm) => [vm, p.site])));
  const unassigned = req.vms
    .filter((vm) => assignment[vm.id] === undefined)
    .map((vm) => ({
      vm: vm.id,
      reasons: [
        ...(skipped.get(vm.id) ?? []),
        ...rejected.flatMap((r) => r.reasons.filter((x) => x.vm === undefined || x.vm === vm.id)),
      ],
    }));
  const whole = parts.length === 1 && unassigned.length === 0 ? { site: parts[0]!.site } : {};
  return { ...whole, ranking, rejected, assignment, parts, unassigned };
}
