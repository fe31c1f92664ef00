import type { SlaObjective } from '../manifest/model.js';
import { KpiWindows } from '../elasticity/index.js';

export interface SlaChange {
  objective: SlaObjective;
  met: boolean;
  /** The KPI's mean over the objective's window. */
  value: number;
  reason: string;
}

const HOLDS: Record<SlaObjective['operator'], (v: number, t: number) => boolean> = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
};

/**
 * Watches a service's SLA objectives: the mean of each objective's KPI over its window against
 * its threshold. Reports only changes (violated, met again), so the log says when and why; an
 * objective without samples in its window is neither.
 */
export class SlaWatch {
  private readonly windows: KpiWindows;
  private readonly state = new Map<string, boolean>();

  constructor(private objectives: readonly SlaObjective[]) {
    this.windows = new KpiWindows({ retentionSeconds: this.longest() });
  }

  update(objectives: readonly SlaObjective[]): void {
    this.objectives = objectives;
    this.windows.setRetentionSeconds(this.longest());
    for (const name of [...this.state.keys()])
      if (!objectives.some((o) => o.name === name)) this.state.delete(name);
  }

  record(kpi: string, value: number, timeMs: number): void {
    if (this.objectives.some((o) => o.kpi === kpi)) this.windows.record(kpi, value, timeMs);
  }

  check(nowMs: number): SlaChange[] {
    this.windows.prune(nowMs);
    const changes: SlaChange[] = [];
    for (const o of this.objectives) {
      const stats = this.windows.stats(o.kpi, o.windowSeconds, nowMs);
      if (stats === null) continue;
      const met = HOLDS[o.operator](stats.mean, o.threshold);
      const before = this.state.get(o.name);
      this.state.set(o.name, met);
      if (before === met || (before === undefined && met)) continue;
      const shown = Number.isInteger(stats.mean) ? String(stats.mean) : stats.mean.toFixed(2);
      changes.push({
        objective: o,
        met,
        value: stats.mean,
        reason: `SLA objective ${o.name} ${met ? 'met again' : 'violated'}: ${o.kpi} mean ${shown} over ${o.windowSeconds} s ${met ? '' : 'not '}${o.operator} ${o.threshold}`,
      });
    }
    return changes;
  }

  private longest(): number {
    return Math.max(60, ...this.objectives.map((o) => o.windowSeconds)) + 60;
  }
}
