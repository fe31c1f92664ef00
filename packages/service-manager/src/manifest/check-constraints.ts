// Placement and service-level constraints must name real countries, components and KPIs, and
// must not contradict each other.
import { ISO_3166_ALPHA2 } from './countries.js';
import { AVAILABILITY_KPI, type AffinityRule, type ServiceManifest } from './model.js';
import type { Findings } from './problem.js';

export function checkConstraints(m: ServiceManifest, f: Findings): void {
  m.deployment.allowedCountries.forEach((code, i) => {
    if (ISO_3166_ALPHA2.has(code)) return;
    const hint = ISO_3166_ALPHA2.has(code.toUpperCase()) ? ` (did you mean "${code.toUpperCase()}"?)` : '';
    f.error(
      `deployment.allowedCountries[${i}]`,
      `"${code}" is not an ISO 3166-1 alpha-2 country code${hint}`,
    );
  });
  const components = new Set(m.components.map((c) => c.id));
  m.affinity.forEach((a, i) => {
    if (a.components.length === 0) f.error(`affinity[${i}].components`, `${a.type} rule names no component`);
    a.components.forEach((c, j) => {
      if (!components.has(c))
        f.error(`affinity[${i}].components[${j}]`, `${a.type} rule names unknown component "${c}"`);
    });
  });
  checkContradictions(m.affinity, f);
  const kpis = new Set(m.kpis.map((k) => k.name));
  m.sla.forEach((o, i) => {
    if (!kpis.has(o.kpi) && o.kpi !== AVAILABILITY_KPI)
      f.error(`sla[${i}].kpi`, `objective "${o.name}" uses unknown KPI "${o.kpi}"`);
    if (!(o.windowSeconds > 0))
      f.error(`sla[${i}].windowSeconds`, `objective "${o.name}" window ${o.windowSeconds} s is not positive`);
    if (!Number.isFinite(o.threshold))
      f.error(`sla[${i}].threshold`, `objective "${o.name}" threshold is not a number`);
  });
}

/** Hard affinity and hard anti-affinity at one scope cannot both hold for the same two components. */
function checkContradictions(rules: AffinityRule[], f: Findings): void {
  const antiAffinity = rules.map((b) =>
    b.type === 'anti-affinity' && b.hard ? new Set(b.components) : null,
  );
  rules.forEach((a, i) => {
    if (a.type !== 'affinity' || !a.hard) return;
    rules.forEach((b, j) => {
      const members = antiAffinity[j];
      if (members === null || members === undefined || b.scope !== a.scope) return;
      const both = a.components.filter((c) => members.has(c));
      if (new Set(both).size >= 2) {
        f.error(
          `affinity[${j}]`,
          `hard anti-affinity contradicts hard affinity[${i}] for ${both.join(', ')} at ${a.scope} scope`,
        );
      }
    });
  });
}
