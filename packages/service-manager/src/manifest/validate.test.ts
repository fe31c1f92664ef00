import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { loadManifest } from './load.js';
import type { Component, ServiceManifest } from './model.js';
import { formatProblem } from './problem.js';
import { validateManifest } from './validate.js';
import { manifestFromYaml } from './yaml-read.js';

const INVALID = join(import.meta.dirname, 'testdata', 'invalid');

/** The lines of the INVALID_ARGUMENT that loading the file throws. */
function refusal(name: string): string[] {
  try {
    loadManifest(readFileSync(join(INVALID, name), 'utf8'), name);
  } catch (e) {
    expect(e).toBeInstanceOf(ReservoirError);
    expect((e as ReservoirError).code).toBe('INVALID_ARGUMENT');
    expect((e as Error).message).not.toMatch(/\n\s+at /);
    return (e as Error).message.split('\n');
  }
  throw new Error(`${name} was accepted`);
}

describe('invalid manifests are refused with every reason at its place', () => {
  it('unknown KPIs in a rule, an expression and an SLA objective', () => {
    expect(refusal('unknown-kpi.yaml')).toEqual([
      'unknown-kpi.yaml:14:10: rules[0].kpi: rule "by-load" uses unknown KPI "requests" (KPIs: requests_per_second)',
      'unknown-kpi.yaml:20:17: rules[1].expression: rule "by-latency" expression column 1: avg() of unknown KPI "latency_ms"',
      'unknown-kpi.yaml:25:10: sla[0].kpi: objective "fast" uses unknown KPI "latency_ms"',
    ]);
  });

  it('min above max, initial outside the bounds', () => {
    expect(refusal('min-over-max.yaml')).toEqual([
      'min-over-max.yaml:7:31: components[0].instances.max: instances max 3 is below min 5',
      'min-over-max.yaml:11:43: components[1].instances.initial: instances initial 3 is outside [min 1, max 2]',
    ]);
  });

  it('a dependency cycle, named, and a dependency that starts later', () => {
    expect(refusal('startup-cycle.yaml')).toEqual([
      'startup-cycle.yaml:18:17: components[2].dependsOn[0]: "db" (startup order 1) depends on "web", which starts later (order 3)',
      'startup-cycle.yaml:8:16: components[0].dependsOn: dependency cycle: web → app → db → web',
    ]);
  });

  it('an initial deployment over budget, with its cost per component', () => {
    expect(refusal('over-budget.yaml')).toEqual([
      'over-budget.yaml:10:18: business.budgetPerHour: the initial deployment costs 1.28 EUR/h (renderer 1.28), over the budget of 1 EUR/h',
    ]);
  });
});

function service(components: Partial<Component>[], extra: Partial<ServiceManifest> = {}): ServiceManifest {
  const m = manifestFromYaml('id: s\ncomponents: [{ id: placeholder, cpus: 1, memoryMiB: 1 }]');
  const base = m.components[0]!;
  return { ...m, components: components.map((c) => ({ ...base, ...c })), ...extra };
}

const lines = (m: ServiceManifest) => validateManifest(m).map((p) => formatProblem(p));

describe('validateManifest', () => {
  it('finds nothing wrong in a well-formed service', () => {
    expect(validateManifest(service([{ id: 'a' }]))).toEqual([]);
  });

  it('reports duplicates, undeclared networks and files, and impossible resources', () => {
    const m = service(
      [
        {
          id: 'a',
          cpus: 0,
          networks: ['lan'],
          disks: [{ diskId: 'd', capacityBytes: 0, format: '', fileRef: 'nope' }],
        },
        { id: 'a', memoryMiB: -1, disks: [{ diskId: 'd', capacityBytes: 5, format: '', fileRef: null }] },
      ],
      { networks: [{ name: 'wan', description: '', public: true }] },
    );
    expect(lines(m)).toEqual([
      'components[1]: duplicate component id "a" (also components[0])',
      'components[0].cpus: cpus 0 is not a whole number of at least 1',
      'components[0].networks[0]: NIC on network "lan", which the NetworkSection does not declare',
      'components[0].disks[0].capacityBytes: disk "d" capacity 0 is not positive',
      'components[0].disks[0].fileRef: disk "d" refers to file "nope", which References does not list',
      'components[1].memoryMiB: memory -1 MiB is not positive',
      'components[1].disks[0]: disk "d" differs from the disk of that id in component "a"',
    ]);
  });

  it('reports unknown components in rules, affinity and dependencies', () => {
    const m = service([{ id: 'a', dependsOn: ['ghost'] }], {
      kpis: [{ name: 'k', units: '', description: '' }],
      rules: [
        {
          kind: 'expression',
          id: 'r',
          component: 'b',
          expression: 'k > 1',
          periodSeconds: 60,
          periodCount: 0,
          adjustment: 'change',
          value: 0,
          minStep: 1,
          cooldownSeconds: 0,
        },
      ],
      affinity: [{ type: 'affinity', components: ['a', 'c'], scope: 'site', hard: true }],
    });
    expect(lines(m)).toEqual([
      'components[0].dependsOn[0]: "a" depends on unknown component "ghost"',
      'rules[0].component: rule "r" scales unknown component "b"',
      'rules[0].periodCount: period count 0 is not a whole number of at least 1',
      'rules[0].value: change 0 is not a non-zero whole number of instances',
      'affinity[0].components[1]: affinity rule names unknown component "c"',
    ]);
  });

  it('checks country codes and contradictory hard affinity', () => {
    const m = service([{ id: 'a' }, { id: 'b' }], {
      deployment: { allowedSites: [], allowedCountries: ['ES', 'es', 'UK'], legalZones: ['EU'] },
      affinity: [
        { type: 'affinity', components: ['a', 'b'], scope: 'host', hard: true },
        { type: 'anti-affinity', components: ['b', 'a'], scope: 'host', hard: true },
        { type: 'anti-affinity', components: ['a', 'b'], scope: 'site', hard: true },
      ],
    });
    expect(lines(m)).toEqual([
      'deployment.allowedCountries[1]: "es" is not an ISO 3166-1 alpha-2 country code (did you mean "ES"?)',
      'deployment.allowedCountries[2]: "UK" is not an ISO 3166-1 alpha-2 country code',
      'affinity[1]: hard anti-affinity contradicts hard affinity[0] for a, b at host scope',
    ]);
  });

  it('warns, without refusing, when only the largest size exceeds the budget', () => {
    const m = service([{ id: 'a', cpus: 2, memoryMiB: 2048, instances: { min: 1, max: 11, initial: 1 } }], {
      business: { budgetPerHour: 0.5, currency: 'EUR', allowedProviders: [] },
    });
    const problems = validateManifest(m);
    expect(problems).toEqual([
      {
        severity: 'warning',
        path: 'business.budgetPerHour',
        message:
          'at maximum size the service costs 0.55 EUR/h, over the budget of 0.5 EUR/h: scaling out stops at the budget',
        place: null,
      },
    ]);
  });

  it('skips the budget check, with a warning, when prices are in another currency', () => {
    const m = service([{ id: 'a' }], {
      business: { budgetPerHour: 0.001, currency: 'USD', allowedProviders: [] },
    });
    expect(lines(m)).toEqual([
      'business.budgetPerHour: warning: budget in USD not checked: prices are in EUR',
    ]);
    const usd = { perVcpuHour: 1, perGiBMemoryHour: 0, perGiBDiskHour: 0, currency: 'USD' };
    expect(validateManifest(m, undefined, { prices: usd }).map((p) => p.message)).toEqual([
      'the initial deployment costs 1 USD/h (a 1), over the budget of 0.001 USD/h',
    ]);
  });

  it("checks the budget against the provider's own estimate when one is given", () => {
    const m = service([{ id: 'a', instances: { min: 1, max: 2, initial: 1 } }], {
      business: { budgetPerHour: 0.05, currency: 'EUR', allowedProviders: [] },
    });
    expect(validateManifest(m)).toEqual([]);
    const estimate = {
      currency: 'EUR',
      perHourAtInitial: 0.06,
      perHourAtMax: 0.12,
      perComponent: [{ component: 'a', perInstanceHour: 0.06, perHourAtInitial: 0.06, perHourAtMax: 0.12 }],
    };
    expect(validateManifest(m, undefined, { estimate }).map((p) => p.message)).toEqual([
      'the initial deployment costs 0.06 EUR/h (a 0.06), over the budget of 0.05 EUR/h',
    ]);
  });

  it('knows the built-in service.availability KPI in SLA objectives', () => {
    const objective = { name: 'up', operator: '>=' as const, threshold: 99.9, windowSeconds: 3600 };
    const ok = service([{ id: 'a' }], { sla: [{ ...objective, kpi: 'service.availability' }] });
    expect(validateManifest(ok)).toEqual([]);
    const bad = service([{ id: 'a' }], { sla: [{ ...objective, kpi: 'service.uptime' }] });
    expect(lines(bad)).toEqual(['sla[0].kpi: objective "up" uses unknown KPI "service.uptime"']);
  });
});
