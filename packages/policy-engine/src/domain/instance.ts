import { z } from 'zod';
import { ReservoirError } from '@reservoir/runtime';
import { POLICY_NAMES, type PeConstraint, type PeInstance } from './model.js';

// The offline instance format (docs/pe-instance-format.md): parsed, defaulted and checked, with
// every problem reported by the path of its field, e.g. `vms[12].demand[1]`.

const id = z.string().min(1, 'must not be empty');
const amount = z.number().finite().nonnegative();
const ids = z.array(id).min(1, 'must name at least one VM');

const hostSchema = z.object({
  id,
  capacity: z.array(amount),
  tags: z.record(z.string(), z.string()).default({}),
  overcommit: z.array(z.number().finite().positive()).optional(),
  power: z.object({ idle: amount, peak: amount }).default({ idle: 0, peak: 0 }),
  cost: amount.default(1),
  reserved: z.array(amount).optional(),
});

const vmSchema = z.object({
  id,
  demand: z.array(amount),
  host: id.optional(),
  benefit: amount.default(1),
  moveCost: amount.default(1),
  fixed: z.boolean().optional(),
});

const constraintSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.enum(['affinity', 'anti-affinity']),
    vms: ids,
    scope: id.default('host'),
    hard: z.boolean().default(true),
  }),
  z.object({ type: z.literal('spread'), vms: ids, tag: id, min: z.number().int().min(1) }),
  z.object({
    type: z.enum(['allowed', 'forbidden']),
    vms: ids,
    hosts: z.array(id).optional(),
    tags: z.record(z.string(), z.array(z.string()).min(1)).optional(),
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('all-or-nothing'), vms: ids }),
]);

const instanceSchema = z.object({
  resources: z.array(id).min(1, 'must name at least one resource'),
  hosts: z.array(hostSchema),
  vms: z.array(vmSchema),
  constraints: z.array(constraintSchema).default([]),
  policy: z
    .object({
      name: z.enum(POLICY_NAMES).default('consolidate'),
      // null (what JSON makes of Infinity) also means no limit.
      maxMigrations: z.number().int().nonnegative().nullable().optional(),
      weights: z.record(z.string(), z.number().finite().nonnegative()).default({}),
    })
    .default({ name: 'consolidate', weights: {} }),
});

/** `['vms', 12, 'demand', 1]` → `vms[12].demand[1]` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
      '',
    ) || '(root)'
  );
}

function fail(problems: { path: string; message: string }[]): never {
  const first = problems[0]!;
  throw new ReservoirError(
    'INVALID_ARGUMENT',
    `invalid instance: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    { field: first.path },
  );
}

/** Parses and checks an instance; throws INVALID_ARGUMENT naming every offending field. */
export function parseInstance(input: unknown): PeInstance {
  const r = instanceSchema.safeParse(input);
  if (!r.success) fail(r.error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message })));
  const raw = r.data;
  const problems: { path: string; message: string }[] = [];
  const n = raw.resources.length;
  const hostIds = new Set<string>();
  raw.hosts.forEach((h, i) => {
    if (hostIds.has(h.id)) problems.push({ path: `hosts[${i}].id`, message: `duplicate host id "${h.id}"` });
    hostIds.add(h.id);
    if (h.capacity.length !== n)
      problems.push({
        path: `hosts[${i}].capacity`,
        message: `has ${h.capacity.length} values for ${n} resources`,
      });
    if (h.reserved && h.reserved.length !== n)
      problems.push({
        path: `hosts[${i}].reserved`,
        message: `has ${h.reserved.length} values for ${n} resources`,
      });
    if (h.overcommit && h.overcommit.length !== n)
      problems.push({
        path: `hosts[${i}].overcommit`,
        message: `has ${h.overcommit.length} values for ${n} resources`,
      });
  });
  const vmIds = new Set<string>();
  raw.vms.forEach((v, i) => {
    if (vmIds.has(v.id)) problems.push({ path: `vms[${i}].id`, message: `duplicate VM id "${v.id}"` });
    vmIds.add(v.id);
    if (v.demand.length !== n)
      problems.push({
        path: `vms[${i}].demand`,
        message: `has ${v.demand.length} values for ${n} resources`,
      });
    if (v.host !== undefined && !hostIds.has(v.host))
      problems.push({ path: `vms[${i}].host`, message: `unknown host "${v.host}"` });
    if (v.fixed && v.host === undefined)
      problems.push({ path: `vms[${i}].fixed`, message: 'a fixed VM needs a host' });
  });
  raw.constraints.forEach((c, i) => {
    c.vms.forEach((vm, k) => {
      if (!vmIds.has(vm))
        problems.push({ path: `constraints[${i}].vms[${k}]`, message: `unknown VM "${vm}"` });
    });
    if (c.type === 'allowed' || c.type === 'forbidden') {
      if (!c.hosts && !c.tags) problems.push({ path: `constraints[${i}]`, message: 'needs hosts or tags' });
      c.hosts?.forEach((h, k) => {
        if (!hostIds.has(h))
          problems.push({ path: `constraints[${i}].hosts[${k}]`, message: `unknown host "${h}"` });
      });
    }
  });
  if (problems.length > 0) fail(problems);
  return {
    resources: raw.resources,
    hosts: raw.hosts.map((h) => ({ ...h, overcommit: h.overcommit ?? raw.resources.map(() => 1) })),
    vms: raw.vms.map(({ host, fixed, ...v }) => ({
      ...v,
      ...(host !== undefined ? { host } : {}),
      ...(fixed ? { fixed } : {}),
    })),
    constraints: raw.constraints as PeConstraint[],
    policy: {
      name: raw.policy.name,
      maxMigrations: raw.policy.maxMigrations ?? Infinity,
      weights: raw.policy.weights,
    },
  };
}
