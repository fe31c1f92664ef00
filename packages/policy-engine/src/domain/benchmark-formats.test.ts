import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { parseOrLibraryBinPacking, parseVbp } from './benchmark-formats.js';

const DATA = join(REPO_ROOT, '../shared/bench-data');

describe('published benchmark formats', () => {
  it('reads the OR-Library Falkenauer u120 set', () => {
    const set = parseOrLibraryBinPacking(readFileSync(join(DATA, 'bpp/binpack1.txt'), 'utf8'), 'binpack1');
    expect(set).toHaveLength(20);
    expect(set[0]).toMatchObject({ name: 'u120_00', best: 48 });
    expect(set[0]!.instance.vms).toHaveLength(120);
    expect(set[0]!.instance.hosts[0]!.capacity).toEqual([150]);
    expect(set[0]!.instance.vms[0]!.demand).toEqual([42]);
  });

  it('reads a Panigrahy 3-D vector packing instance, expanding item demands', () => {
    const i = parseVbp(
      readFileSync(join(DATA, 'vbp/panigrahy_d3/class1_20_3_0.vbp'), 'utf8'),
      'class1_20_3_0',
    );
    expect(i.instance.resources).toEqual(['r1', 'r2', 'r3']);
    expect(i.instance.hosts[0]!.capacity).toEqual([1000, 1000, 1000]);
    expect(i.instance.vms).toHaveLength(20);
    expect(i.instance.vms[0]!.demand).toEqual([267, 375, 305]);
  });

  it('refuses truncated input with where it stopped', () => {
    expect(() => parseVbp('3\n1000 1000 1000\n2\n1 2 3 1\n', 'cut')).toThrowError(
      /cut: item type 2 is truncated/,
    );
    expect(() => parseOrLibraryBinPacking('1\n u1 \n 150 3 2\n42\n', 'short')).toThrowError(
      /short: u1 lists 1 of 3 items/,
    );
  });
});
