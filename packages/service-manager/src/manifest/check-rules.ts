// Elasticity rules must name a component and KPIs the service has, and carry numbers the engine
// can act on (positive windows, a reachable cardinality, a condition that parses and type-checks).
import { isReservoirError } from '@reservoir/runtime';
import { parseExpression } from './expression.js';
import { checkExpression } from './expression-check.js';
import type { Component, ExpressionRule, ServiceManifest, ThresholdRule } from './model.js';
import type { Findings } from './problem.js';

export function checkRules(m: ServiceManifest, f: Findings): void {
  const kpis = new Set(m.kpis.map((k) => k.name));
  // The first component of each id, as a search in manifest order would find it.
  const byId = new Map<string, Component>();
  for (const c of m.components) if (!byId.has(c.id)) byId.set(c.id, c);
  m.rules.forEach((r, i) => {
    const p = `rules[${i}]`;
    const target = byId.get(r.component);
    if (target === undefined)
      f.error(`${p}.component`, `rule "${r.id}" scales unknown component "${r.component}"`);
    else if (target.instances.min === target.instances.max) {
      f.warn(
        `${p}.component`,
        `rule "${r.id}" can never act: "${r.component}" has min = max = ${target.instances.min}`,
      );
    }
    if (r.kind === 'threshold') checkThreshold(r, p, kpis, f);
    else checkExpressionRule(r, p, kpis, target, f);
  });
}

const known = (names: Set<string>): string => (names.size === 0 ? 'none declared' : [...names].join(', '));

function positive(f: Findings, path: string, what: string, n: number): void {
  if (!(n > 0)) f.error(path, `${what} ${n} is not positive`);
}

function checkThreshold(r: ThresholdRule, p: string, kpis: Set<string>, f: Findings): void {
  if (!kpis.has(r.kpi))
    f.error(`${p}.kpi`, `rule "${r.id}" uses unknown KPI "${r.kpi}" (KPIs: ${known(kpis)})`);
  positive(f, `${p}.windowSeconds`, 'window (s)', r.windowSeconds);
  positive(f, `${p}.frequencySeconds`, 'frequency (s)', r.frequencySeconds);
  positive(f, `${p}.quota`, 'quota', r.quota);
  if (!(r.tolerancePercent >= 0))
    f.error(`${p}.tolerancePercent`, `tolerance ${r.tolerancePercent} % is negative`);
  else if (r.tolerancePercent >= 100) {
    f.warn(`${p}.tolerancePercent`, `tolerance ${r.tolerancePercent} % never lets the rule scale in`);
  }
}

function checkExpressionRule(
  r: ExpressionRule,
  p: string,
  kpis: Set<string>,
  target: Component | undefined,
  f: Findings,
): void {
  try {
    for (const issue of checkExpression(parseExpression(r.expression), kpis)) {
      f.error(`${p}.expression`, `rule "${r.id}" expression column ${issue.at}: ${issue.message}`);
    }
  } catch (e) {
    if (!isReservoirError(e)) throw e;
    f.error(`${p}.expression`, `rule "${r.id}" expression ${e.message}`);
  }
  positive(f, `${p}.periodSeconds`, 'period (s)', r.periodSeconds);
  if (!Number.isInteger(r.periodCount) || r.periodCount < 1) {
    f.error(`${p}.periodCount`, `period count ${r.periodCount} is not a whole number of at least 1`);
  }
  if (!Number.isInteger(r.minStep) || r.minStep < 1) {
    f.error(`${p}.minStep`, `minStep ${r.minStep} is not a whole number of at least 1`);
  }
  if (!(r.cooldownSeconds >= 0))
    f.error(`${p}.cooldownSeconds`, `cooldown ${r.cooldownSeconds} s is negative`);
  const v = r.value;
  if (r.adjustment === 'cardinality') {
    if (!Number.isInteger(v) || v < 0)
      f.error(`${p}.value`, `cardinality ${v} is not a whole number of at least 0`);
    else if (target !== undefined && (v < target.instances.min || v > target.instances.max)) {
      const { min, max } = target.instances;
      f.warn(
        `${p}.value`,
        `cardinality ${v} is outside [${min}, ${max}] of "${target.id}": it will be clamped`,
      );
    }
  } else if (r.adjustment === 'change' && (!Number.isInteger(v) || v === 0)) {
    f.error(`${p}.value`, `change ${v} is not a non-zero whole number of instances`);
  } else if (r.adjustment === 'percentage' && !(v !== 0 && Number.isFinite(v))) {
    f.error(`${p}.value`, `percentage change ${v} is not a non-zero number`);
  }
}
