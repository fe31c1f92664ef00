import { ReservoirError } from '@reservoir/runtime';
import type { PeInstance } from './model.js';

// Published placement benchmarks as instances: OR-Library 1-D bin packing (Falkenauer) and
// VPSolver vector packing (.vbp). Each bin becomes an identical host; the goal is fewest hosts.

export interface NamedInstance {
  name: string;
  instance: PeInstance;
  /** The best known (for these sets, proven optimal) number of bins, when the file gives it. */
  best?: number;
}

function numbers(text: string, what: string): number[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  return tokens.map((t, i) => {
    const v = Number(t);
    if (!Number.isFinite(v))
      throw new ReservoirError('INVALID_ARGUMENT', `${what}: token ${i + 1} "${t}" is not a number`);
    return v;
  });
}

function binInstance(name: string, capacity: number[], items: number[][], hostCount: number): PeInstance {
  const resources = capacity.length === 1 ? ['size'] : capacity.map((_, i) => `r${i + 1}`);
  return {
    resources,
    hosts: Array.from({ length: hostCount }, (_, i) => ({
      id: `${name}-bin${i + 1}`,
      capacity,
      tags: {},
      overcommit: capacity.map(() => 1),
      power: { idle: 1, peak: 1 },
      cost: 1,
    })),
    vms: items.map((demand, i) => ({ id: `${name}-item${i + 1}`, demand, benefit: 1, moveCost: 0 })),
    constraints: [],
    policy: { name: 'consolidate', maxMigrations: Infinity, weights: {} },
  };
}

/** OR-Library binpackN.txt: P, then per problem: name, "capacity n best", n sizes. */
export function parseOrLibraryBinPacking(text: string, file = 'binpack'): NamedInstance[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let at = 0;
  const count = Number(lines[at++]);
  if (!Number.isInteger(count))
    throw new ReservoirError('INVALID_ARGUMENT', `${file}: line 1 must be the number of problems`);
  const out: NamedInstance[] = [];
  for (let p = 0; p < count; p++) {
    const name = lines[at++];
    const [capacity, n, best] = numbers(lines[at++] ?? '', `${file} problem ${p + 1} header`);
    if (!name || capacity === undefined || n === undefined)
      throw new ReservoirError('INVALID_ARGUMENT', `${file}: problem ${p + 1} is truncated`);
    const sizes = lines.slice(at, at + n).map((l) => numbers(l, `${file} ${name}`));
    at += n;
    if (sizes.length !== n)
      throw new ReservoirError('INVALID_ARGUMENT', `${file}: ${name} lists ${sizes.length} of ${n} items`);
    out.push({
      name,
      instance: binInstance(name, [capacity], sizes, n),
      ...(best !== undefined ? { best } : {}),
    });
  }
  return out;
}

/** VPSolver .vbp: d, the d capacities, m, then m lines "size_1 … size_d demand". */
export function parseVbp(text: string, name: string): NamedInstance {
  const v = numbers(text.replace(/#.*$/gm, ''), name);
  let at = 0;
  const d = v[at++]!;
  const capacity = v.slice(at, at + d);
  at += d;
  const m = v[at++];
  if (!Number.isInteger(d) || d < 1 || capacity.length !== d || m === undefined)
    throw new ReservoirError('INVALID_ARGUMENT', `${name}: malformed header`);
  const items: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = v.slice(at, at + d + 1);
    at += d + 1;
    if (row.length !== d + 1)
      throw new ReservoirError('INVALID_ARGUMENT', `${name}: item type ${i + 1} is truncated`);
    for (let k = 0; k < row[d]!; k++) items.push(row.slice(0, d));
  }
  return { name, instance: binInstance(name, capacity, items, items.length) };
}
