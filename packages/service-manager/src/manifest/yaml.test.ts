import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { DEFAULT_COOLDOWN_SECONDS } from './defaults.js';
import { readRulesUpdate } from './rules-update-read.js';
import { manifestFromYaml, readYamlManifest } from './yaml-read.js';
import { manifestToYaml } from './yaml-write.js';

const MINIMAL = `
id: tiny
components:
  - id: vm
    cpus: 1
    memoryMiB: 512
`;

function refusal(text: string, file = 'm.yaml'): string[] {
  try {
    manifestFromYaml(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ReservoirError);
    expect((e as ReservoirError).code).toBe('INVALID_ARGUMENT');
    return (e as ReservoirError).message.split('\n');
  }
  throw new Error('accepted');
}

describe('manifestFromYaml', () => {
  it('fills what a manifest leaves out with the defaults of an OVF without extensions', () => {
    expect(manifestFromYaml(MINIMAL)).toEqual({
      id: 'tiny',
      name: 'tiny',
      description: '',
      files: [],
      networks: [],
      components: [
        {
          id: 'vm',
          name: 'vm',
          osType: '',
          cpus: 1,
          memoryMiB: 512,
          disks: [],
          networks: [],
          properties: [],
          instances: { min: 1, max: 1, initial: 1 },
          startupOrder: 0,
          dependsOn: [],
          scaleInPolicy: 'youngest',
          cooldownSeconds: DEFAULT_COOLDOWN_SECONDS,
        },
      ],
      kpis: [],
      rules: [],
      deployment: { allowedSites: [], allowedCountries: [], legalZones: [] },
      affinity: [],
      sla: [],
      business: { budgetPerHour: null, currency: 'EUR', allowedProviders: [] },
    });
  });

  it('reads durations and sizes with units', () => {
    const m = manifestFromYaml(`
id: s
files: [{ id: img, href: a.img, size: 3MiB }]
components:
  - { id: vm, cpus: 1, memoryMiB: 512, cooldown: 2m, disks: [{ diskId: d, capacity: 1.5GiB, fileRef: img }] }
kpis: [{ name: q }]
rules:
  - { kind: threshold, component: vm, kpi: q, window: 1h, frequency: 45, quota: 3 }
  - { kind: expression, component: vm, expression: q > 1, adjustment: cardinality, value: 1, period: 2d }
`);
    expect(m.files[0]?.sizeBytes).toBe(3 * 2 ** 20);
    expect(m.components[0]?.cooldownSeconds).toBe(120);
    expect(m.components[0]?.disks[0]?.capacityBytes).toBe(1.5 * 2 ** 30);
    expect(m.rules[0]).toMatchObject({
      id: 'rule-1',
      windowSeconds: 3600,
      frequencySeconds: 45,
      tolerancePercent: 10,
    });
    expect(m.rules[1]).toMatchObject({ id: 'rule-2', periodSeconds: 172_800, periodCount: 1, minStep: 1 });
  });

  it('completes partial instance bounds from the ones given', () => {
    const bounds = (b: string) =>
      manifestFromYaml(`id: s\ncomponents: [{ id: a, cpus: 1, memoryMiB: 1, instances: ${b} }]`).components[0]
        ?.instances;
    expect(bounds('{ max: 5 }')).toEqual({ min: 1, max: 5, initial: 1 });
    expect(bounds('{ min: 2 }')).toEqual({ min: 2, max: 2, initial: 2 });
    expect(bounds('{ min: 2, initial: 3 }')).toEqual({ min: 2, max: 3, initial: 3 });
  });

  it('reports every problem at its line, column and path', () => {
    const text = [
      'id: s', //                                   1
      'components:', //                             2
      '  - id: a', //                               3
      '    cpus: two', //                           4
      '    memoryMiB: 512', //                      5
      '    instances: { min: 1, max: 2.5 }', //     6
      '    scaleIn: newest', //                     7
      '  - id: b', //                               8
      '    memory: 512', //                         9
      'rules:', //                                  10
      '  - kind: threshold', //                     11
      '    component: a', //                        12
      '    window: 5 minutes', //                   13
    ].join('\n');
    expect(refusal(text)).toEqual([
      'm.yaml:4:11: components[0].cpus: "two" is not a number',
      'm.yaml:6:31: components[0].instances.max: 2.5 is not a whole number',
      'm.yaml:7:14: components[0].scaleIn: "newest" is not one of youngest, oldest',
      'm.yaml:9:5: components[1].memory: unknown key (known: id, name, osType, cpus, memoryMiB, disks, networks, properties, instances, startupOrder, dependsOn, scaleIn, cooldown)',
      // Absent keys are reported where their mapping starts.
      'm.yaml:8:5: components[1].cpus: is required',
      'm.yaml:8:5: components[1].memoryMiB: is required',
      'm.yaml:11:5: rules[0].kpi: is required',
      'm.yaml:13:13: rules[0].window: "5 minutes" is not a duration such as 30s, 5m or 1h',
      'm.yaml:11:5: rules[0].quota: is required',
    ]);
  });

  it('reports YAML syntax errors with their line and column', () => {
    const lines = refusal('id: s\ncomponents:\n  - id: a\n   cpus: 1\n', 'bad.yaml');
    expect(lines[0]).toMatch(/^bad\.yaml:4:\d+: \S/);
  });

  it('records where each value was read, under its model path', () => {
    const text =
      'id: s\nrules:\n  - kind: threshold\n    window: 5m\n    component: a\n    kpi: k\n    quota: 1\n';
    const { source } = readYamlManifest(text, 's.yaml');
    expect(source.places.get('rules[0].windowSeconds')).toEqual({
      line: 4,
      col: 13,
      label: 'rules[0].window',
    });
  });
});

describe('manifestToYaml', () => {
  it('leaves defaults out and writes units', () => {
    const m = manifestFromYaml(`
id: s
components: [{ id: vm, cpus: 1, memoryMiB: 512, cooldown: 90, disks: [{ diskId: d, capacity: 10737418240 }] }]
`);
    expect(manifestToYaml(m)).toBe(`id: s
components:
  - id: vm
    cpus: 1
    memoryMiB: 512
    disks:
      - diskId: d
        capacity: 10GiB
    instances: {min: 1, max: 1, initial: 1}
    cooldown: 90s
`);
  });
});

describe('readRulesUpdate', () => {
  it('reads new rules and bounds, from YAML or JSON', () => {
    const yaml = readRulesUpdate(`
rules:
  - { kind: threshold, id: r, component: web, kpi: rps, window: 5m, quota: 10 }
components:
  web: { min: 2, max: 12, cooldown: 2m }
  db: { max: 1 }
`);
    expect(yaml.rules?.[0]).toMatchObject({ id: 'r', windowSeconds: 300 });
    expect(yaml.components).toEqual({ web: { min: 2, max: 12, cooldownSeconds: 120 }, db: { max: 1 } });
    expect(readRulesUpdate('{"components": {"web": {"min": 3}}}')).toEqual({
      components: { web: { min: 3 } },
    });
  });

  it('locates its problems', () => {
    expect(() => readRulesUpdate('components:\n  web: { min: -1.5, size: 3 }\n', 'u.yaml')).toThrow(
      'u.yaml:2:21: components.web.size: unknown key (known: min, max, cooldown)\nu.yaml:2:15: components.web.min: -1.5 is not a whole number',
    );
  });
});
