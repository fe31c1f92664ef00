import { errors } from '@reservoir/runtime';
import type { ElasticityRule, ServiceManifest } from '../manifest/model.js';
import { readRulesUpdate } from '../manifest/index.js';

/** New rules and bounds for a running service (`reservoir service update-rules`). */
export interface RulesUpdate {
  /** Replaces every rule; absent keeps the current ones. */
  rules?: ElasticityRule[];
  /** Per component: new min / max / cooldown; absent fields keep their values. */
  components: Record<string, { min?: number; max?: number; cooldownSeconds?: number }>;
}

/** YAML or JSON text → update; throws INVALID_ARGUMENT with every located problem. */
export function parseRulesUpdate(text: string, file: string): RulesUpdate {
  return readRulesUpdate(text, file);
}

/** The manifest with the update applied; `initial` is kept inside the new bounds. */
export function applyRulesUpdate(m: ServiceManifest, u: RulesUpdate): ServiceManifest {
  const unknown = Object.keys(u.components).filter((id) => !m.components.some((c) => c.id === id));
  if (unknown.length > 0)
    throw errors.invalid(
      'components',
      `${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length > 1 ? 'are not components' : 'is not a component'} of the service (${m.components.map((c) => c.id).join(', ')})`,
    );
  return {
    ...m,
    rules: u.rules ?? m.rules,
    components: m.components.map((c) => {
      const b = u.components[c.id];
      if (!b) return c;
      const min = b.min ?? c.instances.min;
      const max = b.max ?? c.instances.max;
      return {
        ...c,
        cooldownSeconds: b.cooldownSeconds ?? c.cooldownSeconds,
        instances: { min, max, initial: Math.min(max, Math.max(min, c.instances.initial)) },
      };
    }),
  };
}
