// Reads the service-wide rsv: sections (KPIs, elasticity, deployment, affinity, SLA, business,
// public networks) from the top content element and the Envelope. Vocabulary: docs/manifest-extensions.md.
import {
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_FREQUENCY_SECONDS,
  DEFAULT_MIN_STEP,
  DEFAULT_PERIOD_COUNT,
  DEFAULT_PERIOD_SECONDS,
  DEFAULT_TOLERANCE_PERCENT,
  noBusinessDirectives,
} from './defaults.js';
import { plainAttr, rsvChild, rsvChildren, textOf, type XmlElement } from './dom.js';
import {
  RESERVOIR_OVF_NS,
  type AffinityRule,
  type BusinessDirectives,
  type DeploymentConstraints,
  type ElasticityRule,
  type ExpressionRule,
  type Kpi,
  type SlaObjective,
  type ThresholdRule,
} from './model.js';
import type { OvfReadContext } from './ovf-read-context.js';

export interface ServiceExtensions {
  kpis: Kpi[];
  rules: ElasticityRule[];
  deployment: DeploymentConstraints;
  affinity: AffinityRule[];
  sla: SlaObjective[];
  business: BusinessDirectives;
  publicNetworks: Set<string>;
}

/** SLA operators as written in XML attributes: mnemonics (no escaping needed) or the symbols. */
export const OPERATOR_NAMES: Record<string, SlaObjective['operator']> = {
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

export function readExtensions(holders: XmlElement[], ctx: OvfReadContext): ServiceExtensions {
  // The rsv: sections of the holders by name, found in one pass (a collection may hold thousands
  // of systems besides them).
  const sections = new Map<string, XmlElement[]>();
  for (const h of holders) {
    for (const c of h.children) {
      if (c.namespaceURI !== RESERVOIR_OVF_NS) continue;
      const list = sections.get(c.localName);
      if (list === undefined) sections.set(c.localName, [c]);
      else list.push(c);
    }
  }
  /** The rsv: children of those names of every such section: per section, in document order. */
  const items = (section: string, ...names: string[]): XmlElement[] => {
    const out: XmlElement[] = [];
    for (const s of sections.get(section) ?? []) {
      for (const c of s.children) {
        if (c.namespaceURI === RESERVOIR_OVF_NS && names.includes(c.localName)) out.push(c);
      }
    }
    return out;
  };
  const texts = (path: string, els: XmlElement[]): string[] =>
    els.map((el, i) => {
      ctx.place(`${path}[${i}]`, el);
      return textOf(el);
    });

  const business = items('BusinessSection', 'BudgetPerHour', 'Provider');
  return {
    kpis: items('KPISection', 'KPI').map((el, i) => readKpi(el, `kpis[${i}]`, ctx)),
    rules: items('ElasticitySection', 'ThresholdRule', 'ExpressionRule').map((el, i) =>
      el.localName === 'ThresholdRule'
        ? readThresholdRule(el, `rules[${i}]`, i, ctx)
        : readExpressionRule(el, `rules[${i}]`, i, ctx),
    ),
    deployment: {
      allowedSites: texts('deployment.allowedSites', items('DeploymentSection', 'Site')),
      allowedCountries: texts('deployment.allowedCountries', items('DeploymentSection', 'Country')),
      legalZones: texts('deployment.legalZones', items('DeploymentSection', 'LegalZone')),
    },
    affinity: items('AffinitySection', 'Affinity', 'AntiAffinity').map((el, i) =>
      readAffinity(el, `affinity[${i}]`, ctx),
    ),
    sla: items('SLASection', 'Objective').map((el, i) => readObjective(el, `sla[${i}]`, ctx)),
    business: readBusiness(business, ctx),
    publicNetworks: new Set(
      items('PublicNetworkSection', 'Network').map((el) => plainAttr(el, 'name') ?? textOf(el)),
    ),
  };
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return rsvChild(el, name);
}

function childText(el: XmlElement, name: string): string | null {
  const c = child(el, name);
  return c === undefined ? null : textOf(c);
}

function required<T>(el: XmlElement, value: T | null, what: string, ctx: OvfReadContext, fallback: T): T {
  if (value === null) ctx.error(el, `missing ${what}`);
  return value ?? fallback;
}

function readKpi(el: XmlElement, path: string, ctx: OvfReadContext): Kpi {
  ctx.place(path, el);
  return {
    name: required(el, plainAttr(el, 'name'), 'name attribute', ctx, ''),
    units: plainAttr(el, 'units') ?? '',
    description: textOf(el),
  };
}

function placeChildren(el: XmlElement, path: string, fields: Record<string, string>, ctx: OvfReadContext) {
  ctx.place(path, el);
  for (const [name, field] of Object.entries(fields)) {
    const c = child(el, name);
    if (c !== undefined) ctx.place(`${path}.${field}`, c);
  }
}

function readThresholdRule(el: XmlElement, path: string, i: number, ctx: OvfReadContext): ThresholdRule {
  placeChildren(
    el,
    path,
    {
      KPIName: 'kpi',
      Window: 'windowSeconds',
      Frequency: 'frequencySeconds',
      Quota: 'quota',
      Tolerance: 'tolerancePercent',
    },
    ctx,
  );
  return {
    kind: 'threshold',
    id: plainAttr(el, 'id') ?? `rule-${i + 1}`,
    component: required(el, plainAttr(el, 'component'), 'component attribute', ctx, ''),
    kpi: required(el, childText(el, 'KPIName'), '<rsv:KPIName>', ctx, ''),
    windowSeconds: required(el, ctx.duration(child(el, 'Window'), 'minute'), '<rsv:Window>', ctx, 0),
    frequencySeconds: ctx.duration(child(el, 'Frequency'), 'second') ?? DEFAULT_FREQUENCY_SECONDS,
    quota: required(el, ctx.number(el, childText(el, 'Quota'), 'Quota'), '<rsv:Quota>', ctx, 0),
    tolerancePercent: ctx.number(el, childText(el, 'Tolerance'), 'Tolerance') ?? DEFAULT_TOLERANCE_PERCENT,
  };
}

function readExpressionRule(el: XmlElement, path: string, i: number, ctx: OvfReadContext): ExpressionRule {
  placeChildren(
    el,
    path,
    {
      Expression: 'expression',
      Period: 'periodSeconds',
      PeriodCount: 'periodCount',
      Adjustment: 'value',
      Cooldown: 'cooldownSeconds',
    },
    ctx,
  );
  const adjustment = child(el, 'Adjustment');
  if (adjustment === undefined) ctx.error(el, 'missing <rsv:Adjustment>');
  const adj = adjustment ?? el;
  return {
    kind: 'expression',
    id: plainAttr(el, 'id') ?? `rule-${i + 1}`,
    component: required(el, plainAttr(el, 'component'), 'component attribute', ctx, ''),
    expression: required(el, childText(el, 'Expression'), '<rsv:Expression>', ctx, ''),
    periodSeconds: ctx.duration(child(el, 'Period'), 'second') ?? DEFAULT_PERIOD_SECONDS,
    periodCount: ctx.integer(el, childText(el, 'PeriodCount'), 'PeriodCount') ?? DEFAULT_PERIOD_COUNT,
    adjustment: ctx.choice(
      adj,
      plainAttr(adj, 'type'),
      ['change', 'cardinality', 'percentage'] as const,
      'adjustment type',
      'change',
    ),
    value: adjustment === undefined ? 0 : (ctx.number(adj, textOf(adj), 'Adjustment') ?? 0),
    minStep: ctx.integer(adj, plainAttr(adj, 'minStep'), 'minStep') ?? DEFAULT_MIN_STEP,
    cooldownSeconds: ctx.duration(child(el, 'Cooldown'), 'second') ?? DEFAULT_COOLDOWN_SECONDS,
  };
}

function readAffinity(el: XmlElement, path: string, ctx: OvfReadContext): AffinityRule {
  ctx.place(path, el);
  const components = rsvChildren(el, 'Component').map((c, j) => {
    ctx.place(`${path}.components[${j}]`, c);
    return textOf(c);
  });
  return {
    type: el.localName === 'Affinity' ? 'affinity' : 'anti-affinity',
    components,
    scope: ctx.choice(el, plainAttr(el, 'scope'), ['host', 'site'] as const, 'scope', 'host'),
    hard: ctx.boolean(el, plainAttr(el, 'hard'), 'hard', true),
  };
}

function readObjective(el: XmlElement, path: string, ctx: OvfReadContext): SlaObjective {
  placeChildren(el, path, { Window: 'windowSeconds' }, ctx);
  const rawOp = plainAttr(el, 'operator');
  const operator = rawOp === null ? null : (OPERATOR_NAMES[rawOp] ?? rawOp);
  return {
    name: required(el, plainAttr(el, 'name'), 'name attribute', ctx, ''),
    kpi: required(el, plainAttr(el, 'kpi'), 'kpi attribute', ctx, ''),
    operator: ctx.choice(el, operator, ['<', '<=', '>', '>='] as const, 'operator', '<='),
    threshold: required(el, ctx.number(el, plainAttr(el, 'threshold'), 'threshold'), 'threshold', ctx, 0),
    windowSeconds: required(el, ctx.duration(child(el, 'Window'), 'minute'), '<rsv:Window>', ctx, 0),
  };
}

function readBusiness(els: XmlElement[], ctx: OvfReadContext): BusinessDirectives {
  const business = noBusinessDirectives();
  for (const el of els) {
    if (el.localName === 'BudgetPerHour') {
      ctx.place('business.budgetPerHour', el);
      const text = textOf(el);
      business.budgetPerHour = text === '' ? null : ctx.number(el, text, 'BudgetPerHour');
      business.currency = plainAttr(el, 'currency') ?? business.currency;
    } else {
      ctx.place(`business.allowedProviders[${business.allowedProviders.length}]`, el);
      business.allowedProviders.push(textOf(el));
    }
  }
  return business;
}
