import type { ExpressionRule } from '../manifest/model.js';
import { configured, signed } from './format.js';

export interface Adjustment {
  /** The instance count the rule asks for, before bounds and budget. */
  target: number;
  /** How the target was computed, for the decision's reason. */
  description: string;
}

/**
 * OneFlow's adjustment types. change: current ± value. cardinality: exactly value. percentage:
 * ±value % of the current count, rounded away from zero and to at least minStep instances, so a
 * small service still moves (10 % of 3 is one instance, not zero).
 */
export function applyAdjustment(
  current: number,
  rule: Pick<ExpressionRule, 'adjustment' | 'value' | 'minStep'>,
): Adjustment {
  switch (rule.adjustment) {
    case 'change':
      return { target: current + rule.value, description: `change ${signed(rule.value)}` };
    case 'cardinality':
      return { target: rule.value, description: `cardinality ${configured(rule.value)}` };
    case 'percentage': {
      const exact = (current * rule.value) / 100;
      // The epsilon absorbs float noise, so exactly 2 instances never rounds up to 3.
      const rounded = Math.ceil(Math.abs(exact) - 1e-9);
      const steps = Math.max(rounded, rule.minStep);
      const delta = rule.value === 0 ? 0 : Math.sign(rule.value) * steps;
      const floor = steps > rounded ? ` (min step ${rule.minStep})` : '';
      return {
        target: current + delta,
        description: `percentage ${signed(rule.value)}% of ${current} = ${configured(exact)} → ${signed(delta)}${floor}`,
      };
    }
  }
}
