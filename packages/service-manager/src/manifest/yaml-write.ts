// Service manifest → YAML authoring form: keys in a fixed order, defaults left out, durations and
// sizes in the largest exact unit, short lists of names on one line. manifestFromYaml reads the
// same model back.
import { Document, isMap, isScalar, visit } from 'yaml';
import {
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_CURRENCY,
  DEFAULT_SCALE_IN,
  DEFAULT_STARTUP_ORDER,
} from './defaults.js';
import type { Component, ElasticityRule, ServiceManifest } from './model.js';
import { formatDuration, formatSize } from './units.js';

type Obj = Record<string, unknown>;

/** Drops keys whose value is undefined, an empty list or an empty string. */
function compact(o: Obj): Obj {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

export function manifestToYaml(m: ServiceManifest): string {
  const d = m.deployment;
  const b = m.business;
  const tree = compact({
    id: m.id,
    name: m.name === m.id ? undefined : m.name,
    description: m.description,
    files: m.files.map((f) =>
      compact({ id: f.id, href: f.href, size: f.sizeBytes === null ? undefined : formatSize(f.sizeBytes) }),
    ),
    networks: m.networks.map((n) =>
      compact({ name: n.name, description: n.description, public: n.public ? true : undefined }),
    ),
    components: m.components.map(componentTree),
    kpis: m.kpis.map((k) => compact({ name: k.name, units: k.units, description: k.description })),
    rules: m.rules.map(ruleTree),
    deployment: emptyToUndefined(
      compact({
        allowedSites: d.allowedSites,
        allowedCountries: d.allowedCountries,
        legalZones: d.legalZones,
      }),
    ),
    affinity: m.affinity.map((a) => ({
      type: a.type,
      components: a.components,
      scope: a.scope,
      hard: a.hard,
    })),
    sla: m.sla.map((o) => ({
      name: o.name,
      kpi: o.kpi,
      operator: o.operator,
      threshold: o.threshold,
      window: formatDuration(o.windowSeconds),
    })),
    business: emptyToUndefined(
      compact({
        budgetPerHour: b.budgetPerHour ?? undefined,
        currency: b.currency === DEFAULT_CURRENCY ? undefined : b.currency,
        allowedProviders: b.allowedProviders,
      }),
    ),
  });
  const doc = new Document(tree);
  // Lists of plain names and instance bounds read best inline: `networks: [private, public]`.
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.length > 0 && seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'instances' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}

function emptyToUndefined(o: Obj): Obj | undefined {
  return Object.keys(o).length === 0 ? undefined : o;
}

function componentTree(c: Component): Obj {
  const { min, max, initial } = c.instances;
  return compact({
    id: c.id,
    name: c.name === c.id ? undefined : c.name,
    osType: c.osType,
    cpus: c.cpus,
    memoryMiB: c.memoryMiB,
    disks: c.disks.map((d) =>
      compact({
        diskId: d.diskId,
        capacity: formatSize(d.capacityBytes),
        format: d.format,
        fileRef: d.fileRef ?? undefined,
      }),
    ),
    networks: c.networks,
    properties: c.properties.map((p) =>
      compact({
        key: p.key,
        type: p.type === 'string' ? undefined : p.type,
        value: p.value,
        label: p.label,
        description: p.description,
        userConfigurable: p.userConfigurable ? true : undefined,
      }),
    ),
    instances: { min, max, initial },
    startupOrder: c.startupOrder === DEFAULT_STARTUP_ORDER ? undefined : c.startupOrder,
    dependsOn: c.dependsOn,
    scaleIn: c.scaleInPolicy === DEFAULT_SCALE_IN ? undefined : c.scaleInPolicy,
    cooldown: c.cooldownSeconds === DEFAULT_COOLDOWN_SECONDS ? undefined : formatDuration(c.cooldownSeconds),
  });
}

function ruleTree(r: ElasticityRule): Obj {
  if (r.kind === 'threshold') {
    return {
      kind: r.kind,
      id: r.id,
      component: r.component,
      kpi: r.kpi,
      window: formatDuration(r.windowSeconds),
      frequency: formatDuration(r.frequencySeconds),
      quota: r.quota,
      tolerance: r.tolerancePercent,
    };
  }
  return {
    kind: r.kind,
    id: r.id,
    component: r.component,
    expression: r.expression,
    period: formatDuration(r.periodSeconds),
    periodCount: r.periodCount,
    adjustment: r.adjustment,
    value: r.value,
    minStep: r.minStep,
    cooldown: formatDuration(r.cooldownSeconds),
  };
}
