import { errors, ReservoirError } from '@reservoir/runtime';
import {
  describeGroup,
  GROUP_TYPES,
  HOST_SCOPE,
  isEmptyPlacement,
  sameGroup,
  type GroupType,
  type Placement,
  type PlacementGroup,
} from '../domain/placement.js';
import { checkInt, checkName, isLabelKey } from './validation.js';

/** Placement as a request carries it: every field optional, nothing checked yet. */
export interface PlacementInput {
  groups?: { name?: string; type?: string; scope?: string; hard?: boolean; min?: number }[];
  allowedHosts?: string[];
  forbiddenHosts?: string[];
  allowedLabels?: Record<string, string[]>;
  setId?: string;
}

const MAX_SPREAD = 10_000;

function checkScope(field: string, scope: string, type: GroupType): void {
  if (scope === HOST_SCOPE || isLabelKey(scope)) return;
  throw errors.invalid(
    field,
    `"${scope}" must be "host" or a host label (lower-case letters, digits, ".", "_", "/" or "-")${type === 'spread' ? ' to spread over' : ''}`,
  );
}

function checkGroup(field: string, g: NonNullable<PlacementInput['groups']>[number]): PlacementGroup {
  const name = g.name ?? '';
  checkName(`${field}.name`, name);
  const type = (g.type ?? '') as GroupType;
  if (!GROUP_TYPES.includes(type))
    throw errors.invalid(`${field}.type`, `"${g.type ?? ''}" is not one of ${GROUP_TYPES.join(', ')}`);
  const min = g.min ?? 0;
  if (type === 'spread') {
    if (!g.scope)
      throw errors.invalid(
        `${field}.scope`,
        'a spread group names the host label to spread over, e.g. "zone"',
      );
    checkScope(`${field}.scope`, g.scope, type);
    checkInt(`${field}.min`, min, 1, MAX_SPREAD);
    // The Policy Engine always enforces spread; `hard` does not apply to it.
    return { name, type, scope: g.scope, hard: true, min };
  }
  const scope = g.scope || HOST_SCOPE;
  checkScope(`${field}.scope`, scope, type);
  if (min !== 0) throw errors.invalid(`${field}.min`, `only spread groups take min, this one is ${type}`);
  return { name, type, scope, hard: g.hard ?? false, min: 0 };
}

function checkHosts(field: string, hosts: readonly string[]): string[] {
  const seen = new Set<string>();
  hosts.forEach((h, i) => {
    checkName(`${field}[${i}]`, h);
    if (seen.has(h)) throw errors.invalid(`${field}[${i}]`, `"${h}" is listed twice`);
    seen.add(h);
  });
  return [...hosts];
}

/**
 * Checks a VM's placement and returns it in canonical form (affinity scope defaults to the host),
 * or undefined when it constrains nothing. Errors name the field, e.g. `placement.groups[0].type`.
 */
export function checkPlacement(field: string, input: PlacementInput | undefined): Placement | undefined {
  if (!input) return undefined;
  if (input.setId)
    throw errors.invalid(
      `${field}.set_id`,
      'is assigned by CreateVmSet to the VMs it admits; leave it empty',
    );
  const names = new Set<string>();
  const groups = (input.groups ?? []).map((g, i) => {
    const group = checkGroup(`${field}.groups[${i}]`, g);
    if (names.has(group.name))
      throw errors.invalid(`${field}.groups[${i}].name`, `group "${group.name}" is named twice`);
    names.add(group.name);
    return group;
  });
  const allowedHosts = checkHosts(`${field}.allowed_hosts`, input.allowedHosts ?? []);
  const forbiddenHosts = checkHosts(`${field}.forbidden_hosts`, input.forbiddenHosts ?? []);
  forbiddenHosts.forEach((h, i) => {
    if (allowedHosts.includes(h))
      throw errors.invalid(`${field}.forbidden_hosts[${i}]`, `"${h}" is also in allowed_hosts`);
  });
  const allowedLabels: Record<string, string[]> = {};
  for (const [label, values] of Object.entries(input.allowedLabels ?? {})) {
    const f = `${field}.allowed_labels.${label}`;
    if (!isLabelKey(label))
      throw errors.invalid(f, 'label keys are lower-case letters, digits, ".", "_", "/" or "-"');
    if (values.length === 0) throw errors.invalid(f, 'must list at least one accepted value');
    if (values.some((v) => v.length > 256))
      throw errors.invalid(f, 'label values are at most 256 characters');
    allowedLabels[label] = [...new Set(values)];
  }
  const placement: Placement = { groups, allowedHosts, forbiddenHosts, allowedLabels, setId: '' };
  return isEmptyPlacement(placement) ? undefined : placement;
}

/**
 * Refuses a group defined differently from the one its organization's VMs already share (a group
 * is one constraint, so its members cannot disagree on what it is).
 */
export function checkGroupsAgree(
  field: string,
  organization: string,
  placement: Placement | undefined,
  known: (name: string) => PlacementGroup | undefined,
): void {
  placement?.groups.forEach((g, i) => {
    const existing = known(g.name);
    if (!existing || sameGroup(existing, g)) return;
    const f = `${field}.groups[${i}]`;
    throw new ReservoirError(
      'FAILED_PRECONDITION',
      `${f}: group "${g.name}" of organization ${organization} is ${describeGroup(existing)}; this request defines it as ${describeGroup(g)}`,
      { field: f },
    );
  });
}
