import { describe, expect, it } from 'vitest';
import type { MeasurementJson } from '../codec/model.js';
import { reporters } from './reporters.js';

let seq = 0;
const m = (v: number | string, probeId = 'p'): MeasurementJson => ({
  probeId,
  dataSourceId: 'd',
  serviceId: '',
  seq: ++seq,
  timeMs: seq,
  values: { x: v },
  site: 's',
});

function feed(r: (m: MeasurementJson) => void, values: Array<number | string>, probeId = 'p'): void {
  for (const v of values) r(m(v, probeId));
}

describe('reporters', () => {
  it('everyValue passes everything', () => {
    const got: number[] = [];
    feed(
      reporters.everyValue((x) => got.push(x.values.x as number)),
      [1, 1, 2],
    );
    expect(got).toEqual([1, 1, 2]);
  });

  it('onChange reports the first value and then changes only, per probe', () => {
    const got: string[] = [];
    const r = reporters.onChange('x', (x) => got.push(`${x.probeId}=${x.values.x}`));
    feed(r, [1, 1, 2, 2, 2, 1, 'a', 'a']);
    feed(r, [1], 'q');
    r({ ...m(5), values: {} });
    expect(got).toEqual(['p=1', 'p=2', 'p=1', 'p=a', 'q=1']);
  });

  it('threshold fires on crossing, not while staying out of bounds', () => {
    const got: number[] = [];
    const r = reporters.threshold('x', { above: 80, below: 10 }, (x) => got.push(x.values.x as number));
    feed(r, [50, 85, 90, 70, 81, 5, 4, 95, 'str' as unknown as number]);
    expect(got).toEqual([85, 81, 5, 95]);
  });

  it('band reports the first side, then every entry and exit', () => {
    const got: string[] = [];
    const r = reporters.band('x', 10, 20, (x, inside) => got.push(`${x.values.x}:${inside ? 'in' : 'out'}`));
    feed(r, [5, 6, 10, 15, 20, 21, 30, 12]);
    expect(got).toEqual(['5:out', '10:in', '21:out', '12:in']);
  });
});
