// The document that changes the elasticity of a running service (`reservoir service
// update-rules`): new rules and new bounds per component, in the YAML form's vocabulary (JSON is
// YAML too). Whether they fit the service is for validateManifest on the updated manifest.
import type { ElasticityRule } from './model.js';
import { openYaml, readRule } from './yaml-read.js';

export interface RulesUpdateDocument {
  /** Replaces every rule; absent keeps the current ones. */
  rules?: ElasticityRule[];
  /** Per component id: new min / max / cooldown; absent fields keep their values. */
  components: Record<string, { min?: number; max?: number; cooldownSeconds?: number }>;
}

/**
 * rules: [ …as in a manifest… ]
 * components: { slaves: { min: 2, max: 12, cooldown: 2m } }
 */
export function readRulesUpdate(text: string, file = 'rules.yaml'): RulesUpdateDocument {
  const { reader: r, root } = openYaml(text, file);
  const top = r.object(root, '', ['rules', 'components']);
  const update: RulesUpdateDocument = { components: {} };
  if (r.has(top.rules))
    update.rules = r.list(top.rules, 'rules').map((s, i) => readRule(r, s, `rules[${i}]`, i));
  for (const [id, slot] of r.entries(top.components, 'components')) {
    const p = `components.${id}`;
    const c = r.object(slot, p, ['min', 'max', 'cooldown']);
    update.components[id] = {
      ...(r.has(c.min) ? { min: r.number(c.min, `${p}.min`, undefined, true) } : {}),
      ...(r.has(c.max) ? { max: r.number(c.max, `${p}.max`, undefined, true) } : {}),
      ...(r.has(c.cooldown) ? { cooldownSeconds: r.duration(c.cooldown, `${p}.cooldownSeconds`) } : {}),
    };
  }
  r.throwIfErrors();
  return update;
}
