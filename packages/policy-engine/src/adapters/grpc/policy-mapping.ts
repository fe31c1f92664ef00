import type { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import type {
  PlaceConstraintInput,
  PlaceHostInput,
  PlaceInput,
  PlaceVmInput,
} from '../../app/place-instance.js';
import type { PlaceOutcome } from '../../app/placer.js';
import type { PolicyChange, PolicySettings } from '../../app/policy-settings.js';

type PbPolicy = reservoir.pe.v1.Policy.$Properties;

export function policyToPb(p: PolicySettings): reservoir.pe.v1.Policy.$Properties {
  return {
    name: p.name,
    weights: { ...p.weights },
    maxMigrations: p.maxMigrations,
    solver: p.solver,
    timeLimitSeconds: p.timeLimitSeconds,
    cycleIntervalSeconds: p.cycleIntervalSeconds,
    planConcurrency: p.planConcurrency,
    version: p.version,
  };
}

/** Mask names (proto and JSON spellings) → how to read the field and whether an unmasked request sets it. */
const FIELDS: Record<
  string,
  {
    key: keyof PolicyChange;
    read: (p: PbPolicy) => PolicyChange[keyof PolicyChange];
    set: (p: PbPolicy) => boolean;
  }
> = {
  name: { key: 'name', read: (p) => p.name ?? '', set: (p) => !!p.name },
  weights: {
    key: 'weights',
    read: (p) => ({ ...p.weights }),
    set: (p) => Object.keys(p.weights ?? {}).length > 0,
  },
  max_migrations: { key: 'maxMigrations', read: (p) => p.maxMigrations ?? 0, set: (p) => !!p.maxMigrations },
  solver: { key: 'solver', read: (p) => p.solver ?? '', set: (p) => !!p.solver },
  time_limit_seconds: {
    key: 'timeLimitSeconds',
    read: (p) => p.timeLimitSeconds ?? 0,
    set: (p) => !!p.timeLimitSeconds,
  },
  cycle_interval_seconds: {
    key: 'cycleIntervalSeconds',
    read: (p) => p.cycleIntervalSeconds ?? 0,
    set: (p) => !!p.cycleIntervalSeconds,
  },
  plan_concurrency: {
    key: 'planConcurrency',
    read: (p) => p.planConcurrency ?? 0,
    set: (p) => !!p.planConcurrency,
  },
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const BY_MASK_NAME = new Map(
  Object.entries(FIELDS).flatMap(([k, f]) => [[k, f] as const, [camel(k), f] as const]),
);

/**
 * The change a SetPolicy asks for: the fields its update_mask names, or, without a mask, every
 * field that is set (a zero value, such as max_migrations 0, needs the mask to be set).
 */
export function policyChangeFromPb(req: reservoir.pe.v1.SetPolicyRequest): PolicyChange {
  const p = req.policy;
  if (!p) throw errors.invalid('policy', 'must be given');
  const fields = req.updateMask.length
    ? req.updateMask.map((name, i) => {
        const f = BY_MASK_NAME.get(name);
        if (!f)
          throw errors.invalid(
            `update_mask[${i}]`,
            `"${name}" is not a policy field; use ${Object.keys(FIELDS).join(', ')}`,
          );
        return f;
      })
    : Object.values(FIELDS).filter((f) => f.set(p));
  if (fields.length === 0) throw errors.invalid('policy', 'sets no field: nothing to change');
  const change: Record<string, unknown> = {};
  for (const f of fields) change[f.key] = f.read(p);
  return change as PolicyChange;
}

type Pb<T> = T | null | undefined;

function vmFromPb(v: reservoir.pe.v1.PlaceVm.$Properties): PlaceVmInput {
  return {
    id: v.id ?? '',
    demand: v.demand ?? [],
    host: v.host ?? '',
    excluded: (v.excluded ?? []).map((x) => ({ host: x.host ?? '', reason: x.reason ?? '' })),
  };
}

function hostFromPb(h: reservoir.pe.v1.PlaceHost.$Properties): PlaceHostInput {
  return {
    id: h.id ?? '',
    capacity: h.capacity ?? [],
    overcommit: h.overcommit ?? [],
    used: h.used ?? [],
    tags: { ...h.tags },
    powerIdle: h.powerIdle ?? 0,
    powerPeak: h.powerPeak ?? 0,
    cost: h.cost ?? 0,
  };
}

function constraintFromPb(c: reservoir.pe.v1.Constraint.$Properties): PlaceConstraintInput {
  const tags: Record<string, Pb<reservoir.pe.v1.Tags.$Properties>> = c.tags ?? {};
  return {
    type: c.type ?? '',
    vms: c.vms ?? [],
    scope: c.scope ?? '',
    hard: c.hard ?? false,
    tag: c.tag ?? '',
    min: c.min ?? 0,
    hosts: c.hosts ?? [],
    tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, { values: v?.values ?? [] }])),
  };
}

export function placeInputFromPb(req: reservoir.pe.v1.PlaceRequest): PlaceInput {
  return {
    resources: req.resources,
    hosts: req.hosts.map(hostFromPb),
    vms: req.vms.map(vmFromPb),
    placed: req.placed.map(vmFromPb),
    constraints: req.constraints.map(constraintFromPb),
  };
}

export function placeOutcomeToPb(r: PlaceOutcome): reservoir.pe.v1.PlaceResponse.$Properties {
  return {
    assignment: r.assignment,
    unplaced: r.unplaced.map((u) => ({ vm: u.vm, reasons: u.reasons })),
    policyVersion: r.policyVersion,
    ms: r.ms,
  };
}
