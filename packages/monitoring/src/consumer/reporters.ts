// Reporters receive every measurement a consumer subscription matches; these wrap a callback
// with Lattice's reporting rules. State is kept per data source and probe.
import type { MeasurementJson } from '../codec/model.js';

export type Reporter = (m: MeasurementJson) => void;

const keyOf = (m: MeasurementJson) => `${m.site}/${m.dataSourceId}/${m.probeId}`;

function numeric(m: MeasurementJson, attr: string): number | undefined {
  const v = m.values[attr];
  return typeof v === 'number' ? v : undefined;
}

type Zone = 'above' | 'below' | 'normal';

export const reporters = {
  everyValue(cb: Reporter): Reporter {
    return cb;
  },

  /** Reports the first value of the attribute and then each measurement where it differs. */
  onChange(attr: string, cb: Reporter): Reporter {
    const last = new Map<string, number | string | boolean>();
    return (m) => {
      const v = m.values[attr];
      if (v === undefined) return;
      const k = keyOf(m);
      if (last.has(k) && Object.is(last.get(k), v)) return;
      last.set(k, v);
      cb(m);
    };
  },

  /**
   * Reports a measurement that crosses a threshold: goes above `above` or below `below` after
   * being inside (a probe starts inside). Staying out of bounds reports nothing more.
   */
  threshold(attr: string, o: { above?: number; below?: number }, cb: Reporter): Reporter {
    const zones = new Map<string, Zone>();
    return (m) => {
      const v = numeric(m, attr);
      if (v === undefined) return;
      const zone: Zone =
        o.above !== undefined && v > o.above
          ? 'above'
          : o.below !== undefined && v < o.below
            ? 'below'
            : 'normal';
      const k = keyOf(m);
      const was = zones.get(k) ?? 'normal';
      zones.set(k, zone);
      if (zone !== was && zone !== 'normal') cb(m);
    };
  },

  /** Reports the first measurement's side of [lo, hi], then each entry into and exit from it. */
  band(attr: string, lo: number, hi: number, cb: (m: MeasurementJson, inside: boolean) => void): Reporter {
    const state = new Map<string, boolean>();
    return (m) => {
      const v = numeric(m, attr);
      if (v === undefined) return;
      const inside = v >= lo && v <= hi;
      const k = keyOf(m);
      if (state.get(k) === inside) return;
      state.set(k, inside);
      cb(m, inside);
    };
  },
};
