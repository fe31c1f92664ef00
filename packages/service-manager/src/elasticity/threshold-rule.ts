import type { ThresholdRule } from '../manifest/model.js';
import { configured, measured, plural } from './format.js';
import type { RuleContext, RuleVerdict } from './verdict.js';

/**
 * Claudia's ElasticArray rule: the KPI's window mean per instance against Quota with a ±Tolerance %
 * dead band; above it asks for one more instance, below it for one fewer, inside it is quiet.
 */
export function judgeThreshold(rule: ThresholdRule, { windows, instances, nowMs }: RuleContext): RuleVerdict {
  const stats = windows.stats(rule.kpi, rule.windowSeconds, nowMs);
  if (stats === null)
    return { kind: 'no-data', reason: `no samples of ${rule.kpi} in the last ${rule.windowSeconds} s` };
  // No instance at all: any load means one is needed, none means nothing to do.
  const perInstance = instances > 0 ? stats.mean / instances : stats.mean > 0 ? Infinity : 0;
  const upper = 1 + rule.tolerancePercent / 100;
  const lower = 1 - rule.tolerancePercent / 100;
  const load =
    `${rule.kpi} mean ${measured(stats.mean)} over ${rule.windowSeconds} s / ` +
    `${plural(instances, 'instance')} = ${measured(perInstance)}`;
  const quota = configured(rule.quota);
  if (perInstance > rule.quota * upper)
    return { kind: 'fire', target: instances + 1, reason: `${load} > ${quota} × ${configured(upper)}` };
  if (perInstance < rule.quota * lower && instances > 0)
    return { kind: 'fire', target: instances - 1, reason: `${load} < ${quota} × ${configured(lower)}` };
  return { kind: 'quiet', reason: `${load} within ${quota} ± ${configured(rule.tolerancePercent)}%` };
}
