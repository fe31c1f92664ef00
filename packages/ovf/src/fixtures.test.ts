import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, ReservoirError } from '@reservoir/runtime';
import { parseOvf } from './index.js';

const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.ovf$/i.test(name) ? [relative(FIXTURES, path)] : [];
  });
}

const isNegative = (rel: string): boolean => rel.split(sep).some((part) => /^(neg|negative)$/i.test(part));

// Outside Neg folders but deliberately broken: a made-up "3.0" namespace, and the two
// conformance files with an undeclared `ovfstr:` prefix (standards.md §2.14).
const EXPECTED_REJECTED = new Set([
  join('cot-cisco', 'ersatz_ovf_3.0.ovf'),
  join('ovftool-conformance', 'VirtualHardware_1_0', 'Pos', 'item_msgid.ovf'),
  join('ovftool-conformance', 'VirtualHardware_1_0', 'Pos', 'item_msgid_elename.ovf'),
]);

const all = walk(FIXTURES);
const positives = all.filter((f) => !isNegative(f) && !EXPECTED_REJECTED.has(f));
const negatives = all.filter((f) => isNegative(f) || EXPECTED_REJECTED.has(f));

const parse = (rel: string) => parseOvf(readFileSync(join(FIXTURES, rel), 'utf8'), rel);

function expectCleanRejection(rel: string): void {
  try {
    parse(rel);
  } catch (e) {
    expect(e).toBeInstanceOf(ReservoirError);
    const err = e as ReservoirError;
    expect(err.code).toBe('INVALID_ARGUMENT');
    for (const line of err.message.split('\n')) expect(line).toMatch(/^.+\.ovf:\d+: /);
    expect(err.message).not.toMatch(/\n\s+at /);
    return;
  }
  throw new Error(`${rel} parsed`);
}

describe('OVF fixtures produced by real tools', () => {
  it('finds the fixture tree', () => {
    expect(positives.length).toBeGreaterThan(100);
    expect(negatives.length).toBeGreaterThan(50);
  });

  it.each(positives)('parses %s', (rel) => {
    const model = parse(rel);
    expect(['0.9', '1.x', '2.x']).toContain(model.edition);
  });

  it.each([...EXPECTED_REJECTED])('rejects %s with a located INVALID_ARGUMENT', (rel) => {
    expectCleanRejection(rel);
  });

  it.each(negatives.filter((f) => isNegative(f)))('negative %s: clean rejection or a model', (rel) => {
    let model;
    try {
      model = parse(rel);
    } catch {
      expectCleanRejection(rel);
      return;
    }
    for (const w of model.warnings) expect(w).toMatch(/^.+\.ovf:\d+: /);
  });
});

describe('negative conformance cases that must be flagged', () => {
  const warns: Array<[string, RegExp]> = [
    ['DiskSection_1_0/Neg/dup_diskid.ovf', /duplicate diskId "vmdisk1"/],
    ['DiskSection_1_0/Neg/no_capacity.ovf', /<Disk>: no capacity/],
    ['DiskSection_1_0/Neg/no_diskid.ovf', /Disk without ovf:diskId/],
    ['Envelope_1_0/Neg/invalid_ref_dup_id.ovf', /duplicate File id "file1"/],
    ['Envelope_1_0/Neg/invalid_ref_no_href.ovf', /without ovf:href/],
    ['Envelope_1_0/Neg/invalid_no_vm.ovf', /no VirtualSystem/],
    ['ProductSection_1_0/Neg/prop_dup_keys.ovf', /duplicate property key/],
    ['ProductSection_1_0/Neg/prop_no_key.ovf', /Property without ovf:key/],
  ];
  it.each(warns)('%s warns %s', (rel, pattern) => {
    const model = parse(join('ovftool-conformance', ...rel.split('/')));
    expect(model.warnings.some((w) => pattern.test(w))).toBe(true);
  });

  it.each([
    ['Envelope_1_0/Neg/invalid_namespace.ovf', /:2: <Envelope>: not an OVF envelope/],
    ['Envelope_1_0/Neg/invalid_neg_chunk.ovf', /:4: <File>: size "abcd" is not a number/],
    ['Envelope_1_0/Neg/invalid_env.ovf', /:4: malformed XML/],
  ])('%s throws %s', (rel, pattern) => {
    const path = join('ovftool-conformance', ...rel.split('/'));
    expect(() => parse(path)).toThrow(pattern);
    expectCleanRejection(path);
  });
});

describe('concrete values across producers', () => {
  const GiB = 2 ** 30;

  it('VMware Studio 0.9 (xsi:type sections, InstanceId, MegaBytes)', () => {
    const m = parse(join('vmware-govmomi', 'VMwareStudio_VM_OVF09.ovf'));
    expect(m.edition).toBe('0.9');
    const [vs] = m.virtualSystems;
    expect(vs).toMatchObject({ id: 'ubuntu-name', osType: '101', cpus: 1, memoryMiB: 256, nics: 1 });
    expect(vs?.disks.map((d) => d.capacityBytes)).toEqual([2 * GiB, 2 * GiB]);
    expect(m.networks).toEqual(['Network 1']);
    expect(m.references[0]).toEqual({ id: 'system.vmdk_id', href: 'system.vmdk', size: 334270976 });
  });

  it('VirtualBox 2.0 export (MegaBytes, plain-byte capacity)', () => {
    const m = parse(join('virtualbox', 'ubuntu.2.0.ovf'));
    expect(m.edition).toBe('2.x');
    expect(m.virtualSystems[0]).toMatchObject({ cpus: 1, memoryMiB: 512 });
    expect(m.virtualSystems[0]?.disks[0]).toMatchObject({
      diskId: 'vmdisk1',
      capacityBytes: 8589934592,
      fileRef: 'file1',
    });
  });

  it('COT iosv: default DeploymentOption among several memory Items, MiB disk units', () => {
    const m = parse(join('cot-cisco', 'iosv.ovf'));
    const vs = m.virtualSystems[0];
    expect(vs).toMatchObject({ cpus: 1, memoryMiB: 384, nics: 2 });
    expect(vs?.disks.map((d) => d.capacityBytes).sort()).toEqual([128 * 2 ** 20, GiB].sort());
  });

  it('govmomi deployment-configs: the default "large" configuration', () => {
    const vs = parse(join('vmware-govmomi', 'deployment-configs.ovf')).virtualSystems[0];
    expect(vs).toMatchObject({ cpus: 8, memoryMiB: 8192 });
    expect(vs?.disks.map((d) => d.capacityBytes)).toEqual([4 * GiB, 4 * GiB, 4 * GiB]);
  });

  it('capacity ${disksize} resolved from the property default', () => {
    const vs = parse(join('vmware-govmomi', 'disk-capacity-property.ovf')).virtualSystems[0];
    expect(vs).toMatchObject({ cpus: 1, memoryMiB: 512 });
    expect(vs?.disks[0]).toMatchObject({ diskId: 'vmdisk_data', capacityBytes: 5 * GiB, fileRef: null });
    expect(vs?.properties).toContainEqual({ key: 'disksize', type: 'int', value: '5' });
  });

  it('nested VirtualSystemCollection lists every VirtualSystem', () => {
    const m = parse(join('vmware-govmomi', 'nested-vapp.ovf'));
    expect(m.virtualSystems.map((v) => v.memoryMiB)).toEqual([512, 512, 256]);
  });

  it('COT v0.9 and VirtualBox-produced 0.9 conformance file', () => {
    expect(parse(join('cot-cisco', 'v0.9.ovf')).virtualSystems[0]).toMatchObject({
      cpus: 1,
      memoryMiB: 8192,
    });
    const lax = join(
      'ovftool-conformance',
      'LaxMode',
      'Pos',
      'vbox2_non_default_system_settings_0.9',
      'vbox2_0.9.ovf',
    );
    const vs = parse(lax).virtualSystems[0];
    expect(vs).toMatchObject({ cpus: 2, memoryMiB: 192 });
    expect(vs?.disks[0]?.capacityBytes).toBe(10 * GiB);
  });
});
