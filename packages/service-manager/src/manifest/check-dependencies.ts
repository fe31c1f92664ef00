// dependsOn must form a DAG consistent with the StartupSection: a component cannot wait for one
// that starts after it, and a cycle would keep every member of it waiting forever.
import type { ServiceManifest } from './model.js';
import type { Findings } from './problem.js';

export function checkDependencies(m: ServiceManifest, f: Findings): void {
  const index = new Map(m.components.map((c, i) => [c.id, i]));
  m.components.forEach((c, i) => {
    c.dependsOn.forEach((dep, j) => {
      const p = `components[${i}].dependsOn[${j}]`;
      const d = index.get(dep);
      if (d === undefined) return f.error(p, `"${c.id}" depends on unknown component "${dep}"`);
      if (d === i) return f.error(p, `"${c.id}" depends on itself`);
      const other = m.components[d]!;
      if (other.startupOrder > c.startupOrder) {
        f.error(
          p,
          `"${c.id}" (startup order ${c.startupOrder}) depends on "${dep}", which starts later (order ${other.startupOrder})`,
        );
      } else if (other.startupOrder === c.startupOrder) {
        f.warn(
          p,
          `"${c.id}" depends on "${dep}" of the same startup order ${c.startupOrder}: it waits for it anyway`,
        );
      }
    });
  });
  for (const cycle of dependencyCycles(m)) {
    const first = index.get(cycle[0]!)!;
    f.error(`components[${first}].dependsOn`, `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  }
}

/** Each elementary cycle found by depth-first search, once, starting at its first component in manifest order. */
export function dependencyCycles(m: ServiceManifest): string[][] {
  const order = new Map(m.components.map((c, i) => [c.id, i]));
  const deps = new Map(
    m.components.map((c) => [c.id, c.dependsOn.filter((d) => order.has(d) && d !== c.id)]),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();

  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of deps.get(id) ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
        const rotated = [...cycle.slice(cycle.indexOf(start)), ...cycle.slice(0, cycle.indexOf(start))];
        found.set(rotated.join('\u0000'), rotated);
      } else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const c of m.components) if (state.get(c.id) === undefined) visit(c.id);
  return [...found.values()];
}
