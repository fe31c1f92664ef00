// Service manifest → rsv: extension content for writeOvf. Each section carries the ovf:Info the
// OVF schema asks of every section and ovf:required="false", so tools that do not know Reservoir
// (ovftool, VirtualBox) still import the descriptor. Vocabulary: docs/manifest-extensions.md.
import type { XmlAttribute, XmlNode } from '@reservoir/ovf';
import { DEFAULT_COOLDOWN_SECONDS, DEFAULT_CURRENCY, DEFAULT_SCALE_IN } from './defaults.js';
import {
  RESERVOIR_OVF_NS,
  type AffinityRule,
  type Component,
  type ElasticityRule,
  type ServiceManifest,
  type SlaObjective,
} from './model.js';
import { OPERATOR_NAMES } from './ovf-read-extensions.js';
import { largestTimeUnit } from './units.js';

/** The envelope namespace writeOvf writes (OVF 1.x). */
export const OVF_NS = 'http://schemas.dmtf.org/ovf/envelope/1';
const RSV = 'rsv';

function rsv(
  name: string,
  attributes: Record<string, string> = {},
  content: XmlNode[] | string = [],
): XmlNode {
  return {
    ns: RESERVOIR_OVF_NS,
    prefix: RSV,
    name,
    attributes: Object.entries(attributes).map(([n, value]) => ({ name: n, value })),
    ...body(content),
  };
}

/** An OVF element, unprefixed: the Envelope's default namespace. */
function ovf(name: string, content: XmlNode[] | string): XmlNode {
  return { ns: OVF_NS, prefix: '', name, ...body(content) };
}

function body(content: XmlNode[] | string): Pick<XmlNode, 'text' | 'children'> {
  if (typeof content !== 'string') return { children: content };
  return content === '' ? {} : { text: content };
}

function section(name: string, info: string, children: XmlNode[]): XmlNode {
  const node = rsv(name, {}, [ovf('Info', info), ...children]);
  node.attributes = [{ name: 'required', value: 'false', ns: OVF_NS, prefix: 'ovf' }];
  return node;
}

/** `<rsv:Window unit="minute">5</rsv:Window>` in the largest unit that keeps the number whole. */
function duration(name: string, seconds: number): XmlNode {
  const { value, unit } = largestTimeUnit(seconds);
  return rsv(name, { unit }, String(value));
}

const texts = (name: string, values: string[]): XmlNode[] => values.map((v) => rsv(name, {}, v));

/** Sections of the top VirtualSystemCollection: description, KPIs, rules, constraints, SLA, business. */
export function serviceSections(m: ServiceManifest): XmlNode[] {
  const out: XmlNode[] = [];
  if (m.description !== '') {
    out.push(
      ovf('AnnotationSection', [ovf('Info', 'What the service is'), ovf('Annotation', m.description)]),
    );
  }
  if (m.kpis.length > 0) {
    const kpis = m.kpis.map((k) => rsv('KPI', { name: k.name, units: k.units }, k.description));
    out.push(section('KPISection', 'Key performance indicators the service reports', kpis));
  }
  if (m.rules.length > 0) out.push(section('ElasticitySection', 'Elasticity rules', m.rules.map(ruleNode)));
  const d = m.deployment;
  const placement = [
    ...texts('Site', d.allowedSites),
    ...texts('Country', d.allowedCountries),
    ...texts('LegalZone', d.legalZones),
  ];
  if (placement.length > 0) out.push(section('DeploymentSection', 'Where the service may run', placement));
  if (m.affinity.length > 0) {
    out.push(
      section(
        'AffinitySection',
        'Placement of components relative to each other',
        m.affinity.map(affinityNode),
      ),
    );
  }
  if (m.sla.length > 0) out.push(section('SLASection', 'Service level objectives', m.sla.map(objectiveNode)));
  const b = m.business;
  if (b.budgetPerHour !== null || b.currency !== DEFAULT_CURRENCY || b.allowedProviders.length > 0) {
    const budget = rsv(
      'BudgetPerHour',
      { currency: b.currency },
      b.budgetPerHour === null ? [] : String(b.budgetPerHour),
    );
    out.push(
      section('BusinessSection', 'Business directives', [budget, ...texts('Provider', b.allowedProviders)]),
    );
  }
  return out;
}

/** Envelope-level sections: which networks of the NetworkSection are public. */
export function envelopeSections(m: ServiceManifest): XmlNode[] {
  const names = m.networks.filter((n) => n.public).map((n) => rsv('Network', { name: n.name }));
  return names.length === 0
    ? []
    : [section('PublicNetworkSection', 'Networks reachable from outside', names)];
}

/** rsv: attributes of a component's VirtualSystem; bounds always, the rest when not the default. */
export function systemAttributes(c: Component): XmlAttribute[] {
  const attrs: [string, string][] = [
    ['min', String(c.instances.min)],
    ['max', String(c.instances.max)],
    ['initial', String(c.instances.initial)],
  ];
  if (c.scaleInPolicy !== DEFAULT_SCALE_IN) attrs.push(['scaleIn', c.scaleInPolicy]);
  if (c.cooldownSeconds !== DEFAULT_COOLDOWN_SECONDS) attrs.push(['cooldown', String(c.cooldownSeconds)]);
  if (c.dependsOn.length > 0) attrs.push(['dependsOn', c.dependsOn.join(' ')]);
  return attrs.map(([name, value]) => ({ ns: RESERVOIR_OVF_NS, prefix: RSV, name, value }));
}

function ruleNode(r: ElasticityRule): XmlNode {
  if (r.kind === 'threshold') {
    return rsv('ThresholdRule', { id: r.id, component: r.component }, [
      rsv('KPIName', {}, r.kpi),
      duration('Window', r.windowSeconds),
      duration('Frequency', r.frequencySeconds),
      rsv('Quota', {}, String(r.quota)),
      rsv('Tolerance', {}, String(r.tolerancePercent)),
    ]);
  }
  return rsv('ExpressionRule', { id: r.id, component: r.component }, [
    rsv('Expression', {}, r.expression),
    duration('Period', r.periodSeconds),
    rsv('PeriodCount', {}, String(r.periodCount)),
    rsv('Adjustment', { type: r.adjustment, minStep: String(r.minStep) }, String(r.value)),
    duration('Cooldown', r.cooldownSeconds),
  ]);
}

function affinityNode(a: AffinityRule): XmlNode {
  const name = a.type === 'affinity' ? 'Affinity' : 'AntiAffinity';
  return rsv(name, { scope: a.scope, hard: String(a.hard) }, texts('Component', a.components));
}

const OPERATOR_MNEMONICS = Object.fromEntries(Object.entries(OPERATOR_NAMES).map(([k, v]) => [v, k]));

function objectiveNode(o: SlaObjective): XmlNode {
  const attrs = { name: o.name, kpi: o.kpi, operator: OPERATOR_MNEMONICS[o.operator] ?? o.operator };
  return rsv('Objective', { ...attrs, threshold: String(o.threshold) }, [
    duration('Window', o.windowSeconds),
  ]);
}
