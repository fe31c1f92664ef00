import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { parseOrLibraryBinPacking, parseVbp } from './benchmark-formats.js';
import { hostLowerBound, utilizationLowerBound } from './bounds.js';
import { parseInstance } from './instance.js';
import { compileProblem } from './problem.js';

// Lower bounds must never exceed a known optimum (or every gap they report is a lie), and should
// reach it on the easy published sets.

const DATA = join(REPO_ROOT, '../shared/bench-data');

const bound = (json: Record<string, unknown>) => hostLowerBound(compileProblem(parseInstance(json)));

describe('hostLowerBound on published bin packing', () => {
  for (const file of ['binpack1', 'binpack2']) {
    it(`never exceeds the optimum of ${file} and reaches it on most problems`, () => {
      const set = parseOrLibraryBinPacking(readFileSync(join(DATA, `bpp/${file}.txt`), 'utf8'), file);
      expect(set).toHaveLength(20);
      let reached = 0;
      for (const { name, instance, best } of set) {
        const lb = hostLowerBound(compileProblem(instance));
        expect(lb, name).toBeLessThanOrEqual(best!);
        expect(lb, name).toBeGreaterThanOrEqual(best! - 1);
        if (lb === best) reached++;
      }
      expect(reached).toBeGreaterThanOrEqual(16);
    });
  }

  it('never exceeds OPT (nor the best known value) on the Panigrahy 3-D vector packing set', () => {
    const rows = readFileSync(join(DATA, 'vbp/panigrahy_known.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows.length).toBe(180);
    let atPublishedLb = 0;
    for (const [name, lbText, optText, bestText] of rows) {
      const { instance } = parseVbp(readFileSync(join(DATA, `vbp/panigrahy_d3/${name}.vbp`), 'utf8'), name!);
      const lb = hostLowerBound(compileProblem(instance));
      const opt = Number(optText);
      if (opt > 0) expect(lb, name).toBeLessThanOrEqual(opt);
      expect(lb, name).toBeLessThanOrEqual(Number(bestText));
      expect(lb, name).toBeGreaterThan(0);
      if (lb >= Number(lbText)) atPublishedLb++;
    }
    // Cheap bounds, but close to the published ones.
    expect(atPublishedLb).toBeGreaterThanOrEqual(150);
  });
});

describe('hostLowerBound on small instances', () => {
  const hosts = (n: number, cpu = 10) =>
    Array.from({ length: n }, (_, i) => ({ id: `h${i}`, capacity: [cpu] }));
  const vms = (...cpu: number[]) => cpu.map((c, i) => ({ id: `v${i}`, demand: [c] }));

  it('is 0 without demand', () => {
    expect(bound({ resources: ['cpu'], hosts: hosts(3), vms: [] })).toBe(0);
  });

  it('counts volume against the largest hosts first', () => {
    // 25 cpu: the 20-cpu host and one 10-cpu host hold it at best.
    expect(
      bound({
        resources: ['cpu'],
        hosts: [...hosts(3), { id: 'big', capacity: [20] }],
        vms: vms(5, 5, 5, 5, 5),
      }),
    ).toBe(2);
  });

  it('needs one host per VM larger than half a host (L2)', () => {
    expect(bound({ resources: ['cpu'], hosts: hosts(5), vms: vms(6, 6, 6, 1) })).toBe(3);
  });

  it('needs k hosts for a hard host-scoped anti-affinity group of k, not for a soft or zone one', () => {
    const json = (scope: string, hard: boolean) => ({
      resources: ['cpu'],
      hosts: hosts(5),
      vms: vms(1, 1, 1, 1),
      constraints: [{ type: 'anti-affinity', vms: ['v0', 'v1', 'v2', 'v3'], scope, hard }],
    });
    expect(bound(json('host', true))).toBe(4);
    expect(bound(json('host', false))).toBe(1);
    expect(bound(json('zone', true))).toBe(1);
  });

  it('counts hosts with reserved capacity as on', () => {
    expect(
      bound({
        resources: ['cpu'],
        hosts: [
          ...hosts(2),
          { id: 'r1', capacity: [10], reserved: [1] },
          { id: 'r2', capacity: [10], reserved: [1] },
        ],
        vms: vms(1),
      }),
    ).toBe(2);
  });

  it('takes overcommit as capacity', () => {
    const over = (k: number) =>
      bound({
        resources: ['cpu'],
        hosts: Array.from({ length: 4 }, (_, i) => ({ id: `h${i}`, capacity: [10], overcommit: [k] })),
        vms: vms(8, 8, 8, 8),
      });
    expect(over(1)).toBe(4);
    expect(over(2)).toBe(2);
  });

  it('bounds the peak utilisation by the fluid load of the fullest resource', () => {
    const p = compileProblem(
      parseInstance({
        resources: ['cpu', 'memory'],
        hosts: [
          { id: 'h1', capacity: [10, 100], reserved: [2, 0] },
          { id: 'h2', capacity: [10, 100] },
        ],
        vms: [
          { id: 'a', demand: [5, 10] },
          { id: 'b', demand: [5, 10] },
        ],
      }),
    );
    expect(utilizationLowerBound(p)).toBeCloseTo(12 / 20, 12);
  });
});
