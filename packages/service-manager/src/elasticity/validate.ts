import { ReservoirError } from '@reservoir/runtime';
import type { ElasticityRule } from '../manifest/model.js';
import type { ComponentLimits } from './component.js';

// The manifest validator reports problems to the author; these checks only guard the engine's own
// assumptions (positive periods, integer counts), so a bad update fails loudly instead of looping.

export function validateBounds(id: string, bounds: ComponentLimits['instances']): void {
  const { min, max } = bounds;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min > max)
    fail(`components.${id}.instances`, `needs integers 0 ≤ min ≤ max, got min ${min}, max ${max}`);
}

export function validateComponents(components: readonly ComponentLimits[]): void {
  const seen = new Set<string>();
  for (const c of components) {
    if (seen.has(c.id)) fail(`components.${c.id}`, 'is listed twice');
    seen.add(c.id);
    validateBounds(c.id, c.instances);
    nonNegative(c.cooldownSeconds, `components.${c.id}.cooldownSeconds`);
  }
}

export function validateRules(rules: readonly ElasticityRule[], components: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const r of rules) {
    const at = `rules.${r.id}`;
    if (seen.has(r.id)) fail(at, 'is listed twice');
    seen.add(r.id);
    if (!components.has(r.component)) fail(`${at}.component`, `names unknown component ${r.component}`);
    if (r.kind === 'threshold') {
      positive(r.windowSeconds, `${at}.windowSeconds`);
      positive(r.frequencySeconds, `${at}.frequencySeconds`);
      positive(r.quota, `${at}.quota`);
      if (!(r.tolerancePercent >= 0 && r.tolerancePercent < 100))
        fail(`${at}.tolerancePercent`, `must be in [0, 100), got ${r.tolerancePercent}`);
    } else {
      positive(r.periodSeconds, `${at}.periodSeconds`);
      if (!Number.isInteger(r.periodCount) || r.periodCount < 1)
        fail(`${at}.periodCount`, 'must be an integer ≥ 1');
      if (!Number.isFinite(r.value)) fail(`${at}.value`, 'must be a number');
      if (r.adjustment !== 'percentage' && !Number.isInteger(r.value))
        fail(`${at}.value`, 'must be an integer');
      if (r.adjustment === 'cardinality' && r.value < 0) fail(`${at}.value`, 'must be ≥ 0');
      if (!Number.isInteger(r.minStep) || r.minStep < 0) fail(`${at}.minStep`, 'must be an integer ≥ 0');
      nonNegative(r.cooldownSeconds, `${at}.cooldownSeconds`);
    }
  }
}

function positive(n: number, field: string): void {
  if (!(n > 0 && Number.isFinite(n))) fail(field, `must be a positive number, got ${n}`);
}

function nonNegative(n: number, field: string): void {
  if (!(n >= 0 && Number.isFinite(n))) fail(field, `must be a number ≥ 0, got ${n}`);
}

function fail(field: string, message: string): never {
  throw new ReservoirError('INVALID_ARGUMENT', `${field} ${message}`, { field });
}
