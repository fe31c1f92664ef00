// The manifests shipped in examples/ and the README: each validates cleanly, twins describe the
// same service, and converting them between forms loses nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { estimateCost, REFERENCE_PRICES } from './cost.js';
import { readManifest } from './load.js';
import { manifestFromOvf } from './ovf-read.js';
import { manifestToOvf } from './ovf-write.js';
import { validateManifest } from './validate.js';
import { manifestFromYaml } from './yaml-read.js';
import { manifestToYaml } from './yaml-write.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const examples = readdirSync(EXAMPLES).filter((f) => /\.(ovf|ya?ml)$/.test(f));
const read = (name: string) => readManifest(readFileSync(join(EXAMPLES, name), 'utf8'), name);

/** The fenced blocks of a language in docs/manifest-extensions.md. */
function readmeBlocks(lang: string): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'docs', 'manifest-extensions.md'), 'utf8');
  return [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
}

describe('examples/', () => {
  it('holds the Hadoop service in both forms and the web tier', () => {
    expect(examples).toEqual(expect.arrayContaining(['hadoop.ovf', 'hadoop.yaml', 'web-tier.yaml']));
  });

  it.each(examples)('%s validates without a problem', (name) => {
    const { manifest, source } = read(name);
    expect(validateManifest(manifest, source)).toEqual([]);
  });

  it.each(examples)('%s crosses OVF → YAML → OVF and YAML → OVF → YAML unchanged', (name) => {
    const m = read(name).manifest;
    expect(manifestFromOvf(manifestToOvf(manifestFromYaml(manifestToYaml(m))))).toEqual(m);
    const yaml = manifestToYaml(m);
    expect(manifestToYaml(manifestFromOvf(manifestToOvf(manifestFromYaml(yaml))))).toBe(yaml);
  });

  it('hadoop.ovf and hadoop.yaml describe the same service', () => {
    expect(read('hadoop.ovf').manifest).toEqual(read('hadoop.yaml').manifest);
  });

  it("reads seed 002's scenario from hadoop.ovf", () => {
    const m = read('hadoop.ovf').manifest;
    const byId = Object.fromEntries(m.components.map((c) => [c.id, c]));
    expect(m.components.map((c) => [c.id, c.startupOrder, c.dependsOn])).toEqual([
      ['master', 1, []],
      ['slaves', 2, ['master']],
      ['portal', 2, ['master']],
    ]);
    expect(byId.slaves?.instances).toEqual({ min: 2, max: 8, initial: 2 });
    expect(byId.slaves?.networks).toEqual(['private']);
    expect(byId.slaves?.disks.map((d) => [d.diskId, d.capacityBytes, d.fileRef])).toEqual([
      ['slave-system', 8 * 2 ** 30, 'slave-image'],
      ['storage-b', 100 * 2 ** 30, null],
    ]);
    expect(byId.portal?.networks).toEqual(['public', 'private']);
    expect(m.networks.map((n) => [n.name, n.public])).toEqual([
      ['public', true],
      ['private', false],
    ]);
    expect(m.rules.map((r) => [r.kind, r.component])).toEqual([
      ['threshold', 'slaves'],
      ['expression', 'slaves'],
    ]);
    expect(m.rules[0]).toMatchObject({
      kpi: 'jobqueue',
      windowSeconds: 300,
      frequencySeconds: 20,
      quota: 50,
    });
    expect(m.business).toEqual({ budgetPerHour: 1.5, currency: 'EUR', allowedProviders: [] });
    const cost = estimateCost(m, REFERENCE_PRICES);
    expect(cost.perHourAtInitial).toBeCloseTo(0.0613 + 2 * 0.1308 + 0.0308, 10);
    expect(cost.perHourAtMax).toBeCloseTo(0.0613 + 8 * 0.1308 + 0.0308, 10);
  });
});

describe('the README example', () => {
  it('reads the same service from its OVF and its YAML', () => {
    const [ovf] = readmeBlocks('xml').filter((b) => b.includes('<Envelope'));
    const [yaml] = readmeBlocks('yaml');
    const fromOvf = manifestFromOvf(ovf ?? '', 'README.ovf');
    expect(fromOvf).toEqual(manifestFromYaml(yaml ?? '', 'README.yaml'));
    expect(validateManifest(fromOvf)).toEqual([]);
    expect(fromOvf.rules.map((r) => r.id)).toEqual(['web-by-load', 'web-slow']);
  });
});
