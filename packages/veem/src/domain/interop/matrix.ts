import Table from 'cli-table3';
import type { Difference, PortabilityLevel } from './report.js';
import { aggregate, firstFailure, lowest, type Score, type StepResult } from './seven-step.js';

// The interoperability matrix of seed 001 (figures 3 to 5): per guest profile, source hypervisor
// family in rows, target in columns, each cell the aggregated score of the seven-step test.

export interface MatrixCell {
  profile: string;
  source: string;
  target: string;
  score: Score;
  level: PortabilityLevel | null;
  /** Every reason the cell is not a SUCCESS; empty for a SUCCESS. */
  reasons: string[];
  steps: StepResult[];
}

export interface InteropMatrix {
  generatedAt: string;
  families: string[];
  profiles: { id: string; title: string }[];
  cells: MatrixCell[];
}

/** Names as seed 001's figures print them; a family not listed shows as it is. */
export const FAMILY_LABELS: Readonly<Record<string, string>> = {
  kvm: 'KVM',
  xen: 'Citrix Xen',
  vmware: 'VMware',
  hyperv: 'Microsoft Hyper-V',
};

function label(family: string): string {
  return FAMILY_LABELS[family] ?? family;
}

const FROM_SEVERITY: Record<Difference['severity'], Score> = {
  blocking: 'FAILURE',
  warning: 'WARNING',
  info: 'SUCCESS',
};

/**
 * A cell's score and reasons: the aggregation rule over its steps, lowered by any difference that
 * counted against it. Reasons name each step that did not succeed, then each counted difference
 * that no step's detail already says.
 */
export function summarizeCell(
  steps: readonly StepResult[],
  differences: readonly Difference[],
): { score: Score; reasons: string[] } {
  let score = aggregate(steps);
  for (const d of differences) score = lowest(score, FROM_SEVERITY[d.severity]);
  if (score === 'SUCCESS') return { score, reasons: [] };
  const reasons: string[] = [];
  const add = (r: string) => {
    if (!reasons.includes(r)) reasons.push(r);
  };
  for (const s of steps) if (!s.notRun && s.score !== 'SUCCESS') add(`${s.title}: ${s.score}: ${s.detail}`);
  // Steps not run say the same thing each; one reason names them all.
  const notRun = steps.filter((s) => s.notRun);
  if (notRun.length) {
    const why = (notRun[0]?.detail ?? '').replace(/^not run: /, '');
    add(`Not run (${why}): ${notRun.map((s) => s.title).join(', ')}`);
  }
  for (const d of differences) {
    if (d.severity === 'info') continue;
    if (steps.some((s) => s.detail.includes(d.message))) continue;
    add(`${d.message} (${d.code})`);
  }
  return { score, reasons };
}

export function findCell(
  m: InteropMatrix,
  profile: string,
  source: string,
  target: string,
): MatrixCell | undefined {
  return m.cells.find((c) => c.profile === profile && c.source === source && c.target === target);
}

const LETTER: Record<Score, string> = { SUCCESS: 'S', WARNING: 'W', FAILURE: 'F' };

/** One plain-text table per guest profile: S, W or F per cell, '-' where nothing was tested. */
export function renderMatrixText(m: InteropMatrix): string {
  const parts = [`VM interoperability matrix, generated ${m.generatedAt}`];
  for (const p of m.profiles) {
    const t = new Table({
      head: ['source \\ target', ...m.families.map(label)],
      style: { head: [], border: [] },
    });
    for (const src of m.families) {
      t.push([
        label(src),
        ...m.families.map((dst) => {
          const c = findCell(m, p.id, src, dst);
          return c ? LETTER[c.score] : '-';
        }),
      ]);
    }
    parts.push(`${p.title} (${p.id})\n${t.toString()}`);
  }
  parts.push('S = SUCCESS, W = WARNING, F = FAILURE, - = not tested');
  return `${parts.join('\n\n')}\n`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #999; padding: 0.4rem 0.7rem; text-align: center; }
thead th, tbody th { background: #eee; }
td.success { background: #c6efce; color: #006100; }
td.warning { background: #ffeb9c; color: #7a4500; }
td.failure { background: #ffc7ce; color: #9c0006; }
td.none { background: #f6f6f6; color: #777; }
td small { display: block; font-weight: normal; }
td a { color: inherit; }
ol.notes { font-size: 0.9rem; max-width: 60rem; } ol.notes li { margin-bottom: 0.4rem; }
.legend span { display: inline-block; padding: 0.1rem 0.5rem; margin-right: 0.4rem; }
`;

/** The step that decided a non-success cell: the first failing one, else the first with a warning. */
function decidingStep(c: MatrixCell): StepResult | undefined {
  return c.score === 'FAILURE' ? firstFailure(c.steps) : c.steps.find((s) => s.score === 'WARNING');
}

/**
 * A self-contained page (inline CSS, no scripts), one table per guest profile like seed 001's
 * figures, each cell that is not a SUCCESS pointing to a numbered footnote with its reasons.
 */
export function renderMatrixHtml(m: InteropMatrix): string {
  const e = escapeHtml;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>VM interoperability matrix</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<h1>VM interoperability matrix</h1>',
    `<p>Generated ${e(m.generatedAt)}. Each cell is the aggregated score of the seven-step migration test: the lowest score of any step, a step not run counting as a failure.</p>`,
    '<p class="legend"><span style="background:#c6efce">SUCCESS</span><span style="background:#ffeb9c">WARNING</span><span style="background:#ffc7ce">FAILURE</span></p>',
  ];
  m.profiles.forEach((p, pi) => {
    const notes: string[] = [];
    out.push(`<section id="profile-${pi + 1}">`, `<h2>${e(p.title)}</h2>`);
    out.push('<table>', `<caption>Summary results for ${e(p.title)}</caption>`, '<thead>');
    out.push(
      `<tr><th rowspan="2" scope="col">Hypervisor – source</th><th colspan="${m.families.length}" scope="colgroup">Hypervisor – target</th></tr>`,
    );
    out.push(
      `<tr>${m.families.map((f) => `<th scope="col">${e(label(f))}</th>`).join('')}</tr>`,
      '</thead>',
      '<tbody>',
    );
    for (const src of m.families) {
      const cells = m.families.map((dst) => {
        const c = findCell(m, p.id, src, dst);
        if (!c) return '<td class="none">not tested</td>';
        const level = c.level === null ? '' : `<small>level ${c.level}</small>`;
        let note = '';
        if (c.score !== 'SUCCESS') {
          notes.push(footnote(pi, notes.length + 1, c));
          const n = notes.length;
          note = `<sup><a href="#note-${pi + 1}-${n}">${n}</a></sup>`;
        }
        return `<td class="${c.score.toLowerCase()}">${c.score}${note}${level}</td>`;
      });
      out.push(`<tr><th scope="row">${e(label(src))}</th>${cells.join('')}</tr>`);
    }
    out.push('</tbody>', '</table>');
    if (notes.length) out.push('<ol class="notes">', ...notes, '</ol>');
    out.push('</section>');
  });
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function footnote(pi: number, n: number, c: MatrixCell): string {
  const e = escapeHtml;
  const step = decidingStep(c);
  const at = step ? `, at step “${e(step.title)}”` : '';
  const reasons = c.reasons.length ? c.reasons : ['no reason was recorded'];
  return (
    `<li id="note-${pi + 1}-${n}"><strong>${e(label(c.source))} → ${e(label(c.target))}: ${c.score}</strong>${at}` +
    `<ul>${reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul></li>`
  );
}
