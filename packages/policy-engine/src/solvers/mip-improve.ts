import { compareScores, score } from '../domain/objective.js';
import type { Placement } from '../domain/placement.js';
import { createMipBackend, GRACE_MS, type MipBackend, type SubProblem } from './mip/index.js';

// Exact improvement with a MIP back-end: the whole problem when it is small, otherwise
// neighbourhoods of at most 50 hosts and 500 VMs re-solved one after another (MIP-based
// large-neighbourhood search), each warm-started from the current answer. A MIP answer is taken
// only if every move passes the placement's own rules and the score improves.

export type MipChoice = 'glpk' | 'highs';

const SUB_HOSTS = 50;
const SUB_VMS = 500;
/** Full problems up to this many VM × host cells are solved whole. */
const WHOLE_CELLS = 30_000;

export interface MipImprovement {
  placement: Placement;
  proven: boolean;
  improved: boolean;
  /** The MIP's proven bound on its objective for the whole problem, when it solved it whole. */
  bound?: number;
  /** Solves run, and what the last one said. */
  solves: number;
  lastStatus?: string;
}

/** Applies a MIP answer for the sub-problem's VMs to a copy; undefined if a move breaks a rule. */
function applyAnswer(pl: Placement, sub: SubProblem, hosts: Int32Array): Placement | undefined {
  const next = pl.clone();
  for (const v of sub.vms) next.unassign(v);
  for (let i = 0; i < sub.vms.length; i++) {
    const v = sub.vms[i]!;
    const h = hosts[i]!;
    if (h < 0) continue;
    if (!next.canPlace(v, h)) return undefined;
    next.assign(v, h);
  }
  // Members of a set must all be placed or none.
  for (const s of next.p.sets) {
    let placed = 0;
    for (const v of s.vms) if (next.host[v]! >= 0) placed++;
    if (placed > 0 && placed < s.vms.length) return undefined;
  }
  return next;
}

function neighbourhood(pl: Placement, rng: () => number): SubProblem {
  const p = pl.p;
  const onHost = pl.vmsByHost();
  const movable = (h: number) => onHost[h]!.filter((v) => p.fixed[v] === 0);
  // The emptiest active hosts (the ones worth closing), then random hosts as room to move into.
  const active = [...Array(p.nHosts).keys()].filter((h) => pl.count[h]! > 0);
  active.sort((a, b) => pl.utilization(a) - pl.utilization(b));
  const chosen = new Set<number>(active.slice(0, Math.min(8, active.length)));
  const others = [...Array(p.nHosts).keys()].filter((h) => !chosen.has(h));
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  let vms = [...chosen].reduce((n, h) => n + movable(h).length, 0);
  for (const h of others) {
    if (chosen.size >= SUB_HOSTS) break;
    const n = movable(h).length;
    if (vms + n > SUB_VMS) continue;
    chosen.add(h);
    vms += n;
  }
  const hosts = Int32Array.from(chosen);
  const free = hosts.reduce<number[]>((acc, h) => acc.concat(movable(h)), []).slice(0, SUB_VMS);
  return {
    hosts,
    vms: Int32Array.from(free),
    assignment: pl.host.slice(),
    migrationBudget: Math.max(0, p.policy.maxMigrations - pl.migrations),
    allowUnplaced: true,
  };
}

function whole(pl: Placement): SubProblem {
  const p = pl.p;
  const vms: number[] = [];
  for (let v = 0; v < p.nVms; v++) if (p.fixed[v] === 0) vms.push(v);
  const budget = p.policy.maxMigrations;
  return {
    hosts: Int32Array.from({ length: p.nHosts }, (_, h) => h),
    vms: Int32Array.from(vms),
    assignment: pl.host.slice(),
    migrationBudget: budget,
    allowUnplaced: true,
  };
}

export async function improveWithMip(
  start: Placement,
  choice: MipChoice,
  deadline: number,
  rng: () => number,
  backend?: MipBackend,
): Promise<MipImprovement> {
  const own = backend ?? createMipBackend(choice);
  let best = start;
  let improved = false;
  let proven = false;
  let solves = 0;
  let lastStatus: string | undefined;
  let bound: number | undefined;
  try {
    const p = start.p;
    const small = p.nHosts * p.nVms <= WHOLE_CELLS;
    do {
      const left = deadline - performance.now();
      const sub = small ? whole(best) : neighbourhood(best, rng);
      if (sub.vms.length === 0) break;
      // A back-end that overruns its limit is killed only after GRACE_MS, and the answer still
      // has to be built: ask it to stop early enough for both.
      const budget = left * 0.9 - GRACE_MS - 100;
      if (budget < 100) break;
      const out = await own.solve(p, sub, { timeLimitMs: small ? budget : Math.min(budget, 5000) });
      solves++;
      lastStatus = out.status;
      if (small && out.bound !== undefined && Number.isFinite(out.bound)) bound = out.bound;
      if (out.assignment) {
        const next = applyAnswer(best, sub, out.assignment);
        if (next) {
          const cmp = compareScores(score(next), score(best));
          if (cmp < 0) {
            best = next;
            improved = true;
          }
          // The MIP leaves soft rules out and balance's spread term; only then is its optimum ours.
          const exact =
            !p.groups.some((g) => !g.hard) && p.policy.name !== 'balance' && p.policy.name !== 'weighted';
          if (small && out.status === 'optimal' && cmp <= 0 && exact) proven = true;
        }
      }
    } while (!small && !proven);
  } finally {
    if (!backend) await own.close();
  }
  return {
    placement: best,
    proven,
    improved,
    solves,
    ...(lastStatus ? { lastStatus } : {}),
    ...(bound !== undefined ? { bound } : {}),
  };
}
