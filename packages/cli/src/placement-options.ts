import type { Command } from 'commander';
import type { reservoir } from '@reservoir/contracts';
import { ReservoirError } from '@reservoir/runtime';
import { repeatable } from './command-context.js';

// Placement flags of `vm create`: groups shared by name (affinity, anti-affinity, spread),
// allowed and forbidden hosts, allowed label values. The Policy Engine enforces them.

const GROUP_TYPES = ['affinity', 'anti-affinity', 'spread'];

/** NAME:TYPE[:SCOPE][:soft], or NAME:spread:LABEL:MIN. */
export function parseGroup(spec: string): reservoir.veem.v1.IPlacementGroup {
  const [name, type, scope, last, ...rest] = spec.split(':');
  const bad = (why: string) =>
    new ReservoirError('INVALID_ARGUMENT', `--group "${spec}": ${why}`, { field: '--group' });
  if (!name || !type || rest.length > 0) throw bad('use NAME:TYPE[:SCOPE][:soft] or NAME:spread:LABEL:MIN');
  if (!GROUP_TYPES.includes(type)) throw bad(`type must be one of ${GROUP_TYPES.join(', ')}`);
  if (type === 'spread') {
    const min = Number(last);
    if (!scope || !Number.isInteger(min) || min < 1) throw bad('spread needs a label and a minimum ≥ 1');
    return { name, type, scope, hard: true, min };
  }
  if (last !== undefined && last !== 'soft' && last !== 'hard')
    throw bad('the last part must be soft or hard');
  return { name, type, scope: scope || 'host', hard: last !== 'soft' };
}

/** LABEL=V1,V2 */
function labelValues(
  value: string,
  previous: Record<string, reservoir.veem.v1.ILabelValues> = {},
): Record<string, reservoir.veem.v1.ILabelValues> {
  const i = value.indexOf('=');
  if (i <= 0 || i === value.length - 1)
    throw new ReservoirError('INVALID_ARGUMENT', `--allow-label "${value}" must be label=value[,value…]`, {
      field: '--allow-label',
    });
  return { ...previous, [value.slice(0, i)]: { values: value.slice(i + 1).split(',') } };
}

function group(value: string, previous: reservoir.veem.v1.IPlacementGroup[] = []) {
  return [...previous, parseGroup(value)];
}

export function addPlacementOptions(cmd: Command): Command {
  return cmd
    .option(
      '--group <spec>',
      'placement group (repeatable): NAME:affinity|anti-affinity[:host|LABEL][:soft], or NAME:spread:LABEL:MIN',
      group,
    )
    .option('--allow-host <host>', 'only these hosts (repeatable)', repeatable)
    .option('--forbid-host <host>', 'never these hosts (repeatable)', repeatable)
    .option(
      '--allow-label <label=values>',
      'only hosts whose label takes one of the values (repeatable)',
      labelValues,
    );
}

export function placementFrom(o: {
  group?: reservoir.veem.v1.IPlacementGroup[];
  allowHost?: string[];
  forbidHost?: string[];
  allowLabel?: Record<string, reservoir.veem.v1.ILabelValues>;
}): reservoir.veem.v1.IPlacement | undefined {
  if (!o.group && !o.allowHost && !o.forbidHost && !o.allowLabel) return undefined;
  return {
    groups: o.group ?? [],
    allowedHosts: o.allowHost ?? [],
    forbiddenHosts: o.forbidHost ?? [],
    allowedLabels: o.allowLabel ?? {},
  };
}
