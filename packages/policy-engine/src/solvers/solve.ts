import { ReservoirError } from '@reservoir/runtime';
import { hostLowerBound } from '../domain/bounds.js';
import { construct, placementUnits, type GreedyOptions } from '../domain/greedy.js';
import { HostElimination } from '../domain/host-elimination.js';
import { migrationPlan } from '../domain/migration-plan.js';
import type { PeInstance, PePolicy } from '../domain/model.js';
import { compareScores, score, type Score } from '../domain/objective.js';
import type { Placement } from '../domain/placement.js';
import { compileProblem, valueOf, type Problem } from '../domain/problem.js';
import { unplacedOf } from '../domain/reasons.js';
import { dropUnprofitable, lowerPeak, repairSoft, returnHome } from '../domain/rebalance.js';
import type { SolveResult } from '../domain/result.js';
import { policyLowerBound, provedInfeasible } from './bounds.js';
import { improveWithMip, type MipChoice } from './mip-improve.js';
import type { MipBackend } from './mip/index.js';
import { mulberry32 } from './random.js';

// One entry point for every solver: a constructive answer at once, then improvement until the
// time limit: host elimination and local moves (heuristic), exact MIP on small problems or on
// neighbourhoods of large ones (glpk, highs), `auto` choosing by size. The loop yields to the
// event loop between bounded steps, so a service stays responsive while it solves.

export type SolverName = 'auto' | 'heuristic' | 'glpk' | 'highs';
export const SOLVER_NAMES: readonly SolverName[] = ['auto', 'heuristic', 'glpk', 'highs'];

export interface SolveOptions {
  solver?: SolverName;
  timeLimitMs?: number;
  policy?: PePolicy;
  seed?: number;
  signal?: AbortSignal;
  /** MIP back-ends to reuse across solves (each solve otherwise starts and stops its own). */
  backends?: Partial<Record<MipChoice, MipBackend>>;
  /** Called with the best answer's primary value whenever it improves. */
  onProgress?: (e: { ms: number; hostsUsed: number; objective: number }) => void;
}

/** Largest full problem (hosts × VMs) `auto` hands to the MIP as a whole. */
const AUTO_MIP_CELLS = 30_000;
/** A step of work between yields to the event loop. */
const SLICE_MS = 25;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function primaryMet(pl: Placement, lb: number): boolean {
  const p = pl.p;
  if (pl.placed < p.nVms && p.policy.name !== 'profit') return false;
  // Soft violations count in the objective: with any left, the bound proves nothing.
  if (pl.soft > 0) return false;
  if (p.policy.name === 'consolidate') return pl.hostsUsed <= lb;
  if (p.policy.name === 'min-migrations') return pl.moveCostSum <= lb + 1e-9;
  return false;
}

/** Whether the policy gains from emptying hosts. */
function packs(p: Problem): boolean {
  const { name, weights } = p.policy;
  return (
    name === 'consolidate' || name === 'profit' || (name === 'weighted' && (weights.consolidate ?? 0) > 0)
  );
}

async function eliminate(
  pl: Placement,
  hostLb: number,
  deadline: number,
  rng: () => number,
  signal: AbortSignal | undefined,
  onImprove: () => void,
): Promise<void> {
  const p = pl.p;
  const avgPerHost = Math.max(1, pl.placed / Math.max(1, pl.hostsUsed));
  // Bound one attempt's work (pool × hosts × pairs per step) to a few tens of milliseconds.
  const perStep = Math.max(1, pl.hostsUsed) * avgPerHost * avgPerHost * Math.max(1, avgPerHost);
  const maxSteps = Math.max(20, Math.min(1000, Math.floor(4e6 / perStep)));
  const he = new HostElimination(pl, { rng, maxSteps, tabuTenure: 5, slack: 0.15, deadline });
  let stalled = 0;
  let sliceStart = performance.now();
  while (performance.now() < deadline && !signal?.aborted && stalled < 40) {
    if (pl.hostsUsed <= hostLb && pl.placed === p.nVms) break;
    const before: Score = score(pl);
    const order = he.candidates().sort((a, b) => he.load(a) - he.load(b));
    let improved = false;
    for (const h of order) {
      if (performance.now() >= deadline || signal?.aborted) break;
      const mark = he.mark();
      if (he.empty(h)) {
        if (compareScores(score(pl), before) < 0) {
          he.commit();
          improved = true;
          onImprove();
          break;
        }
        he.rollback(mark);
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    stalled = improved ? 0 : stalled + 1;
    await yieldToLoop();
    sliceStart = performance.now();
  }
}

/** Places what the constructive pass left out, unit by unit, swapping smaller VMs out if needed. */
function repair(pl: Placement, rng: () => number, deadline: number): void {
  const p = pl.p;
  const missing: number[] = [];
  for (let v = 0; v < p.nVms; v++) if (pl.host[v]! < 0) missing.push(v);
  if (missing.length === 0) return;
  const he = new HostElimination(pl, { rng, maxSteps: 200, tabuTenure: 5, slack: 0.15, deadline });
  for (const unit of placementUnits(p, missing)) {
    if (performance.now() > deadline) break;
    const before = score(pl);
    const mark = he.mark();
    if (he.repair(unit) && compareScores(score(pl), before) < 0) he.commit();
    else he.rollback(mark);
  }
}

export async function solve(instance: PeInstance, options: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const solver = options.solver ?? 'auto';
  if (!SOLVER_NAMES.includes(solver))
    throw new ReservoirError('INVALID_ARGUMENT', `solver: unknown "${solver}" (${SOLVER_NAMES.join(', ')})`, {
      field: 'solver',
    });
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  if (!(timeLimitMs > 0))
    throw new ReservoirError('INVALID_ARGUMENT', `timeLimit: ${timeLimitMs} must be positive`, {
      field: 'timeLimit',
    });
  // Improvement stops a little early: assembling the answer (plan, reasons) takes time too.
  const deadline = t0 + Math.max(timeLimitMs * 0.97 - 30, timeLimitMs / 2);
  const p = compileProblem(instance, options.policy ?? instance.policy);
  const rng = mulberry32(options.seed ?? 1);
  let hostLb = hostLowerBound(p);
  const policyLb = policyLowerBound(p, hostLb);

  // Constructive answers: the first one is the first feasible plan; the others compete with it
  // (from scratch or from where VMs run; one by one or host by host for packing policies).
  const keep = p.policy.name === 'min-migrations' || Number.isFinite(p.policy.maxMigrations);
  const variants: GreedyOptions[] = [{ keepCurrent: keep, byHost: packs(p) && !keep }];
  if (p.current.some((h) => h >= 0)) variants.push({ keepCurrent: !keep, byHost: packs(p) && keep });
  if (packs(p)) variants.push({ keepCurrent: false, byHost: false });
  let best = construct(p, variants[0]!);
  const firstFeasibleMs = performance.now() - t0;
  for (const v of variants.slice(1)) {
    await yieldToLoop();
    const other = construct(p, v);
    if (compareScores(score(other), score(best)) < 0) best = other;
  }
  repair(best, rng, Math.min(deadline, performance.now() + timeLimitMs / 4));
  const progress = () =>
    options.onProgress?.({
      ms: performance.now() - t0,
      hostsUsed: best.hostsUsed,
      objective: score(best).value,
    });
  progress();
  await yieldToLoop();

  let used = 'heuristic';
  let proven = false;
  if (!primaryMet(best, policyLb.value)) {
    if (p.policy.name === 'min-migrations') returnHome(best);
    if (p.policy.name === 'profit') dropUnprofitable(best);
    if (packs(p)) await eliminate(best, hostLb, deadline, rng, options.signal, progress);
    if (
      p.policy.name === 'balance' ||
      (p.policy.name === 'weighted' && (p.policy.weights.balance ?? 0) > 0)
    ) {
      const trial = best.clone();
      lowerPeak(trial, deadline, () => performance.now());
      if (compareScores(score(trial), score(best)) < 0) best = trial;
    }
  }
  repairSoft(best, deadline, () => performance.now());
  const mipChoice: MipChoice | undefined =
    solver === 'glpk' || solver === 'highs'
      ? solver
      : solver === 'auto' && p.nHosts * p.nVms <= AUTO_MIP_CELLS
        ? 'highs'
        : undefined;
  if (
    mipChoice &&
    !primaryMet(best, policyLb.value) &&
    performance.now() < deadline &&
    !options.signal?.aborted
  ) {
    const r = await improveWithMip(best, mipChoice, deadline, rng, options.backends?.[mipChoice]);
    used = solver === 'auto' ? `heuristic+${mipChoice}` : mipChoice;
    best = r.placement;
    proven = r.proven;
    // The MIP's consolidate objective is hosts plus a power share below one host.
    if (p.policy.name === 'consolidate' && r.bound !== undefined && best.placed === p.nVms)
      hostLb = Math.max(hostLb, Math.ceil(r.bound - 1 + 1e-9));
    if (r.improved) progress();
  }

  return result(p, best, {
    hostLb,
    policyLb,
    proven,
    solver: used,
    firstFeasibleMs,
    ms: performance.now() - t0,
  });
}

/**
 * After VMs were taken out of a placement: leaves out the rest of an all-or-nothing set that is
 * no longer whole, and members of a spread that no longer covers its minimum of values.
 */
function dropBroken(pl: Placement): void {
  const p = pl.p;
  const drop = (v: number) => {
    if (pl.host[v]! < 0 || p.fixed[v] === 1) return false;
    pl.unassign(v);
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const s of p.sets) {
      const placed = [...s.vms].filter((v) => pl.host[v]! >= 0);
      if (placed.length === 0 || placed.length === s.vms.length) continue;
      for (const v of placed) changed = drop(v) || changed;
    }
    p.spreads.forEach((s, si) => {
      if (pl.spreadDistinct[si]! >= Math.min(s.min, pl.spreadPlaced[si]!)) return;
      // Keep one member per value (fixed ones first): the spread then covers what it uses.
      const members = [...s.vms].filter((v) => pl.host[v]! >= 0).sort((a, b) => p.fixed[b]! - p.fixed[a]!);
      const seen = new Set<number>();
      for (const v of members) {
        const val = valueOf(p, s.scope, pl.host[v]!);
        if (!seen.has(val)) seen.add(val);
        else changed = drop(v) || changed;
      }
    });
  }
}

function result(
  p: Problem,
  pl: Placement,
  o: {
    hostLb: number;
    policyLb: { value: number; primary: string };
    proven: boolean;
    solver: string;
    firstFeasibleMs: number;
    ms: number;
  },
): SolveResult {
  const assignment: Record<string, string> = {};
  // Moves that cannot be ordered without overloading a host stay where they are (all of them
  // leave their targets first: two stuck VMs may be swapping places), then the rest is planned
  // again, until every move of the plan is safe.
  let plan = migrationPlan(p, pl.host.slice());
  const stuckTo = new Map<number, number>();
  while (plan.stuck.length > 0) {
    for (const v of plan.stuck) {
      if (!stuckTo.has(v)) stuckTo.set(v, pl.host[v]!);
      pl.unassign(v);
    }
    for (const v of plan.stuck) if (pl.canPlace(v, p.current[v]!)) pl.assign(v, p.current[v]!);
    dropBroken(pl);
    plan = migrationPlan(p, pl.host.slice());
  }
  for (let v = 0; v < p.nVms; v++) {
    const h = pl.host[v]!;
    if (h >= 0) assignment[p.vmIds[v]!] = p.hostIds[h]!;
  }
  const unplaced = unplacedOf(pl);
  // A VM left out because its move could not be planned says so (not "the policy left it out").
  for (const u of unplaced) {
    const v = p.vmIndex.get(u.vm)!;
    const to = stuckTo.get(v);
    if (to === undefined) continue;
    u.reasons = [
      `its move to ${p.hostIds[to]} cannot be ordered without overloading a host, and it cannot stay on ${p.hostIds[p.current[v]!]}`,
      ...u.reasons.filter((r) => !r.endsWith('but the policy left it out')),
    ];
  }
  const s = score(pl);
  const consolidate = p.policy.name === 'consolidate';
  const primary = consolidate ? pl.hostsUsed : s.value;
  const lb = consolidate ? Math.min(o.hostLb, p.nHosts) : o.policyLb.value;
  const complete = unplaced.length === 0 || p.policy.name === 'profit';
  const optimal = complete && (o.proven || primaryMet(pl, lb));
  const gap = optimal
    ? 0
    : Math.abs(lb) > 1e-12
      ? Math.max(0, (primary - lb) / Math.abs(lb))
      : primary > 1e-12
        ? 1
        : 0;
  return {
    status: optimal
      ? 'optimal'
      : complete
        ? 'feasible'
        : provedInfeasible(pl, o.hostLb)
          ? 'infeasible'
          : 'partial',
    assignment,
    unplaced,
    hostsUsed: pl.hostsUsed,
    lowerBound: lb,
    gap,
    objective: s.value,
    migrations: pl.migrations,
    plan: plan.steps,
    solver: o.solver,
    policy: p.policy.name,
    firstFeasibleMs: Math.round(o.firstFeasibleMs * 10) / 10,
    ms: Math.round(o.ms * 10) / 10,
  };
}
