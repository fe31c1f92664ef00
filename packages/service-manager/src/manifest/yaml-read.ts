// YAML authoring form → service manifest. Keys mirror the model, except durations ("window: 5m"
// for windowSeconds), sizes ("capacity: 100GiB") and `tolerance` / `scaleIn` / `cooldown`;
// omitted keys take the same defaults as an OVF without the extension. Form: docs/manifest-extensions.md.
import { LineCounter, parseDocument } from 'yaml';
import { ReservoirError } from '@reservoir/runtime';
import {
  completeBounds,
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_CURRENCY,
  DEFAULT_FREQUENCY_SECONDS,
  DEFAULT_MIN_STEP,
  DEFAULT_PERIOD_COUNT,
  DEFAULT_PERIOD_SECONDS,
  DEFAULT_SCALE_IN,
  DEFAULT_STARTUP_ORDER,
  DEFAULT_TOLERANCE_PERCENT,
} from './defaults.js';
import type {
  AffinityRule,
  Component,
  ComponentDisk,
  ComponentProperty,
  ElasticityRule,
  ServiceManifest,
  SlaObjective,
} from './model.js';
import type { ReadManifest } from './ovf-read.js';
import { YamlReader, type Slot } from './yaml-reader.js';

/** Reads the YAML form and where each part of the model came from (for located validation). */
export function readYamlManifest(text: string, file = 'manifest.yaml'): ReadManifest {
  const { reader, root } = openYaml(text, file);
  const manifest = readService(reader, root);
  reader.throwIfErrors();
  return { manifest, source: reader.source };
}

/** Parses YAML text (JSON included); syntax errors throw located INVALID_ARGUMENT at once. */
export function openYaml(text: string, file: string): { reader: YamlReader; root: Slot } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return `${file}:${at.line}:${at.col}: ${e.message.split('\n')[0] ?? ''}`;
    });
    throw new ReservoirError('INVALID_ARGUMENT', messages.join('\n'));
  }
  if (doc.contents === null) throw new ReservoirError('INVALID_ARGUMENT', `${file}:1:1: empty document`);
  return {
    reader: new YamlReader(file, doc, lines),
    root: { node: doc.contents, path: '', holder: undefined },
  };
}

/** YAML text → manifest; throws INVALID_ARGUMENT with every located problem. */
export function manifestFromYaml(text: string, file = 'manifest.yaml'): ServiceManifest {
  return readYamlManifest(text, file).manifest;
}

const SERVICE_KEYS = [
  'id',
  'name',
  'description',
  'files',
  'networks',
  'components',
  'kpis',
  'rules',
  'deployment',
  'affinity',
  'sla',
  'business',
] as const;

function readService(r: YamlReader, root: Slot): ServiceManifest {
  const f = r.object(root, '', SERVICE_KEYS);
  const id = r.string(f.id, 'id');
  const deployment = r.object(f.deployment, 'deployment', ['allowedSites', 'allowedCountries', 'legalZones']);
  const business = r.object(f.business, 'business', ['budgetPerHour', 'currency', 'allowedProviders']);
  return {
    id,
    name: r.string(f.name, 'name', id),
    description: r.string(f.description, 'description', ''),
    files: r.list(f.files, 'files').map((s, i) => {
      const p = `files[${i}]`;
      const file = r.object(s, p, ['id', 'href', 'size']);
      return {
        id: r.string(file.id, `${p}.id`),
        href: r.string(file.href, `${p}.href`),
        sizeBytes: r.has(file.size) ? r.size(file.size, `${p}.sizeBytes`) : null,
      };
    }),
    networks: r.list(f.networks, 'networks').map((s, i) => {
      const p = `networks[${i}]`;
      const n = r.object(s, p, ['name', 'description', 'public']);
      return {
        name: r.string(n.name, `${p}.name`),
        description: r.string(n.description, `${p}.description`, ''),
        public: r.boolean(n.public, `${p}.public`, false),
      };
    }),
    components: r.list(f.components, 'components').map((s, i) => readComponent(r, s, `components[${i}]`)),
    kpis: r.list(f.kpis, 'kpis').map((s, i) => {
      const p = `kpis[${i}]`;
      const k = r.object(s, p, ['name', 'units', 'description']);
      return {
        name: r.string(k.name, `${p}.name`),
        units: r.string(k.units, `${p}.units`, ''),
        description: r.string(k.description, `${p}.description`, ''),
      };
    }),
    rules: r.list(f.rules, 'rules').map((s, i) => readRule(r, s, `rules[${i}]`, i)),
    deployment: {
      allowedSites: r.strings(deployment.allowedSites, 'deployment.allowedSites'),
      allowedCountries: r.strings(deployment.allowedCountries, 'deployment.allowedCountries'),
      legalZones: r.strings(deployment.legalZones, 'deployment.legalZones'),
    },
    affinity: r.list(f.affinity, 'affinity').map((s, i) => readAffinity(r, s, `affinity[${i}]`)),
    sla: r.list(f.sla, 'sla').map((s, i) => readObjective(r, s, `sla[${i}]`)),
    business: {
      budgetPerHour: r.has(business.budgetPerHour)
        ? r.number(business.budgetPerHour, 'business.budgetPerHour')
        : null,
      currency: r.string(business.currency, 'business.currency', DEFAULT_CURRENCY),
      allowedProviders: r.strings(business.allowedProviders, 'business.allowedProviders'),
    },
  };
}

const COMPONENT_KEYS = [
  'id',
  'name',
  'osType',
  'cpus',
  'memoryMiB',
  'disks',
  'networks',
  'properties',
  'instances',
  'startupOrder',
  'dependsOn',
  'scaleIn',
  'cooldown',
] as const;

function readComponent(r: YamlReader, s: Slot, p: string): Component {
  const c = r.object(s, p, COMPONENT_KEYS);
  const id = r.string(c.id, `${p}.id`);
  const bounds = r.object(c.instances, `${p}.instances`, ['min', 'max', 'initial']);
  const bound = (k: 'min' | 'max' | 'initial') =>
    r.has(bounds[k]) ? r.number(bounds[k], `${p}.instances.${k}`, undefined, true) : undefined;
  return {
    id,
    name: r.string(c.name, `${p}.name`, id),
    osType: r.string(c.osType, `${p}.osType`, ''),
    cpus: r.number(c.cpus, `${p}.cpus`, undefined, true),
    memoryMiB: r.number(c.memoryMiB, `${p}.memoryMiB`),
    disks: r.list(c.disks, `${p}.disks`).map((d, j) => readDisk(r, d, `${p}.disks[${j}]`)),
    networks: r.strings(c.networks, `${p}.networks`),
    properties: r
      .list(c.properties, `${p}.properties`)
      .map((q, j) => readProperty(r, q, `${p}.properties[${j}]`)),
    instances: completeBounds({ min: bound('min'), max: bound('max'), initial: bound('initial') }),
    startupOrder: r.number(c.startupOrder, `${p}.startupOrder`, DEFAULT_STARTUP_ORDER, true),
    dependsOn: r.strings(c.dependsOn, `${p}.dependsOn`),
    scaleInPolicy: r.choice(
      c.scaleIn,
      `${p}.scaleInPolicy`,
      ['youngest', 'oldest'] as const,
      DEFAULT_SCALE_IN,
    ),
    cooldownSeconds: r.duration(c.cooldown, `${p}.cooldownSeconds`, DEFAULT_COOLDOWN_SECONDS),
  };
}

function readDisk(r: YamlReader, s: Slot, p: string): ComponentDisk {
  const d = r.object(s, p, ['diskId', 'capacity', 'format', 'fileRef']);
  return {
    diskId: r.string(d.diskId, `${p}.diskId`),
    capacityBytes: r.size(d.capacity, `${p}.capacityBytes`),
    format: r.string(d.format, `${p}.format`, ''),
    fileRef: r.has(d.fileRef) ? r.string(d.fileRef, `${p}.fileRef`) : null,
  };
}

function readProperty(r: YamlReader, s: Slot, p: string): ComponentProperty {
  const q = r.object(s, p, ['key', 'type', 'value', 'label', 'description', 'userConfigurable']);
  return {
    key: r.string(q.key, `${p}.key`),
    type: r.string(q.type, `${p}.type`, 'string'),
    // A value is passed to the guest as written: no trimming.
    value: r.string(q.value, `${p}.value`, '', false),
    label: r.string(q.label, `${p}.label`, ''),
    description: r.string(q.description, `${p}.description`, ''),
    userConfigurable: r.boolean(q.userConfigurable, `${p}.userConfigurable`, false),
  };
}

const THRESHOLD_KEYS = [
  'kind',
  'id',
  'component',
  'kpi',
  'window',
  'frequency',
  'quota',
  'tolerance',
] as const;
const EXPRESSION_KEYS = [
  'kind',
  'id',
  'component',
  'expression',
  'period',
  'periodCount',
  'adjustment',
  'value',
  'minStep',
  'cooldown',
] as const;

export function readRule(r: YamlReader, s: Slot, p: string, i: number): ElasticityRule {
  const kind = r.choice(r.child(s, 'kind'), `${p}.kind`, ['threshold', 'expression'] as const);
  if (kind === 'threshold') {
    const t = r.object(s, p, THRESHOLD_KEYS);
    return {
      kind,
      id: r.string(t.id, `${p}.id`, `rule-${i + 1}`),
      component: r.string(t.component, `${p}.component`),
      kpi: r.string(t.kpi, `${p}.kpi`),
      windowSeconds: r.duration(t.window, `${p}.windowSeconds`),
      frequencySeconds: r.duration(t.frequency, `${p}.frequencySeconds`, DEFAULT_FREQUENCY_SECONDS),
      quota: r.number(t.quota, `${p}.quota`),
      tolerancePercent: r.number(t.tolerance, `${p}.tolerancePercent`, DEFAULT_TOLERANCE_PERCENT),
    };
  }
  const e = r.object(s, p, EXPRESSION_KEYS);
  return {
    kind,
    id: r.string(e.id, `${p}.id`, `rule-${i + 1}`),
    component: r.string(e.component, `${p}.component`),
    expression: r.string(e.expression, `${p}.expression`),
    periodSeconds: r.duration(e.period, `${p}.periodSeconds`, DEFAULT_PERIOD_SECONDS),
    periodCount: r.number(e.periodCount, `${p}.periodCount`, DEFAULT_PERIOD_COUNT, true),
    adjustment: r.choice(e.adjustment, `${p}.adjustment`, ['change', 'cardinality', 'percentage'] as const),
    value: r.number(e.value, `${p}.value`),
    minStep: r.number(e.minStep, `${p}.minStep`, DEFAULT_MIN_STEP, true),
    cooldownSeconds: r.duration(e.cooldown, `${p}.cooldownSeconds`, DEFAULT_COOLDOWN_SECONDS),
  };
}

function readAffinity(r: YamlReader, s: Slot, p: string): AffinityRule {
  const a = r.object(s, p, ['type', 'components', 'scope', 'hard']);
  return {
    type: r.choice(a.type, `${p}.type`, ['affinity', 'anti-affinity'] as const),
    components: r.strings(a.components, `${p}.components`),
    scope: r.choice(a.scope, `${p}.scope`, ['host', 'site'] as const, 'host'),
    hard: r.boolean(a.hard, `${p}.hard`, true),
  };
}

function readObjective(r: YamlReader, s: Slot, p: string): SlaObjective {
  const o = r.object(s, p, ['name', 'kpi', 'operator', 'threshold', 'window']);
  return {
    name: r.string(o.name, `${p}.name`),
    kpi: r.string(o.kpi, `${p}.kpi`),
    operator: r.choice(o.operator, `${p}.operator`, ['<', '<=', '>', '>='] as const),
    threshold: r.number(o.threshold, `${p}.threshold`),
    windowSeconds: r.duration(o.window, `${p}.windowSeconds`),
  };
}
