// Names that other parts of the manifest refer to must be present and unique.
import type { ServiceManifest } from './model.js';
import type { Findings } from './problem.js';

function unique(f: Findings, what: string, list: string, names: string[]): void {
  const first = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') f.error(`${list}[${i}]`, `${what} without a name`);
    else if (first.has(name))
      f.error(`${list}[${i}]`, `duplicate ${what} "${name}" (also ${list}[${first.get(name)}])`);
    else first.set(name, i);
  });
}

export function checkIdentity(m: ServiceManifest, f: Findings): void {
  if (m.id === '') f.error('id', 'the service has no id');
  if (m.components.length === 0) f.error('components', 'the service has no component');
  unique(
    f,
    'component id',
    'components',
    m.components.map((c) => c.id),
  );
  m.components.forEach((c, i) => {
    // The collection and its systems share OVF's one ovf:id space.
    if (c.id === m.id) f.error(`components[${i}].id`, `component id "${c.id}" is also the service's id`);
  });
  unique(
    f,
    'file id',
    'files',
    m.files.map((x) => x.id),
  );
  unique(
    f,
    'network',
    'networks',
    m.networks.map((n) => n.name),
  );
  unique(
    f,
    'KPI',
    'kpis',
    m.kpis.map((k) => k.name),
  );
  unique(
    f,
    'rule id',
    'rules',
    m.rules.map((r) => r.id),
  );
  unique(
    f,
    'SLA objective',
    'sla',
    m.sla.map((o) => o.name),
  );
  m.components.forEach((c, i) =>
    unique(
      f,
      'property',
      `components[${i}].properties`,
      c.properties.map((p) => p.key),
    ),
  );
}
