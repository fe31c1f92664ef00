import { scopeName, valueOf, type Problem } from '../../domain/problem.js';
import { CAP_TOL, candidateHosts, subContext, type SubContext } from './context.js';
import { LinearBuilder, type LinearModel } from './linear.js';
import { addObjective, objectiveNeeds } from './objective.js';
import type { MipStart } from './protocol.js';
import { warmStart, type AnyOf } from './start.js';
import type { SubProblem } from './types.js';

// The assignment MIP of a sub-problem: x[v,h] (free VM v on sub host h), u[v] (v unplaced), y[h]
// (an empty host switched on), plus indicators for affinity values (z) and spread values (w).

/**
 * Up to this many x columns every x[v,h] ≤ y[h] row is added (the disaggregated linking that
 * tightens the LP when VMs are small next to hosts); beyond it a row per x column costs more
 * than it gives, and the capacity rows Σ d·x ≤ cap·y link x to y, with explicit rows only for
 * VMs without demand.
 */
const DISAGGREGATE_MAX_X = 4000;

export interface ModelParts {
  c: SubContext;
  b: LinearBuilder;
  /** Free VM i owns x columns xStart[i] .. xStart[i + 1] - 1 (x columns come first). */
  xStart: Int32Array;
  /** Per x column: sub host position and free VM index. */
  xPos: Int32Array;
  xVm: Int32Array;
  /** Per sub host position: its x columns. */
  hostCols: number[][];
  /** Per free VM: unplaced column or -1; x column of its current host or -1. */
  uCol: Int32Array;
  curCol: Int32Array;
  /** Per sub host position: y column or -1 (hosts on anyway, or policies without host costs). */
  yCol: Int32Array;
}

export interface Formulation {
  model: LinearModel;
  /** Free VMs in model order (sub.vms without pinned VMs, which stay home). */
  free: Int32Array;
  xStart: Int32Array;
  /** Per x column: the host index. */
  xHost: Int32Array;
  uCol: Int32Array;
  start?: MipStart;
  /** Why the sub-problem cannot be solved, when that is clear before solving. */
  infeasible?: string;
}

type SetMode = 'free' | 'placed' | 'unplaced';

/** An all-or-nothing set with members placed outside the sub-problem must be placed, and vice versa. */
function setModes(c: SubContext): SetMode[] {
  return c.p.sets.map((s) => {
    let mode: SetMode = 'free';
    for (const v of s.vms) {
      if (c.isFree[v]) continue;
      if (c.at[v]! >= 0) return 'placed';
      mode = 'unplaced';
    }
    return mode;
  });
}

export function buildFormulation(p: Problem, sub: SubProblem): Formulation {
  const c = subContext(p, sub);
  const b = new LinearBuilder();
  const { free, hosts } = c;
  const nFree = free.length;
  const freeIndex = new Int32Array(p.nVms).fill(-1);
  free.forEach((v, i) => (freeIndex[v] = i));
  const modes = setModes(c);
  const modeOf = (v: number): SetMode => (p.vmSet[v]! >= 0 ? modes[p.vmSet[v]!]! : 'free');
  let infeasible: string | undefined;
  const fail = (why: string) => (infeasible ??= why);

  const xStart = new Int32Array(nFree + 1);
  const xPos: number[] = [];
  const xVm: number[] = [];
  const hostCols: number[][] = Array.from(hosts, () => []);
  const curCol = new Int32Array(nFree).fill(-1);
  free.forEach((v, i) => {
    const cand = modeOf(v) === 'unplaced' ? [] : candidateHosts(c, v);
    for (const k of cand) {
      const col = b.binary();
      xPos.push(k);
      xVm.push(i);
      hostCols[k]!.push(col);
      if (hosts[k] === p.current[v]) curCol[i] = col;
    }
    xStart[i + 1] = b.nCols;
  });
  const nX = b.nCols;

  const uCol = new Int32Array(nFree).fill(-1);
  free.forEach((v, i) => {
    const mode = modeOf(v);
    if (c.allowUnplaced && mode !== 'placed') uCol[i] = b.binary();
    else if (mode === 'unplaced')
      fail(`VM ${p.vmIds[v]} is in an all-or-nothing set with members unplaced outside the sub-problem`);
    else if (xStart[i + 1] === xStart[i]) fail(`VM ${p.vmIds[v]} fits no host of the sub-problem`);
  });
  free.forEach((_, i) => {
    const cols: number[] = [];
    for (let col = xStart[i]!; col < xStart[i + 1]!; col++) cols.push(col);
    if (uCol[i]! >= 0) cols.push(uCol[i]!);
    b.row(cols, ones(cols.length), 1, 1);
  });

  const yCol = new Int32Array(hosts.length).fill(-1);
  if (objectiveNeeds(p.policy).hosts)
    hosts.forEach((_, k) => {
      if (!c.active[k] && hostCols[k]!.length > 0) yCol[k] = b.binary();
    });

  const parts: ModelParts = {
    c,
    b,
    xStart,
    xPos: Int32Array.from(xPos),
    xVm: Int32Array.from(xVm),
    hostCols,
    uCol,
    curCol,
    yCol,
  };
  const anyOf: AnyOf[] = [];
  capacity(parts, anyOf, nX <= DISAGGREGATE_MAX_X);
  hostCount(parts);
  groups(parts, freeIndex, anyOf);
  spreads(parts, freeIndex, anyOf, fail);
  sets(parts, modes, freeIndex);
  budget(parts, fail);
  symmetry(parts);
  const { tCol, tRows } = addObjective(parts);

  const model = b.build();
  const start = warmStart(parts, model, anyOf, tCol, tRows);
  return {
    model,
    free,
    xStart,
    xHost: Int32Array.from(xPos, (k) => hosts[k]!),
    uCol,
    ...(start ? { start } : {}),
    ...(infeasible !== undefined ? { infeasible } : {}),
  };
}

function ones(n: number): number[] {
  return new Array<number>(n).fill(1);
}

/** Σ d·x ≤ what is left, per sub host and resource, scaled by capacity for numerics; links x to y. */
function capacity(m: ModelParts, anyOf: AnyOf[], disaggregate: boolean): void {
  const { c, b, hostCols, yCol } = m;
  const { p, hosts, residual } = c;
  const { nRes } = p;
  hosts.forEach((h, k) => {
    const y = yCol[k]!;
    const linked = new Set<number>();
    for (let r = 0; r < nRes; r++) {
      const cap = p.cap[h * nRes + r]!;
      if (cap <= 0) continue;
      const cols: number[] = [];
      const vals: number[] = [];
      let sum = 0;
      for (const col of hostCols[k]!) {
        const d = p.demand[c.free[m.xVm[col]!]! * nRes + r]!;
        if (d <= 0) continue;
        cols.push(col);
        vals.push(d / cap);
        sum += d;
      }
      if (cols.length === 0) continue;
      const left = residual[k * nRes + r]!;
      if (y >= 0) {
        for (const col of cols) linked.add(col);
        b.row([...cols, y], [...vals, -left / cap], -Infinity, 0);
      } else if (sum > left + CAP_TOL * cap) b.row(cols, vals, -Infinity, left / cap);
    }
    if (y < 0) return;
    anyOf.push({ col: y, xs: hostCols[k]! });
    for (const col of hostCols[k]!)
      if (disaggregate || !linked.has(col)) b.row([col, y], [1, -1], -Infinity, 0);
  });
}

/**
 * Σ y ≥ ⌈(demand that must be placed − room on hosts on anyway) / largest empty host⌉ per resource:
 * the integer rounding of the capacity rows' sum, which the LP misses. It gives bin-packing-like
 * sub-problems their L1 bound and lets glpk, which has no other strong bound, prove optimality.
 */
function hostCount(m: ModelParts): void {
  const { c, b, yCol, uCol } = m;
  const { p, residual } = c;
  const { nRes } = p;
  const ys = Array.from(yCol).filter((y) => y >= 0);
  if (ys.length === 0) return;
  let need = 0;
  for (let r = 0; r < nRes; r++) {
    let demand = 0;
    c.free.forEach((v, i) => {
      if (uCol[i]! < 0) demand += p.demand[v * nRes + r]!;
    });
    let room = 0;
    let largest = 0;
    c.hosts.forEach((_, k) => {
      const left = residual[k * nRes + r]!;
      if (yCol[k]! >= 0) largest = Math.max(largest, left);
      else if (m.hostCols[k]!.length > 0) room += left;
    });
    if (largest > 0) need = Math.max(need, Math.ceil((demand - room) / largest - 1e-9));
  }
  if (need > 0) b.row(ys, ones(ys.length), need, Infinity);
}

/** Groups x columns of the free members of a constraint by the scope value of their host. */
function byValue(m: ModelParts, freeIndex: Int32Array, vms: Int32Array, scope: number) {
  const { c } = m;
  const values = new Map<number, number[]>();
  let members = 0;
  for (const v of vms) {
    const i = freeIndex[v]!;
    if (i < 0) continue;
    members++;
    for (let col = m.xStart[i]!; col < m.xStart[i + 1]!; col++) {
      const val = valueOf(c.p, scope, c.hosts[m.xPos[col]!]!);
      const list = values.get(val);
      if (list) list.push(col);
      else values.set(val, [col]);
    }
  }
  return { values, members };
}

/** Hard anti-affinity: at most one member per scope value; hard affinity: one value for all. */
function groups(m: ModelParts, freeIndex: Int32Array, anyOf: AnyOf[]): void {
  const { c, b } = m;
  c.p.groups.forEach((g, gi) => {
    if (!g.hard) return;
    const { values, members } = byValue(m, freeIndex, g.vms, g.scope);
    if (members < 2) return;
    if (g.kind === 'anti-affinity') {
      for (const cols of values.values())
        if (new Set(cols.map((col) => m.xVm[col])).size > 1) b.row(cols, ones(cols.length), -Infinity, 1);
      return;
    }
    // A fixed member already chose the value: candidates only hold hosts with it.
    if (c.groupValues[gi]!.size > 0) return;
    const zs: number[] = [];
    for (const [, cols] of values) {
      const z = b.binary();
      zs.push(z);
      anyOf.push({ col: z, xs: cols });
      const perVm = new Map<number, number[]>();
      for (const col of cols) {
        const list = perVm.get(m.xVm[col]!);
        if (list) list.push(col);
        else perVm.set(m.xVm[col]!, [col]);
      }
      for (const vmCols of perVm.values()) b.row([...vmCols, z], [...ones(vmCols.length), -1], -Infinity, 0);
    }
    b.row(zs, ones(zs.length), -Infinity, 1);
  });
}

/** Members span at least min scope values, counting the values fixed members already cover. */
function spreads(m: ModelParts, freeIndex: Int32Array, anyOf: AnyOf[], fail: (why: string) => void): void {
  const { c, b } = m;
  const { p } = c;
  for (const s of p.spreads) {
    const covered = new Set<number>();
    for (const v of s.vms) {
      if (c.isFree[v] || c.at[v]! < 0) continue;
      const val = valueOf(p, s.scope, c.at[v]!);
      if (val >= 0) covered.add(val);
    }
    const need = s.min - covered.size;
    const { values, members } = byValue(m, freeIndex, s.vms, s.scope);
    if (members === 0 || need <= 0) continue;
    for (const val of covered) values.delete(val);
    if (values.size < need)
      fail(
        `spread constraint ${s.source} needs ${need} more ${scopeName(p, s.scope)} values; its free VMs reach ${values.size}`,
      );
    const ws: number[] = [];
    for (const cols of values.values()) {
      const w = b.binary();
      ws.push(w);
      anyOf.push({ col: w, xs: cols });
      b.row([w, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
    }
    b.row(ws, ones(ws.length), need, Infinity);
  }
}

/** All-or-nothing: the free members of a set share one unplaced flag (forced sets have none). */
function sets(m: ModelParts, modes: SetMode[], freeIndex: Int32Array): void {
  m.c.p.sets.forEach((s, si) => {
    if (modes[si] !== 'free') return;
    const us: number[] = [];
    for (const v of s.vms)
      if (freeIndex[v]! >= 0 && m.uCol[freeIndex[v]!]! >= 0) us.push(m.uCol[freeIndex[v]!]!);
    for (let k = 1; k < us.length; k++) m.b.row([us[0]!, us[k]!], [1, -1], 0, 0);
  });
}

/** At most migrationBudget free VMs with a current host leave it: Σ x[v,current] ≥ movable − budget. */
function budget(m: ModelParts, fail: (why: string) => void): void {
  const { c, b } = m;
  const limit = Math.floor(c.sub.migrationBudget);
  if (!Number.isFinite(limit)) return;
  let movable = 0;
  const stay: number[] = [];
  c.free.forEach((v, i) => {
    if (c.p.current[v]! < 0) return;
    movable++;
    if (m.curCol[i]! >= 0) stay.push(m.curCol[i]!);
  });
  if (movable <= limit) return;
  if (stay.length < movable - limit)
    fail(`${movable - stay.length} free VMs cannot stay home, more than the migration budget of ${limit}`);
  b.row(stay, ones(stay.length), movable - limit, Infinity);
}

/**
 * y[a] ≥ y[b] for interchangeable empty hosts: same capacity, tags, power and cost, the same free
 * VMs as candidates, and no free VM currently on them. Hosts the warm start uses come first in
 * each class so the start still satisfies the order.
 */
function symmetry(m: ModelParts): void {
  const { c, b, yCol } = m;
  const { p, hosts } = c;
  const { nRes } = p;
  const home = new Uint8Array(hosts.length);
  const used = new Uint8Array(hosts.length);
  c.free.forEach((v) => {
    const cur = p.current[v]!;
    if (cur >= 0 && c.hostPos[cur]! >= 0) home[c.hostPos[cur]!] = 1;
    const at = c.sub.assignment[v]!;
    if (at >= 0 && c.hostPos[at]! >= 0) used[c.hostPos[at]!] = 1;
  });
  const classes = new Map<string, number[]>();
  hosts.forEach((h, k) => {
    if (yCol[k]! < 0 || home[k]) return;
    const tags = Object.entries(p.instance.hosts[h]!.tags).sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0));
    const key = JSON.stringify([
      Array.from(p.cap.subarray(h * nRes, (h + 1) * nRes)),
      tags,
      p.idle[h],
      p.peak[h],
      p.hostCost[h],
      m.hostCols[k]!.map((col) => m.xVm[col]),
    ]);
    const list = classes.get(key);
    if (list) list.push(k);
    else classes.set(key, [k]);
  });
  for (const list of classes.values()) {
    list.sort((a, z) => used[z]! - used[a]! || a - z);
    for (let i = 1; i < list.length; i++) b.row([yCol[list[i - 1]!]!, yCol[list[i]!]!], [1, -1], 0, Infinity);
  }
}
