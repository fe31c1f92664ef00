import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  renderMatrixHtml,
  renderMatrixText,
  summarizeCell,
  type InteropMatrix,
} from './matrix.js';
import type { Difference } from './report.js';
import { completeSteps, INTEROP_STEPS, stepResult, type Score, type StepResult } from './seven-step.js';

function steps(...scores: Score[]): StepResult[] {
  return completeSteps(scores.map((s, i) => stepResult(INTEROP_STEPS[i]!, s, `detail ${i + 1}`)));
}

const ALL_OK = steps('SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS');

function d(severity: Difference['severity'], message: string, code = 'X'): Difference {
  return { code, severity, field: 'f', message };
}

describe('summarizeCell', () => {
  it('is a success without reasons when every step succeeded and nothing counted against it', () => {
    expect(summarizeCell(ALL_OK, [d('info', 'disk converted')])).toEqual({ score: 'SUCCESS', reasons: [] });
  });

  it('names each step that did not succeed, and the steps not run in one reason', () => {
    const s = summarizeCell(steps('WARNING', 'SUCCESS', 'SUCCESS', 'FAILURE'), []);
    expect(s).toEqual({
      score: 'FAILURE',
      reasons: [
        'Sanity check at the source: WARNING: detail 1',
        'Resource check at the target: FAILURE: detail 4',
        'Not run (step resource-check-target failed): Consistency check at the target, Import into the target, Restart at the target',
      ],
    });
  });

  it('is lowered by a counted difference, which it names unless a step already says it', () => {
    const withDetail = ALL_OK.map((s) => (s.step === 'restart-target' ? { ...s, detail: 'IP changed' } : s));
    expect(
      summarizeCell(withDetail, [
        d('warning', 'IP changed'),
        d('warning', 'no hot-plug', 'CPU_HOTPLUG_UNAVAILABLE'),
      ]),
    ).toEqual({
      score: 'WARNING',
      reasons: ['no hot-plug (CPU_HOTPLUG_UNAVAILABLE)'],
    });
    expect(summarizeCell(ALL_OK, [d('blocking', 'refused')]).score).toBe('FAILURE');
  });
});

const M: InteropMatrix = {
  generatedAt: '2013-06-01T00:00:00.000Z',
  families: ['kvm', 'hyperv'],
  profiles: [
    { id: 'centos63', title: 'CentOS 6.3' },
    { id: 'evil', title: 'Evil <b>guest</b> & co' },
  ],
  cells: [
    {
      profile: 'centos63',
      source: 'kvm',
      target: 'kvm',
      score: 'SUCCESS',
      level: 1,
      reasons: [],
      steps: ALL_OK,
    },
    {
      profile: 'centos63',
      source: 'kvm',
      target: 'hyperv',
      score: 'FAILURE',
      level: null,
      reasons: ['the address <script>alert(1)</script> is lost'],
      steps: steps('SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILURE'),
    },
    {
      profile: 'centos63',
      source: 'hyperv',
      target: 'kvm',
      score: 'WARNING',
      level: 2,
      reasons: ['CPU model changed'],
      steps: steps('SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'WARNING'),
    },
    { profile: 'evil', source: 'kvm', target: 'kvm', score: 'SUCCESS', level: 1, reasons: [], steps: ALL_OK },
  ],
};

describe('renderMatrixText', () => {
  it('prints a table per profile with S, W, F and - for untested cells', () => {
    const t = renderMatrixText(M);
    expect(t).toContain('CentOS 6.3 (centos63)');
    expect(t).toContain('Evil <b>guest</b> & co (evil)');
    const rows = t.split('\n').filter((l) => l.includes('│'));
    const cells = (l: string) =>
      l
        .split('│')
        .map((c) => c.trim())
        .filter(Boolean);
    expect(rows.map(cells)).toEqual([
      ['source \\ target', 'KVM', 'Microsoft Hyper-V'],
      ['KVM', 'S', 'F'],
      ['Microsoft Hyper-V', 'W', '-'],
      ['source \\ target', 'KVM', 'Microsoft Hyper-V'],
      ['KVM', 'S', '-'],
      ['Microsoft Hyper-V', '-', '-'],
    ]);
  });
});

describe('renderMatrixHtml', () => {
  const html = renderMatrixHtml(M);

  it('is a self-contained page with inline CSS and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it('escapes all text, a reason with <script> included', () => {
    expect(html).toContain('the address &#60;script&#62;alert(1)&#60;/script&#62; is lost');
    expect(html).toContain('Evil &#60;b&#62;guest&#60;/b&#62; &#38; co');
    expect(escapeHtml(`"'&<>`)).toBe('&#34;&#39;&#38;&#60;&#62;');
  });

  it('has one table per guest profile, source rows and target columns', () => {
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).toContain('<caption>Summary results for CentOS 6.3</caption>');
    expect(html).toContain('<th scope="col">KVM</th><th scope="col">Microsoft Hyper-V</th>');
    expect(html).toContain('<tr><th scope="row">Microsoft Hyper-V</th>');
  });

  it('colours cells by score with the level, and footnotes each non-success with its reasons and step', () => {
    expect(html).toContain('<td class="success">SUCCESS<small>level 1</small></td>');
    expect(html).toContain('<td class="failure">FAILURE<sup><a href="#note-1-1">1</a></sup></td>');
    expect(html).toContain(
      '<td class="warning">WARNING<sup><a href="#note-1-2">2</a></sup><small>level 2</small></td>',
    );
    expect(html).toContain('<td class="none">not tested</td>');
    expect(html).toMatch(
      /<li id="note-1-1"><strong>KVM → Microsoft Hyper-V: FAILURE<\/strong>, at step “Consistency check at the target”/,
    );
    expect(html).toMatch(
      /<li id="note-1-2"><strong>Microsoft Hyper-V → KVM: WARNING<\/strong>, at step “Restart at the target”<ul><li>CPU model changed<\/li>/,
    );
    // The second profile has only successes: no footnotes.
    expect(html.match(/<ol class="notes">/g)).toHaveLength(1);
  });
});
